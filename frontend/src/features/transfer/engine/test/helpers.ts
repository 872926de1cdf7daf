import { createHash } from 'node:crypto';
import { createMemoryChannelPair, type MemoryLinkOptions } from '../memory-channel';
import { MemoryManifestStore } from '../manifest';
import { TransferSession, type SessionOptions } from '../session';
import type { IncomingTransfer } from '../receiver';
import { MemoryStore } from '../storage/memory-store';
import type { TransferChannel } from '../channel';

export const BLOCK = 64 * 1024;
/** Small messages so that a block takes several chunks. */
export const MESSAGE = 16 * 1024;

export function bytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out[i] = x & 0xff;
  }
  return out;
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function videoFile(size: number, name = 'heat.mp4', seed = 1): File {
  return new File([bytes(size, seed)], name, {
    type: 'video/mp4',
    lastModified: 1_700_000_000_000,
  });
}

export interface Peer {
  session: TransferSession;
  store: MemoryStore;
  manifests: MemoryManifestStore;
}

export function peer(overrides: Partial<SessionOptions> & { store?: MemoryStore } = {}): Peer {
  const store = overrides.store ?? new MemoryStore();
  const manifests =
    (overrides.manifests as MemoryManifestStore | undefined) ?? new MemoryManifestStore();
  const session = new TransferSession({
    peerKey: 'match-1',
    blockSize: BLOCK,
    ...overrides,
    store,
    manifests,
  });
  return { session, store, manifests };
}

/** Connects two sessions through a fresh in-memory channel pair. */
export function connect(a: Peer, b: Peer, options: MemoryLinkOptions = {}) {
  const [left, right] = createMemoryChannelPair({ maxMessageSize: MESSAGE, ...options });
  a.session.attach(left);
  b.session.attach(right);
  return [left, right] as const;
}

/** Accepts every offer the peer receives. */
export function autoAccept(receiver: Peer): IncomingTransfer[] {
  const seen: IncomingTransfer[] = [];
  receiver.session.onIncoming((transfer) => {
    seen.push(transfer);
    void transfer.accept();
  });
  return seen;
}

/** Resolves once `predicate` holds, checked after every macrotask. */
export async function until(predicate: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 100_000; i++) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`Never happened: ${what}`);
}

/** Wraps a channel so a test can tamper with what one side sends. */
export function tamper(
  channel: TransferChannel,
  edit: (data: string | Uint8Array<ArrayBuffer>) => string | Uint8Array<ArrayBuffer>,
): TransferChannel {
  return new Proxy(channel, {
    get(target, prop, receiver) {
      if (prop === 'send')
        return (data: string | Uint8Array<ArrayBuffer>) => target.send(edit(data));
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value);
    },
  });
}

/**
 * Connects two sessions and cuts the link once the first has sent `afterBytes` of chunk data.
 * Resolves when the cut happened.
 */
export function connectAndCut(
  a: Peer,
  b: Peer,
  afterBytes: number,
  options: MemoryLinkOptions = {},
): Promise<void> {
  const [left, right] = createMemoryChannelPair({ maxMessageSize: MESSAGE, ...options });
  let sent = 0;
  let cut: () => void;
  const done = new Promise<void>((resolve) => (cut = resolve));
  a.session.attach(
    tamper(left, (data) => {
      if (typeof data !== 'string') {
        sent += data.byteLength;
        if (sent >= afterBytes) {
          queueMicrotask(() => {
            left.cut();
            cut();
          });
        }
      }
      return data;
    }),
  );
  b.session.attach(right);
  return done;
}
