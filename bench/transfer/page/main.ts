/**
 * The in-page half of bench/transfer: one page is the sender, the other the receiver. The Node
 * side (run.ts) drives them through `window.bench` and relays signaling between them.
 */
import { createSHA256 } from 'hash-wasm';
import {
  connectSession,
  DEFAULT_SEND_WINDOW,
  type IncomingTransfer,
  openTransferSession,
  type OutgoingTransfer,
  PeerConnectionManager,
  type SignalingChannel,
  type SignalMessage,
  type TransferChannel,
  type TransferSession,
  type TransferSnapshot,
} from '../../../frontend/src/features/transfer/engine/index';
import { createReceiveStore } from '../../../frontend/src/features/transfer/engine/storage/choose-store';

type Role = 'sender' | 'receiver';
type Namespace = 'bare' | 'engine';

declare global {
  interface Window {
    /** Exposed by run.ts: carries a signaling message to the other page. */
    benchSignalOut(ns: Namespace, json: string): Promise<void>;
    bench: typeof bench;
  }
}

const inbound: Record<Namespace, Set<(message: SignalMessage) => void>> = {
  bare: new Set(),
  engine: new Set(),
};

function signaling(ns: Namespace): SignalingChannel {
  return {
    send: (message) => void window.benchSignalOut(ns, JSON.stringify(message)),
    onMessage(handler) {
      inbound[ns].add(handler);
      return () => inbound[ns].delete(handler);
    },
  };
}

let role: Role = 'sender';
let session: TransferSession | null = null;
let engineConnection: PeerConnectionManager | null = null;
let bareConnection: PeerConnectionManager | null = null;
let bareChannel: TransferChannel | null = null;
let outgoing: OutgoingTransfer | null = null;
let incoming: IncomingTransfer | null = null;

const noIce = async () => [];

function waitFor<T>(get: () => T | null | undefined, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = get();
      if (value !== null && value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('bench: timed out waiting'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

const snapshot = (): TransferSnapshot | null =>
  (role === 'sender' ? outgoing?.snapshot : incoming?.snapshot) ?? null;

const bench = {
  signalIn(ns: Namespace, json: string) {
    const message = JSON.parse(json) as SignalMessage;
    inbound[ns].forEach((handler) => handler(message));
  },

  /**
   * Opens the real session (OPFS worker store, IndexedDB manifests) and connects it; by
   * default with no ICE servers (host candidates), or with these and, if `relayOnly`,
   * iceTransportPolicy 'relay' (TURN only).
   */
  async initEngine(
    asRole: Role,
    ice: { iceServers: RTCIceServer[]; relayOnly: boolean } | null = null,
  ) {
    role = asRole;
    ({ session } = await openTransferSession({ peerKey: 'bench' }));
    session.onIncoming((transfer) => {
      incoming = transfer;
      void transfer.accept();
    });
    // After a reload the unfinished transfer comes back from the manifest.
    // Finished transfers of earlier runs come back too: pick the unfinished one.
    const restored = session.transfers
      .getSnapshot()
      .find((t) => t.snapshot.direction === 'receive' && t.snapshot.phase === 'paused');
    if (restored) incoming = restored as IncomingTransfer;
    engineConnection = connectSession(session, {
      signaling: signaling('engine'),
      polite: role === 'receiver',
      iceServers: ice ? async () => ice.iceServers : noIce,
      ...(ice?.relayOnly && {
        createPeerConnection: (config: RTCConfiguration) =>
          new RTCPeerConnection({ ...config, iceTransportPolicy: 'relay' }),
      }),
    });
    await waitFor(() => (session?.link.getSnapshot() === 'ready' ? true : null));
    return { restored: restored !== undefined };
  },

  async storeKind() {
    const store = await createReceiveStore();
    store?.dispose();
    return store?.kind ?? null;
  },

  connectionPath: () => engineConnection?.state.getSnapshot().path ?? 'unknown',

  /** Sender: offers the file chosen in the page's file input. */
  sendChosenFile() {
    const input = document.querySelector<HTMLInputElement>('#file')!;
    const file = input.files?.[0];
    if (!file || !session) throw new Error('bench: no file chosen or no session');
    outgoing = session.send([file]);
    return { name: file.name, size: file.size };
  },

  progress: () => {
    const s = snapshot();
    return s && { phase: s.phase, bytesMoved: s.bytesMoved, bytesDone: s.bytesDone };
  },

  async finished() {
    const transfer = await waitFor(() => (role === 'sender' ? outgoing : incoming), 120_000);
    return transfer.finished();
  },

  /** Drops the peer connection as a network cut would; the engine must recover by itself. */
  async cut() {
    await engineConnection?.reconnect();
  },

  /** Receiver: SHA-256 of the stored file, read back from OPFS (independent of the pipeline). */
  async receivedSha256() {
    if (!incoming) throw new Error('bench: nothing received');
    const file = await incoming.getFile(0);
    const hasher = await createSHA256();
    hasher.init();
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hasher.update(value);
    }
    return { sha256: hasher.digest('hex'), size: file.size };
  },

  // ---- the baseline: a bare data channel, 256 KiB chunks, backpressure, no hashing, no disk --

  async initBare(asRole: Role) {
    role = asRole;
    bareConnection = connectSessionless(asRole);
    bareChannel = await waitFor(() => bareChannel);
    return true;
  },

  bareReceive(total: number): Promise<number> {
    const channel = bareChannel!;
    return new Promise((resolve) => {
      let received = 0;
      const off = channel.onMessage((data) => {
        if (typeof data === 'string') return;
        received += data.byteLength;
        if (received >= total) {
          off();
          resolve(received);
        }
      });
    });
  },

  async bareSend(total: number) {
    const channel = bareChannel!;
    const { highWater, lowWater, pollMs } = DEFAULT_SEND_WINDOW;
    channel.bufferedAmountLowThreshold = lowWater;
    const chunk = new Uint8Array(Math.min(channel.maxMessageSize, 256 * 1024));
    crypto.getRandomValues(chunk.subarray(0, 65_536));
    let sent = 0;
    while (sent < total) {
      if (channel.bufferedAmount >= highWater) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, pollMs);
          const off = channel.onBufferedAmountLow(done);
          function done() {
            clearTimeout(timer);
            off();
            resolve();
          }
        });
        continue;
      }
      const n = Math.min(chunk.byteLength, total - sent);
      channel.send(n === chunk.byteLength ? chunk : chunk.subarray(0, n));
      sent += n;
    }
    return sent;
  },

  closeBare() {
    bareConnection?.close();
    bareConnection = null;
    bareChannel = null;
  },
};

function connectSessionless(asRole: Role): PeerConnectionManager {
  // The same connection manager as the engine, without a session: the channel is used raw.
  const manager = new PeerConnectionManager({
    signaling: signaling('bare'),
    polite: asRole === 'receiver',
    iceServers: noIce,
  });
  manager.onChannel((channel) => (bareChannel = channel));
  void manager.start();
  return manager;
}

window.bench = bench;
