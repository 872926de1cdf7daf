import { describe, expect, it } from 'vitest';
import { BlockSet } from './block-set';
import { createIncrementalSha256, sha256Hex } from './hashing';
import { createMemoryChannelPair } from './memory-channel';
import { SendWindow } from './send-window';
import { etaSeconds, SpeedMeter } from './speed';
import type { TransferSnapshot } from './state';
import { BlockPipeline, type PipelineEvents } from './storage/block-pipeline';
import { MemoryFile } from './storage/random-access-file';
import { buildTelemetry } from './telemetry';
import { bytes, sha256 } from './test/helpers';

describe('the resume planner (BlockSet)', () => {
  it('lists what is missing as ranges, from the first missing block', () => {
    const verified = BlockSet.fromRanges(10, [
      [0, 3],
      [5, 6],
    ]);
    expect(verified.missingRanges()).toEqual([
      [3, 5],
      [6, 10],
    ]);
    expect(verified.nextMissing()).toBe(3);
    expect(verified.toRanges()).toEqual([
      [0, 3],
      [5, 6],
    ]);
  });

  it('plans nothing for a complete file and everything for a new one', () => {
    expect(BlockSet.full(4).missingRanges()).toEqual([]);
    expect(new BlockSet(4).missingRanges()).toEqual([[0, 4]]);
    expect(new BlockSet(0).missingRanges()).toEqual([]);
    expect(new BlockSet(0).complete).toBe(true);
  });

  it('ignores indices outside the file', () => {
    const set = BlockSet.fromRanges(3, [[1, 9]]);
    expect(set.toRanges()).toEqual([[1, 3]]);
    expect(set.add(-1)).toBe(false);
    expect(set.has(7)).toBe(false);
  });
});

describe('hashing', () => {
  it('matches Node for a block (WebCrypto) and for a stream (WASM), in pieces', async () => {
    const data = bytes(300_001);
    expect(await sha256Hex(data)).toBe(sha256(data));
    const hasher = await createIncrementalSha256();
    hasher.update(data.subarray(0, 7));
    expect(hasher.digestHex()).toBe(sha256(data.subarray(0, 7)));
    hasher.update(data.subarray(7));
    expect(hasher.digestHex()).toBe(sha256(data));
  });

  it('continues from a saved state, as after a reload', async () => {
    const data = bytes(100_000);
    const first = await createIncrementalSha256();
    first.update(data.subarray(0, 40_000));
    const state = first.save();
    const second = await createIncrementalSha256();
    second.load(state);
    second.update(data.subarray(40_000));
    expect(second.digestHex()).toBe(sha256(data));
  });
});

function recorder() {
  const log: string[] = [];
  let state: Uint8Array | undefined;
  let hashedUpTo = 0;
  const events: PipelineEvents = {
    written: () => undefined,
    verified: (block, upTo, s) => {
      log.push(`verified ${block}`);
      hashedUpTo = upTo;
      state = s;
    },
    corrupt: (block, reason) => log.push(`corrupt ${block} ${reason}`),
    complete: (sha) => log.push(`complete ${sha}`),
    mismatch: () => log.push('mismatch'),
    failed: (message) => log.push(`failed ${message}`),
  };
  return { log, events, saved: () => ({ state, hashedUpTo }) };
}

describe('the block pipeline', () => {
  const B = 64 * 1024;
  const data = bytes(2 * B + 100);
  const blockOf = (i: number) => data.subarray(i * B, Math.min(data.length, (i + 1) * B));
  const feed = (p: BlockPipeline, i: number, shaOf = blockOf(i)) => {
    p.expect(i, sha256(shaOf));
    const block = blockOf(i);
    for (let at = 0; at < block.length; at += 10_000) {
      p.chunk(i * B + at, block.slice(at, Math.min(block.length, at + 10_000)));
    }
  };

  it('refuses a block that fails its hash, and accepts it when sent again', async () => {
    const file = new MemoryFile();
    const { log, events } = recorder();
    const p = new BlockPipeline(file, { size: data.length, blockSize: B }, events);
    feed(p, 0);
    const damaged = blockOf(1).slice();
    damaged[5] = damaged[5]! ^ 1;
    p.expect(1, sha256(blockOf(1)));
    p.chunk(B, damaged);
    feed(p, 2);
    feed(p, 1);
    p.fileEnd(sha256(data));
    await p.idle();
    expect(log).toEqual([
      'verified 0',
      'corrupt 1 hash_mismatch',
      'verified 2',
      'verified 1',
      `complete ${sha256(data)}`,
    ]);
    expect(sha256(file.contents())).toBe(sha256(data));
  });

  it('reports a chunk at the wrong offset as a malformed block', async () => {
    const { log, events } = recorder();
    const p = new BlockPipeline(new MemoryFile(), { size: data.length, blockSize: B }, events);
    p.expect(0, sha256(blockOf(0)));
    p.chunk(100, blockOf(0).slice(100, 200));
    await p.idle();
    expect(log).toEqual(['corrupt 0 malformed']);
  });

  it('does not call a file complete when the whole-file hash differs', async () => {
    const { log, events } = recorder();
    const p = new BlockPipeline(new MemoryFile(), { size: data.length, blockSize: B }, events);
    [0, 1, 2].forEach((i) => feed(p, i));
    p.fileEnd('0'.repeat(64));
    await p.idle();
    expect(log.at(-1)).toBe('mismatch');
  });

  it('finishes the whole-file hash after a reload, from the saved state', async () => {
    const file = new MemoryFile();
    const first = recorder();
    const p = new BlockPipeline(file, { size: data.length, blockSize: B }, first.events);
    feed(p, 0);
    await p.idle();
    const { state, hashedUpTo } = first.saved();

    const second = recorder();
    const q = new BlockPipeline(
      file,
      {
        size: data.length,
        blockSize: B,
        resume: { verified: [[0, 1]], hashedUpTo, hashState: state },
      },
      second.events,
    );
    feed(q, 1);
    feed(q, 2);
    q.fileEnd(sha256(data));
    await q.idle();
    expect(second.log.at(-1)).toBe(`complete ${sha256(data)}`);
  });

  it('re-reads kept blocks from disk when no hash state was saved', async () => {
    const file = new MemoryFile();
    file.write(data.subarray(0, B), 0);
    const { log, events } = recorder();
    const q = new BlockPipeline(
      file,
      { size: data.length, blockSize: B, resume: { verified: [[0, 1]], hashedUpTo: 0 } },
      events,
    );
    feed(q, 1);
    feed(q, 2);
    q.fileEnd(sha256(data));
    await q.idle();
    expect(log.at(-1)).toBe(`complete ${sha256(data)}`);
  });
});

describe('the send window', () => {
  it('closes at the unacknowledged cap and opens again on an ack', async () => {
    const [a] = createMemoryChannelPair();
    const window = new SendWindow(a, {
      highWater: 1 << 20,
      lowWater: 1 << 18,
      maxUnacked: 1000,
      pollMs: 10_000,
    });
    window.sent(600);
    expect(window.canSend()).toBe(true);
    window.sent(600);
    expect(window.canSend()).toBe(false);
    const opened = window.writable();
    window.acked(900);
    await opened;
    expect(window.unacked).toBe(300);
    window.reset();
    expect(window.unacked).toBe(0);
  });

  it('rejects waiters once the channel closes', async () => {
    const [a] = createMemoryChannelPair();
    const window = new SendWindow(a, {
      highWater: 1 << 20,
      lowWater: 1 << 18,
      maxUnacked: 10,
      pollMs: 10_000,
    });
    window.sent(10);
    const waiting = window.writable();
    a.cut();
    await expect(waiting).rejects.toThrow(/closed/);
  });
});

describe('speed and time left', () => {
  it('smooths the rate and ignores windows shorter than half a second', () => {
    const meter = new SpeedMeter(500, 0.5);
    expect(meter.sample(0, 0)).toBeNull();
    expect(meter.sample(1_000, 100)).toBeNull();
    expect(meter.sample(10_000, 1000)).toBe(10_000);
    expect(meter.sample(30_000, 2000)).toBe(15_000);
    expect(etaSeconds(45_000, 15_000)).toBe(3);
    expect(etaSeconds(1, null)).toBeNull();
    expect(etaSeconds(0, null)).toBe(0);
  });
});

describe('telemetry', () => {
  const snapshot: TransferSnapshot = {
    id: '0b7c3f7e-3c1e-4a55-9d8e-1f2a3b4c5d6e',
    direction: 'send',
    phase: 'failed',
    files: [
      {
        index: 0,
        name: 'secret name.mp4',
        size: 10,
        mimeType: 'video/mp4',
        bytesDone: 4,
        complete: false,
      },
    ],
    totalBytes: 10,
    bytesDone: 4,
    bytesMoved: 12,
    bytesResent: 2,
    progress: 0.4,
    speed: null,
    eta: null,
    resumes: 1,
    startedAt: 1000,
    finishedAt: 4500,
    error: { code: 'hash_mismatch', message: 'x' },
  };

  it('reports sizes, times and the reason, never names', () => {
    const body = buildTelemetry(snapshot, { matchId: 7, connection: 'direct' });
    expect(body).toEqual({
      matchId: 7,
      transferId: snapshot.id,
      role: 'sender',
      outcome: 'failed',
      fileCount: 1,
      totalBytes: 10,
      bytesTransferred: 12,
      bytesResent: 2,
      durationMs: 3500,
      resumes: 1,
      connection: 'direct',
      reason: 'hash_mismatch',
    });
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('has nothing to report while the transfer runs', () => {
    expect(
      buildTelemetry(
        { ...snapshot, phase: 'transferring', finishedAt: null },
        { matchId: 7, connection: 'unknown' },
      ),
    ).toBeNull();
  });
});
