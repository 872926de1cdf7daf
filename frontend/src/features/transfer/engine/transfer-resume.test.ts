/**
 * A transfer between two sessions under pressure: flow control (the sender's window and the
 * receiver's unwritten bytes), and resuming after a dropped connection or a page reload.
 */
import { describe, expect, it } from 'vitest';
import {
  autoAccept,
  BLOCK,
  bytes,
  connect,
  connectAndCut,
  MESSAGE,
  peer,
  sha256,
  until,
  videoFile,
} from './test/helpers';
import type { IncomingTransfer } from './receiver';

describe('flow control', () => {
  it('never queues past the high-water mark, nowhere near the 16 MiB close limit', async () => {
    const alice = peer({
      window: { highWater: 256 * 1024, lowWater: 64 * 1024, maxUnacked: 1 << 20, pollMs: 50 },
    });
    const bob = peer();
    autoAccept(bob);
    const [left] = connect(alice, bob, { bytesPerTick: 32 * 1024 });
    const sender = await alice.session.send([videoFile(20 * BLOCK)]).finished();
    expect(sender.phase).toBe('completed');
    expect(left.peakBufferedAmount).toBeLessThan(256 * 1024 + MESSAGE);
  });

  it('keeps going on the poll timer when bufferedamountlow never fires', async () => {
    const alice = peer({
      window: { highWater: 64 * 1024, lowWater: 16 * 1024, maxUnacked: 1 << 20, pollMs: 5 },
    });
    const bob = peer();
    autoAccept(bob);
    connect(alice, bob, { lowEvents: false, bytesPerTick: 16 * 1024 });
    const sender = await alice.session.send([videoFile(6 * BLOCK)]).finished();
    expect(sender.phase).toBe('completed');
  });

  it('caps bytes the receiver has not yet written, however slow its disk', async () => {
    const cap = 96 * 1024;
    const alice = peer({
      window: { highWater: 1 << 20, lowWater: 1 << 18, maxUnacked: cap, pollMs: 50 },
    });
    const { MemoryStore } = await import('./storage/memory-store');
    // A disk that takes a few milliseconds per chunk, far slower than the link.
    const slow = new MemoryStore(null, () => new Promise((resolve) => setTimeout(resolve, 2)));
    const open = slow.open.bind(slow);
    let waiting = 0;
    let peakWaiting = 0;
    slow.open = (key, options, events) => {
      const sink = open(key, options, {
        ...events,
        written: (n) => {
          waiting -= n;
          events.written(n);
        },
      });
      const chunk = sink.chunk.bind(sink);
      sink.chunk = (offset, data) => {
        waiting += data.byteLength;
        peakWaiting = Math.max(peakWaiting, waiting);
        chunk(offset, data);
      };
      return sink;
    };
    const bob = peer({ store: slow, ackEveryBytes: 16 * 1024 });
    autoAccept(bob);
    connect(alice, bob, { bytesPerTick: 1 << 20 });
    const sender = await alice.session.send([videoFile(12 * BLOCK)]).finished();
    expect(sender.phase).toBe('completed');
    // The sender hit the cap again and again, yet the receiver never held more than the cap
    // plus the one chunk that crossed it.
    expect(peakWaiting).toBeGreaterThan(cap / 2);
    expect(peakWaiting).toBeLessThan(cap + MESSAGE);
  });
});

describe('resume', () => {
  const size = 10 * BLOCK;
  const unackedCap = 2 * BLOCK;
  const window = { highWater: BLOCK, lowWater: BLOCK / 4, maxUnacked: unackedCap, pollMs: 20 };

  it('continues from the first missing block after the connection drops at 40%', async () => {
    const alice = peer({ window });
    const bob = peer();
    const offers = autoAccept(bob);
    const cut = connectAndCut(alice, bob, size * 0.4);
    const sent = alice.session.send([videoFile(size)]);
    await cut;
    await until(() => sent.snapshot.phase === 'paused', 'pause');
    await until(() => offers[0]!.snapshot.phase === 'paused', 'pause');
    const verifiedAtCut = offers[0]!.snapshot.bytesDone;
    expect(verifiedAtCut).toBeGreaterThan(0);

    connect(alice, bob);
    const sender = await sent.finished();
    const receiver = await offers[0]!.finished();
    expect(sender.phase).toBe('completed');
    expect(receiver.files[0]!.sha256).toBe(sha256(bytes(size)));
    expect(sender.resumes).toBe(1);
    expect(sender.bytesResent).toBeGreaterThan(0);
    expect(sender.bytesResent).toBeLessThanOrEqual(BLOCK + unackedCap);
    expect(sender.bytesMoved).toBeLessThan(size + BLOCK + unackedCap + 1);
  });

  it('continues after the receiving page reloads, from its manifest', async () => {
    const alice = peer({ window });
    const bob = peer();
    const offers = autoAccept(bob);
    const cut = connectAndCut(alice, bob, size * 0.4);
    const sent = alice.session.send([videoFile(size)]);
    await cut;
    await until(() => sent.snapshot.phase === 'paused', 'pause');
    bob.session.dispose();

    // A new page: new session, same IndexedDB manifests and same stored files.
    const bobAgain = peer({ store: bob.store, manifests: bob.manifests });
    await bobAgain.session.restore();
    const restored = bobAgain.session.transfers.getSnapshot()[0] as IncomingTransfer;
    expect(restored.snapshot.phase).toBe('paused');
    expect(restored.snapshot.bytesDone).toBeGreaterThan(0);
    connect(alice, bobAgain);
    const sender = await sent.finished();
    expect(sender.phase).toBe('completed');
    expect((await restored.finished()).files[0]!.sha256).toBe(sha256(bytes(size)));
    expect(sender.bytesResent).toBeLessThanOrEqual(BLOCK + unackedCap);
    expect(offers).toHaveLength(1);
  });

  it('continues after the sending page reloads, when the same transfer is offered again', async () => {
    const id = '5b0c1d2e-3f40-4a51-8b62-7c8d9e0fa1b2';
    const alice = peer({ window, newId: () => id });
    const bob = peer();
    autoAccept(bob);
    const cut = connectAndCut(alice, bob, size * 0.5);
    alice.session.send([videoFile(size)]);
    await cut;
    const incoming = bob.session.transfers.getSnapshot()[0] as IncomingTransfer;
    await until(() => incoming.snapshot.phase === 'paused', 'pause');
    const had = (bob.session.transfers.getSnapshot()[0] as IncomingTransfer).snapshot.bytesDone;

    const aliceAgain = peer({ window, newId: () => id });
    const resent = aliceAgain.session.send([videoFile(size)]);
    connect(aliceAgain, bob);
    const sender = await resent.finished();
    expect(sender.phase).toBe('completed');
    // The new page re-reads the kept blocks to hash the whole file, but does not send them.
    expect(sender.bytesMoved).toBeLessThanOrEqual(size - had);
    const received = bob.store.file({ transferId: id, index: 0 })!;
    expect(sha256(received.contents())).toBe(sha256(bytes(size)));
  });

  it('never sends a finished transfer again', async () => {
    const id = '6b0c1d2e-3f40-4a51-8b62-7c8d9e0fa1b2';
    const alice = peer({ newId: () => id });
    const bob = peer();
    autoAccept(bob);
    connect(alice, bob);
    await alice.session.send([videoFile(3 * BLOCK)]).finished();

    const aliceAgain = peer({ newId: () => id });
    const again = aliceAgain.session.send([videoFile(3 * BLOCK)]);
    connect(aliceAgain, bob);
    const sender = await again.finished();
    expect(sender.phase).toBe('completed');
    expect(sender.bytesMoved).toBe(0);
  });
});
