/**
 * The binary half of the data-channel protocol (docs/transfer-protocol.md): chunk frames, which
 * carry the file bytes, and the block arithmetic both peers share. The control messages are in
 * data-channel.ts.
 */
import { DC_PROTOCOL_VERSION, MAX_FILE_SIZE } from './data-channel';

/** "SC": the first two bytes of every chunk frame. */
export const CHUNK_MAGIC = 0x5343;
export const CHUNK_KIND_DATA = 1;
/**
 * Frame layout, big-endian:
 * `[0..1] magic · [2] version · [3] kind · [4..7] transfer tag (u32) · [8..9] file index (u16) ·
 * [10..11] reserved, 0 · [12..19] byte offset in the file (u64) · [20..] payload`.
 */
export const CHUNK_HEADER_BYTES = 20;

export interface ChunkHeader {
  tag: number;
  file: number;
  offset: number;
}

export interface ChunkFrame extends ChunkHeader {
  /** A view into the received buffer: no copy. */
  payload: Uint8Array;
}

const TWO_POW_32 = 0x1_0000_0000;

/** Writes a chunk header into the first CHUNK_HEADER_BYTES of `target`. */
export function writeChunkHeader(target: Uint8Array, header: ChunkHeader): void {
  if (target.byteLength < CHUNK_HEADER_BYTES) throw new RangeError('Frame buffer too small');
  if (!Number.isSafeInteger(header.offset) || header.offset < 0 || header.offset > MAX_FILE_SIZE) {
    throw new RangeError(`Bad chunk offset ${header.offset}`);
  }
  if (!Number.isInteger(header.file) || header.file < 0 || header.file > 0xffff) {
    throw new RangeError(`Bad file index ${header.file}`);
  }
  const view = new DataView(target.buffer, target.byteOffset, CHUNK_HEADER_BYTES);
  view.setUint16(0, CHUNK_MAGIC);
  view.setUint8(2, DC_PROTOCOL_VERSION);
  view.setUint8(3, CHUNK_KIND_DATA);
  view.setUint32(4, header.tag >>> 0);
  view.setUint16(8, header.file);
  view.setUint16(10, 0);
  view.setUint32(12, Math.floor(header.offset / TWO_POW_32));
  view.setUint32(16, header.offset % TWO_POW_32);
}

/** A new frame: header followed by a copy of `payload`. */
export function encodeChunkFrame(
  header: ChunkHeader,
  payload: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(CHUNK_HEADER_BYTES + payload.byteLength);
  writeChunkHeader(frame, header);
  frame.set(payload, CHUNK_HEADER_BYTES);
  return frame;
}

export class ChunkFrameError extends Error {
  override name = 'ChunkFrameError';
}

/** Reads a binary message. Throws ChunkFrameError when it is not a chunk frame of our version. */
export function decodeChunkFrame(data: ArrayBuffer | Uint8Array): ChunkFrame {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength < CHUNK_HEADER_BYTES) throw new ChunkFrameError('Frame shorter than header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, CHUNK_HEADER_BYTES);
  if (view.getUint16(0) !== CHUNK_MAGIC) throw new ChunkFrameError('Bad magic');
  if (view.getUint8(2) !== DC_PROTOCOL_VERSION) {
    throw new ChunkFrameError(`Unsupported frame version ${view.getUint8(2)}`);
  }
  if (view.getUint8(3) !== CHUNK_KIND_DATA) throw new ChunkFrameError('Unknown frame kind');
  const offset = view.getUint32(12) * TWO_POW_32 + view.getUint32(16);
  if (offset > MAX_FILE_SIZE) throw new ChunkFrameError('Offset out of range');
  return {
    tag: view.getUint32(4),
    file: view.getUint16(8),
    offset,
    payload: bytes.subarray(CHUNK_HEADER_BYTES),
  };
}

// ---- block arithmetic shared by both ends --------------------------------------------------

/** Number of blocks of a file; a 0-byte file has none. */
export function blockCount(size: number, blockSize: number): number {
  return Math.ceil(size / blockSize);
}

/** Byte length of block `index` (the last one may be short). */
export function blockLength(size: number, blockSize: number, index: number): number {
  return Math.max(0, Math.min(blockSize, size - index * blockSize));
}
