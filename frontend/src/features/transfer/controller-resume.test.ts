/**
 * The controller's answers to what two new dancers ran into: an empty file, a sender who
 * reloads mid-transfer (the same file picked again resumes the transfer), the status the
 * receiver reads meanwhile, and finished items cleared from the list.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startI18n } from '../../lib/i18n';
import { type ConnectionLike, TransferController } from './controller';
import type { ConnectionState } from './engine';
import { Observable } from './engine/observable';
import {
  BLOCK,
  connect,
  connectAndCut,
  peer,
  type Peer,
  until,
  videoFile,
} from './engine/test/helpers';
import { memorySentRecords, type SentRecordStore } from './resume';
import { connectionText, pausedText } from './status';

const connected: ConnectionState = {
  phase: 'connected',
  path: 'direct',
  fallbackSuggested: false,
  restarts: 0,
};

function controllerOf(p: Peer, sentRecords: SentRecordStore = memorySentRecords()) {
  const connection: ConnectionLike = {
    state: new Observable<ConnectionState>(connected),
    close: () => undefined,
  };
  return new TransferController({
    matchId: 3,
    openSession: async () => ({
      session: p.session,
      storage: { kind: 'memory', maxFileSize: null },
    }),
    connect: () => connection,
    postTelemetry: async () => undefined,
    postVideoMessage: () => undefined,
    requestWakeLock: async () => null,
    sentRecords,
  });
}

const phaseOf = (c: TransferController, i = 0) => c.state.getSnapshot().transfers[i]?.phase;

describe('TransferController, defects found by new dancers', () => {
  // The notice and the status texts are the English messages; startI18n sets <html lang>,
  // which this test (no DOM) stands in for.
  beforeAll(async () => {
    vi.stubGlobal('document', { documentElement: {} });
    await startI18n('en');
    vi.unstubAllGlobals();
  });

  it('refuses an empty file with a clear message and offers nothing', async () => {
    const alice = peer();
    const bob = peer();
    const a = controllerOf(alice);
    await a.start();
    connect(alice, bob);
    expect(await a.send([videoFile(0, 'heat5.mp4')])).toBeNull();
    expect(a.state.getSnapshot().notice).toBe(
      'heat5.mp4 is empty (0 bytes), so there is nothing to send. Pick the video itself.',
    );
    expect(a.state.getSnapshot().transfers).toEqual([]);
    expect(bob.session.transfers.getSnapshot()).toEqual([]);
  });

  it('a sender who reloads mid-transfer is asked for the file again, and re-picking it resumes the same transfer', async () => {
    const records = memorySentRecords();
    const alice = peer();
    const bob = peer();
    const a = controllerOf(alice, records);
    const b = controllerOf(bob);
    await Promise.all([a.start(), b.start()]);
    const cut = connectAndCut(alice, bob, 5 * BLOCK);
    const size = 12 * BLOCK + 7;
    const id = await a.send([videoFile(size, 'heat5.mp4')]);
    await until(() => phaseOf(b) === 'incoming');
    await b.accept(id!);
    await cut;
    await until(() => phaseOf(b) === 'paused');
    a.dispose(); // the page reloads: the sender's transfer is gone from memory

    const alice2 = peer();
    const a2 = controllerOf(alice2, records);
    await a2.start();
    expect(a2.state.getSnapshot().reopen).toEqual([{ id, names: ['heat5.mp4'] }]);
    connect(alice2, bob);
    await until(() => b.state.getSnapshot().link === 'ready');
    // Connected, yet paused: the receiver reads why, and nothing contradicts it.
    const bState = b.state.getSnapshot();
    expect(pausedText(bState.transfers[0]!, bState, 'Mia')).toBe(
      'Waiting for Mia to reopen the file. It continues from where it stopped.',
    );
    expect(connectionText(bState, 'Mia')).toBe('Connected to Mia, phone to phone.');

    // Another file is not taken for it…
    await a2.send([videoFile(size, 'heat5.mp4', 2)]);
    await until(() => phaseOf(b, 0) === 'incoming');
    expect(a2.state.getSnapshot().reopen).toHaveLength(1);
    // …the same one is.
    expect(await a2.send([videoFile(size, 'heat5.mp4')])).toBe(id);
    await until(() =>
      a2.state.getSnapshot().transfers.some((t) => t.id === id && t.phase === 'completed'),
    );
    await until(
      () => b.state.getSnapshot().transfers.find((t) => t.id === id)?.phase === 'completed',
    );
    expect(b.state.getSnapshot().transfers.filter((t) => t.id === id)).toHaveLength(1);
    expect(a2.state.getSnapshot().reopen).toEqual([]);
    expect(records.list().map((r) => r.id)).not.toContain(id);
    // It resumed: far less than the whole file crossed again.
    const sent = a2.state.getSnapshot().transfers.find((t) => t.id === id)!;
    expect(sent.bytesMoved).toBeLessThan(size);
  });

  it('never says "lost" before the phones were ever connected', () => {
    const a = controllerOf(peer());
    const state = {
      ...a.state.getSnapshot(),
      phase: 'ready' as const,
      connection: { ...connected, phase: 'reconnecting' as const },
    };
    expect(connectionText(state, 'Mia')).toBe('Connecting to Mia…');
    expect(connectionText({ ...state, everConnected: true }, 'Mia')).toBe(
      'Connection to Mia lost. Reconnecting…',
    );
  });

  it('in the background it says the transfer pauses; visible again, a lost connection is renegotiated', async () => {
    let reconnects = 0;
    const state = new Observable<ConnectionState>(connected);
    const c = new TransferController({
      matchId: 3,
      openSession: async () => ({
        session: peer().session,
        storage: { kind: 'memory', maxFileSize: null },
      }),
      connect: () => ({ state, close: () => undefined, reconnect: async () => void reconnects++ }),
      postTelemetry: async () => undefined,
      postVideoMessage: () => undefined,
      requestWakeLock: async () => null,
    });
    await c.start();
    c.setHidden(true);
    expect(connectionText(c.state.getSnapshot(), 'Mia')).toMatch(
      /^spotlight.cam is in the background/,
    );
    c.setHidden(false);
    expect(reconnects).toBe(0); // still connected: nothing to redo
    c.setHidden(true);
    state.set({ ...connected, phase: 'reconnecting' });
    c.setHidden(false);
    expect(reconnects).toBe(1);
    expect(c.state.getSnapshot().hidden).toBe(false);
  });

  it('clears finished transfers from the list, but keeps received videos', async () => {
    const alice = peer();
    const bob = peer();
    const a = controllerOf(alice);
    const b = controllerOf(bob);
    await Promise.all([a.start(), b.start()]);
    connect(alice, bob);
    const id = await a.send([videoFile(BLOCK)]);
    await until(() => phaseOf(b) === 'incoming');
    await b.accept(id!);
    await until(() => phaseOf(a) === 'completed' && phaseOf(b) === 'completed');
    a.clearFinished();
    b.clearFinished();
    expect(a.state.getSnapshot().cleared).toEqual([id]);
    expect(b.state.getSnapshot().cleared).toEqual([]);
  });
});
