/**
 * A transfer between two sessions over an in-memory channel: delivery, offers, cancelling and
 * integrity checks. Flow control and resuming are in transfer-resume.test.ts.
 */
import { CHUNK_HEADER_BYTES, decodeChunkFrame } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import {
  autoAccept,
  BLOCK,
  bytes,
  connect,
  MESSAGE,
  peer,
  sha256,
  tamper,
  until,
  videoFile,
} from './test/helpers';
import { createMemoryChannelPair } from './memory-channel';

async function sendAndReceive(files: File[]) {
  const alice = peer();
  const bob = peer();
  const offers = autoAccept(bob);
  connect(alice, bob);
  const sent = alice.session.send(files);
  const sender = await sent.finished();
  await until(() => offers.length === 1);
  const receiver = await offers[0]!.finished();
  return { alice, bob, sent, incoming: offers[0]!, sender, receiver };
}

describe('a transfer between two sessions', () => {
  it.each([
    ['an empty file', 0],
    ['one byte', 1],
    ['exactly one block', BLOCK],
    ['one block and one byte', BLOCK + 1],
    ['several blocks with a short tail', 3 * BLOCK + 12_345],
  ])('delivers %s identical, verified by SHA-256', async (_, size) => {
    const file = videoFile(size);
    const original = bytes(size);
    const { bob, incoming, sender, receiver } = await sendAndReceive([file]);
    expect(sender.phase).toBe('completed');
    expect(receiver.phase).toBe('completed');
    expect(receiver.files[0]!.sha256).toBe(sha256(original));
    expect(sender.files[0]!.sha256).toBe(sha256(original));
    const received = bob.store.file({ transferId: incoming.id, index: 0 });
    expect(sha256(received?.contents() ?? new Uint8Array())).toBe(sha256(original));
    expect(received?.size ?? 0).toBe(size);
    expect(receiver.bytesDone).toBe(size);
    expect(receiver.progress).toBe(1);
    expect(sender.bytesResent).toBe(0);
    const saved = await incoming.getFile(0);
    expect(saved.name).toBe('heat.mp4');
    expect(saved.type).toBe('video/mp4');
    expect(saved.size).toBe(size);
  });

  it('sends several files in one offer, each verified', async () => {
    const files = [videoFile(BLOCK * 2 + 5, 'a.mp4', 1), videoFile(10, 'b.mov', 2)];
    const { bob, incoming, receiver } = await sendAndReceive(files);
    expect(receiver.files.map((f) => [f.name, f.complete])).toEqual([
      ['a.mp4', true],
      ['b.mov', true],
    ]);
    expect(sha256(bob.store.file({ transferId: incoming.id, index: 1 })!.contents())).toBe(
      sha256(bytes(10, 2)),
    );
  });

  it('sends binary chunk frames no larger than the peer allows', async () => {
    const alice = peer();
    const bob = peer();
    autoAccept(bob);
    const [left, right] = createMemoryChannelPair({ maxMessageSize: MESSAGE });
    const sizes: number[] = [];
    alice.session.attach(
      tamper(left, (data) => {
        if (typeof data !== 'string') sizes.push(data.byteLength);
        return data;
      }),
    );
    bob.session.attach(right);
    await alice.session.send([videoFile(BLOCK + 1)]).finished();
    expect(Math.max(...sizes)).toBe(MESSAGE);
    expect(sizes.reduce((a, b) => a + b, 0) - sizes.length * CHUNK_HEADER_BYTES).toBe(BLOCK + 1);
  });

  it('lets the receiver decline, and the sender see it', async () => {
    const alice = peer();
    const bob = peer();
    bob.session.onIncoming((t) => t.decline());
    connect(alice, bob);
    const sender = await alice.session.send([videoFile(10)]).finished();
    expect(sender.phase).toBe('declined');
    expect(sender.error?.code).toBe('declined_by_peer');
  });

  it('lets either side cancel, and deletes what the receiver had', async () => {
    const alice = peer();
    const bob = peer();
    const offers = autoAccept(bob);
    connect(alice, bob, { bytesPerTick: 4 * 1024 });
    const sent = alice.session.send([videoFile(64 * BLOCK)]);
    await until(() => (offers[0]?.snapshot.bytesDone ?? 0) > 0, 'first block');
    await offers[0]!.cancel();
    expect((await sent.finished()).phase).toBe('cancelled');
    expect(sent.snapshot.error?.code).toBe('cancelled_by_peer');
    expect(bob.store.files.size).toBe(0);
    expect(bob.manifests.manifests.size).toBe(0);

    const again = alice.session.send([videoFile(64 * BLOCK)]);
    await until(() => offers.length === 2 && offers[1]!.snapshot.bytesMoved > 0, 'second start');
    again.cancel();
    expect((await offers[1]!.finished()).phase).toBe('cancelled');
  });

  it('refuses an offer larger than the store takes', async () => {
    const alice = peer();
    const bob = peer({ store: new (await import('./storage/memory-store')).MemoryStore(1000) });
    autoAccept(bob);
    connect(alice, bob);
    const sender = await alice.session.send([videoFile(1001)]).finished();
    expect(sender.phase).toBe('declined');
  });

  it('stops at a peer that speaks no common protocol version', async () => {
    const alice = peer();
    const [left, right] = createMemoryChannelPair();
    alice.session.attach(left);
    right.send(JSON.stringify({ type: 'hello', versions: [99] }));
    await until(() => alice.session.link.getSnapshot() === 'incompatible');
  });
});

describe('integrity', () => {
  it('re-fetches a block whose bytes were damaged on the way, and only that block', async () => {
    const alice = peer();
    const bob = peer();
    const offers = autoAccept(bob);
    const [left, right] = createMemoryChannelPair({ maxMessageSize: MESSAGE });
    let damaged = false;
    alice.session.attach(
      tamper(left, (data) => {
        if (typeof data === 'string' || damaged) return data;
        const frame = decodeChunkFrame(data);
        // Flip one byte in the middle of block 2.
        if (frame.offset >= 2 * BLOCK + 1000 && !damaged) {
          damaged = true;
          const copy = data.slice();
          copy[CHUNK_HEADER_BYTES + 7] = copy[CHUNK_HEADER_BYTES + 7]! ^ 0x40;
          return copy;
        }
        return data;
      }),
    );
    bob.session.attach(right);
    const size = 5 * BLOCK;
    const sender = await alice.session.send([videoFile(size)]).finished();
    expect(damaged).toBe(true);
    expect(sender.phase).toBe('completed');
    expect(sender.bytesResent).toBe(BLOCK);
    const received = bob.store.file({ transferId: offers[0]!.id, index: 0 })!;
    expect(sha256(received.contents())).toBe(sha256(bytes(size)));
  });

  it('refuses to complete a file whose whole hash does not match, after one retry', async () => {
    const alice = peer();
    const bob = peer();
    const offers = autoAccept(bob);
    const [left, right] = createMemoryChannelPair({ maxMessageSize: MESSAGE });
    const wrong = 'f'.repeat(64);
    alice.session.attach(
      tamper(left, (data) => {
        if (typeof data !== 'string' || !data.includes('"file_end"')) return data;
        return data.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${wrong}"`);
      }),
    );
    bob.session.attach(right);
    const sender = await alice.session.send([videoFile(2 * BLOCK)]).finished();
    expect(sender.phase).toBe('failed');
    expect(sender.error?.code).toBe('hash_mismatch');
    const receiver = await offers[0]!.finished();
    expect(receiver.phase).toBe('failed');
    // The file was received twice: once, then again from the start after the first mismatch.
    expect(sender.bytesResent).toBe(2 * BLOCK);
  });
});
