import type { TransferTelemetryBody, VideoRecord } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import {
  type ConnectionLike,
  type ControllerState,
  fallbackReason,
  TransferController,
  type WakeLockHandle,
} from './controller';
import type { ConnectionState, TransferSnapshot } from './engine';
import { Observable } from './engine/observable';
import {
  BLOCK,
  bytes,
  connect,
  peer,
  type Peer,
  sha256,
  until,
  videoFile,
} from './engine/test/helpers';

const connected: ConnectionState = {
  phase: 'connected',
  path: 'direct',
  fallbackSuggested: false,
  restarts: 0,
};

class FakeWakeLock implements WakeLockHandle {
  released = false;
  async release() {
    this.released = true;
  }
}

/** A controller over an in-memory session, with every side effect recorded. */
function harness(p: Peer, options: { matchId?: number; wakeLock?: boolean } = {}) {
  const telemetry: TransferTelemetryBody[] = [];
  const videos: VideoRecord[] = [];
  const locks: FakeWakeLock[] = [];
  const connection: ConnectionLike & { closed: boolean } = {
    state: new Observable<ConnectionState>(connected),
    closed: false,
    close() {
      this.closed = true;
    },
  };
  const controller = new TransferController({
    matchId: options.matchId ?? 7,
    openSession: async () => ({
      session: p.session,
      storage: { kind: 'memory', maxFileSize: null },
    }),
    connect: () => connection,
    postTelemetry: async (body) => void telemetry.push(body),
    postVideoMessage: (record) => void videos.push(record),
    requestWakeLock: async () => {
      if (options.wakeLock === false) return null;
      const lock = new FakeWakeLock();
      locks.push(lock);
      return lock;
    },
  });
  const states: ControllerState[] = [];
  controller.state.subscribe(() => states.push(controller.state.getSnapshot()));
  return { controller, telemetry, videos, locks, connection, states };
}

/** Alice and Bob, each with a started controller, connected to each other. */
async function startedPair() {
  const alice = peer();
  const bob = peer();
  const a = harness(alice);
  const b = harness(bob);
  await Promise.all([a.controller.start(), b.controller.start()]);
  connect(alice, bob);
  return { alice, bob, a, b };
}

const snap = (phase: TransferSnapshot['phase']) => ({ phase }) as TransferSnapshot;

describe('TransferController', () => {
  it('on a delivered video: telemetry on both sides, one `video` record, wake lock held then released', async () => {
    const { a, b } = await startedPair();
    const size = 2 * BLOCK + 99;
    a.controller.send([videoFile(size, 'heat 12.mp4')]);
    await until(() => b.controller.state.getSnapshot().transfers[0]?.phase === 'incoming');
    const offer = b.controller.state.getSnapshot().transfers[0]!;
    expect(offer.files[0]!.name).toBe('heat 12.mp4');
    await b.controller.accept(offer.id);
    await until(() => a.controller.state.getSnapshot().transfers[0]?.phase === 'completed');
    await until(() => b.controller.state.getSnapshot().transfers[0]?.phase === 'completed');
    await until(() => a.telemetry.length === 1 && b.telemetry.length === 1);

    expect(a.videos).toEqual([
      { name: 'heat 12.mp4', size, sha256: sha256(bytes(size)), mimeType: 'video/mp4' },
    ]);
    expect(b.videos).toEqual([]);
    expect(a.telemetry[0]).toMatchObject({
      matchId: 7,
      role: 'sender',
      outcome: 'completed',
      totalBytes: size,
      connection: 'direct',
    });
    expect(b.telemetry[0]).toMatchObject({ role: 'receiver', outcome: 'completed' });
    // Telemetry never carries a file name.
    expect(JSON.stringify(a.telemetry)).not.toContain('heat 12');

    expect(a.states.some((s) => s.busy && s.wakeLock === 'held')).toBe(true);
    expect(a.locks.length).toBe(1);
    await until(() => a.locks.every((l) => l.released));
    expect(a.controller.state.getSnapshot()).toMatchObject({ busy: false, wakeLock: 'off' });

    const file = await b.controller.getFile(offer.id, 0);
    expect(file.size).toBe(size);

    // Later changes never report the same outcome twice.
    a.connection.state.set({ ...connected, restarts: 1 });
    await new Promise((r) => setTimeout(r, 10));
    expect(a.telemetry.length).toBe(1);
    expect(a.videos.length).toBe(1);
  });

  it('a declined offer: telemetry says cancelled/declined, no chat record', async () => {
    const { a, b } = await startedPair();
    a.controller.send([videoFile(100)]);
    await until(() => b.controller.state.getSnapshot().transfers[0]?.phase === 'incoming');
    b.controller.decline(b.controller.state.getSnapshot().transfers[0]!.id);
    await until(() => a.telemetry.length === 1 && b.telemetry.length === 1);
    expect(a.telemetry[0]).toMatchObject({ outcome: 'cancelled', reason: 'declined' });
    expect(a.controller.state.getSnapshot().transfers[0]!.phase).toBe('declined');
    expect(a.videos).toEqual([]);
  });

  it('cancel by the receiver stops both sides and reports it', async () => {
    const { a, b } = await startedPair();
    a.controller.send([videoFile(3 * BLOCK)]);
    await until(() => b.controller.state.getSnapshot().transfers[0]?.phase === 'incoming');
    const id = b.controller.state.getSnapshot().transfers[0]!.id;
    await b.controller.accept(id);
    await b.controller.cancel(id);
    await until(() => a.controller.state.getSnapshot().transfers[0]?.phase === 'cancelled');
    await until(() => a.telemetry.length === 1 && b.telemetry.length === 1);
    expect(a.telemetry[0]).toMatchObject({ outcome: 'cancelled', role: 'sender' });
    expect(b.telemetry[0]).toMatchObject({ outcome: 'cancelled', role: 'receiver' });
    expect(a.controller.state.getSnapshot().busy).toBe(false);
  });

  it('transfers restored already finished are not reported again', async () => {
    const alice = peer();
    const bob = peer();
    connect(alice, bob);
    bob.session.onIncoming((t) => void t.accept());
    const sent = alice.session.send([videoFile(BLOCK)]);
    await sent.finished();
    await until(() => bob.session.transfers.getSnapshot()[0]?.snapshot.phase === 'completed');
    const again = peer({ manifests: bob.manifests, store: bob.store });
    await again.session.restore();
    const b = harness(again);
    await b.controller.start();
    expect(b.controller.state.getSnapshot().transfers[0]?.phase).toBe('completed');
    await new Promise((r) => setTimeout(r, 10));
    expect(b.telemetry).toEqual([]);
  });

  it('says so when the browser grants no wake lock', async () => {
    const alice = peer();
    const bob = peer();
    const a = harness(alice, { wakeLock: false });
    await a.controller.start();
    connect(alice, bob);
    a.controller.send([videoFile(10)]);
    await until(() => a.controller.state.getSnapshot().wakeLock === 'unavailable');
    expect(a.controller.state.getSnapshot().busy).toBe(true);
  });

  it('dispose closes the connection', async () => {
    const h = harness(peer());
    await h.controller.start();
    h.controller.dispose();
    expect(h.connection.closed).toBe(true);
  });

  it('reports a session that cannot open', async () => {
    const controller = new TransferController({
      matchId: 1,
      openSession: () => Promise.reject(new Error('IndexedDB is disabled')),
      connect: () => {
        throw new Error('unreachable');
      },
      postTelemetry: async () => undefined,
      postVideoMessage: () => undefined,
      requestWakeLock: async () => null,
    });
    await controller.start();
    expect(controller.state.getSnapshot()).toMatchObject({
      phase: 'error',
      error: 'IndexedDB is disabled',
    });
  });
});

describe('fallbackReason', () => {
  const idle: ConnectionState = { ...connected, phase: 'connecting' };

  it('offers the link after the connection timeout, and withdraws it once connected', () => {
    expect(fallbackReason(idle, 'detached', [])).toBeNull();
    expect(fallbackReason({ ...idle, fallbackSuggested: true }, 'detached', [])).toBe(
      'no_connection',
    );
    expect(fallbackReason({ ...connected, fallbackSuggested: true }, 'ready', [])).toBeNull();
  });

  it('offers it for an incompatible partner app and after a failed transfer', () => {
    expect(fallbackReason(connected, 'incompatible', [])).toBe('incompatible');
    expect(fallbackReason(connected, 'ready', [snap('failed')])).toBe('failed');
    // Only the newest transfer counts: a later success clears an old failure.
    expect(fallbackReason(connected, 'ready', [snap('completed'), snap('failed')])).toBeNull();
  });
});
