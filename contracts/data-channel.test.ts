import { describe, expect, it } from 'vitest';
import {
  blockCount,
  blockLength,
  CHUNK_HEADER_BYTES,
  ChunkFrameError,
  type ControlMessage,
  decodeChunkFrame,
  decodeControlMessage,
  encodeChunkFrame,
  encodeControlMessage,
  MAX_CONTROL_MESSAGE_CHARS,
  negotiateVersion,
} from './index';

const transferId = '0b7c3f7e-3c1e-4a55-9d8e-1f2a3b4c5d6e';
const sha = 'a'.repeat(64);

describe('control messages', () => {
  const samples: ControlMessage[] = [
    { type: 'hello', versions: [1] },
    {
      type: 'offer',
      transferId,
      tag: 0xffff_ffff,
      blockSize: 4 * 1024 * 1024,
      files: [
        { index: 0, name: 'heat 3.mp4', size: 1_500_000_000, mimeType: 'video/mp4' },
        { index: 1, name: 'b.mov', size: 0, mimeType: '', lastModified: 1_700_000_000_000 },
      ],
    },
    { type: 'accept', transferId },
    { type: 'decline', transferId, reason: 'storage_full' },
    {
      type: 'resume',
      transferId,
      files: [
        {
          index: 0,
          missing: [
            [3, 4],
            [7, 358],
          ],
        },
        { index: 1, missing: [] },
      ],
    },
    { type: 'block', transferId, file: 0, block: 7, sha256: sha },
    { type: 'ack', transferId, bytes: 1 << 20, verified: [{ file: 0, blocks: [[0, 2]] }] },
    { type: 'refetch', transferId, file: 0, blocks: [[5, 6]], reason: 'hash_mismatch' },
    { type: 'file_end', transferId, file: 0, sha256: sha },
    { type: 'file_complete', transferId, file: 0, sha256: sha },
    { type: 'cancel', transferId, reason: 'user' },
    { type: 'error', code: 'version_unsupported', message: 'no common version', fatal: true },
  ];

  it.each(samples.map((m) => [m.type, m] as const))('round-trips %s', (_, message) => {
    expect(decodeControlMessage(encodeControlMessage(message))).toEqual(message);
  });

  it.each([
    ['not JSON', '{"type":'],
    ['an unknown type', JSON.stringify({ type: 'gimme', transferId })],
    ['an extra field', JSON.stringify({ type: 'accept', transferId, admin: true })],
    ['a bad transfer id', JSON.stringify({ type: 'accept', transferId: 'x' })],
    ['a bad hash', JSON.stringify({ type: 'file_end', transferId, file: 0, sha256: 'abc' })],
    [
      'overlapping ranges',
      JSON.stringify({
        type: 'resume',
        transferId,
        files: [
          {
            index: 0,
            missing: [
              [0, 4],
              [3, 5],
            ],
          },
        ],
      }),
    ],
    [
      'an empty range',
      JSON.stringify({ type: 'resume', transferId, files: [{ index: 0, missing: [[2, 2]] }] }),
    ],
    [
      'a block size that is not a power of two',
      JSON.stringify({
        type: 'offer',
        transferId,
        tag: 1,
        blockSize: 3_000_000,
        files: [{ index: 0, name: 'a', size: 1, mimeType: '' }],
      }),
    ],
    [
      'files out of order',
      JSON.stringify({
        type: 'offer',
        transferId,
        tag: 1,
        blockSize: 1 << 20,
        files: [{ index: 1, name: 'a', size: 1, mimeType: '' }],
      }),
    ],
    ['an oversized message', 'x'.repeat(MAX_CONTROL_MESSAGE_CHARS + 1)],
  ])('refuses %s', (_, text) => {
    expect(decodeControlMessage(text)).toBeNull();
  });

  it('agrees on the highest common version', () => {
    expect(negotiateVersion([1, 2, 3], [2, 3, 4])).toBe(3);
    expect(negotiateVersion([1], [2])).toBeNull();
  });
});

describe('chunk frames', () => {
  it('round-trips header and payload, with offsets beyond 4 GiB', () => {
    const payload = new Uint8Array([1, 2, 3, 250]);
    const header = { tag: 0xdead_beef, file: 99, offset: 5 * 2 ** 32 + 12_345 };
    const frame = encodeChunkFrame(header, payload);
    expect(frame.byteLength).toBe(CHUNK_HEADER_BYTES + 4);
    const decoded = decodeChunkFrame(frame.buffer);
    expect({ tag: decoded.tag, file: decoded.file, offset: decoded.offset }).toEqual(header);
    expect([...decoded.payload]).toEqual([1, 2, 3, 250]);
  });

  it('decodes a frame that sits inside a larger buffer without copying', () => {
    const inner = encodeChunkFrame({ tag: 1, file: 0, offset: 0 }, new Uint8Array([9]));
    const outer = new Uint8Array(inner.byteLength + 8);
    outer.set(inner, 8);
    const decoded = decodeChunkFrame(outer.subarray(8));
    expect(decoded.payload.buffer).toBe(outer.buffer);
    expect([...decoded.payload]).toEqual([9]);
  });

  it('carries an empty payload', () => {
    const decoded = decodeChunkFrame(
      encodeChunkFrame({ tag: 7, file: 0, offset: 0 }, new Uint8Array()),
    );
    expect(decoded.payload.byteLength).toBe(0);
  });

  it('refuses what is not a frame of this version', () => {
    const frame = encodeChunkFrame({ tag: 1, file: 0, offset: 0 }, new Uint8Array(4));
    expect(() => decodeChunkFrame(frame.subarray(0, 10))).toThrow(ChunkFrameError);
    const badMagic = frame.slice();
    badMagic[0] = 0;
    expect(() => decodeChunkFrame(badMagic)).toThrow(/magic/);
    const badVersion = frame.slice();
    badVersion[2] = 9;
    expect(() => decodeChunkFrame(badVersion)).toThrow(/version/);
  });

  it('refuses to write an offset it cannot represent exactly', () => {
    expect(() => encodeChunkFrame({ tag: 1, file: 0, offset: 2 ** 60 }, new Uint8Array())).toThrow(
      RangeError,
    );
  });
});

describe('block arithmetic', () => {
  const B = 1024;
  it.each([
    [0, 0, []],
    [1, 1, [1]],
    [B, 1, [B]],
    [B + 1, 2, [B, 1]],
  ])('a %i-byte file has %i blocks', (size, count, lengths) => {
    expect(blockCount(size, B)).toBe(count);
    expect(Array.from({ length: count }, (_, i) => blockLength(size, B, i))).toEqual(lengths);
  });
});
