import { blockCount, blockLength, type BlockRanges } from '@spotlight/contracts';
import { BlockSet } from '../block-set';
import { createIncrementalSha256, type IncrementalSha256, sha256Hex } from '../hashing';
import { SerialQueue } from '../serial-queue';
import type { RandomAccessFile } from './random-access-file';

/** Where a file's receiving stood, as the manifest keeps it. */
export interface PipelineResume {
  verified: BlockRanges;
  /** The whole-file hasher has consumed bytes [0, hashedUpTo). */
  hashedUpTo: number;
  hashState?: Uint8Array;
  /** The sender's whole-file hash, once its `file_end` arrived. */
  expectedSha256?: string;
}

export interface PipelineEvents {
  /** Chunk bytes now done with: written to storage (or dropped as unusable). Never held after. */
  written(bytes: number): void;
  /** A block's hash matched and it is on disk (flushed). */
  verified(block: number, hashedUpTo: number, hashState: Uint8Array): void;
  /** A block failed its hash or arrived malformed: it must be fetched again. */
  corrupt(block: number, reason: 'hash_mismatch' | 'malformed'): void;
  /** Every block verified and the whole-file SHA-256 matches the sender's. */
  complete(sha256: string): void;
  /** Every block verified but the whole-file hash differs: the file on disk is not the sender's. */
  mismatch(actual: string, expected: string): void;
  failed(message: string): void;
}

export interface PipelineOptions {
  size: number;
  blockSize: number;
  resume?: PipelineResume;
  /** fsync each verified block before reporting it, so a crash never loses a reported block. */
  flushEachBlock?: boolean;
}

/**
 * The receiving end of one file: writes chunks at their offsets, checks each block against the
 * SHA-256 the sender announced, keeps a whole-file SHA-256 running over the verified prefix, and
 * reports. Memory: one block buffer, whatever the file's size. Runs inside the OPFS worker, or
 * in-process over IndexedDB or memory. Every command is queued and run in order.
 */
export class BlockPipeline {
  private readonly queue: SerialQueue;
  private readonly verified: BlockSet;
  private readonly blocks: number;
  private hasher: IncrementalSha256 | null = null;
  private hashedUpTo: number;
  private expectedFileSha: string | undefined;
  private expectedBlockSha = new Map<number, string>();
  private current: { block: number; fill: number } | null = null;
  private buffer: Uint8Array | null = null;
  private finished = false;
  private failed = false;

  constructor(
    private readonly file: RandomAccessFile,
    private readonly options: PipelineOptions,
    private readonly events: PipelineEvents,
  ) {
    this.blocks = blockCount(options.size, options.blockSize);
    this.verified = BlockSet.fromRanges(this.blocks, options.resume?.verified ?? []);
    this.hashedUpTo = options.resume?.hashState ? options.resume.hashedUpTo : 0;
    this.expectedFileSha = options.resume?.expectedSha256;
    this.queue = new SerialQueue((error) => this.fail(error));
    const state = options.resume?.hashState;
    this.queue.push(async () => {
      this.hasher = await createIncrementalSha256();
      if (state) this.hasher.load(state);
    });
  }

  /** The sender announced block `block` with this hash; its chunks follow from its first byte. */
  expect(block: number, sha256: string): void {
    this.queue.push(() => {
      if (block >= this.blocks) throw new Error(`Block ${block} is past the end of the file`);
      this.expectedBlockSha.set(block, sha256);
      this.current = { block, fill: 0 };
    });
  }

  /**
   * Takes ownership of `data` until written; then calls `release` (on every path, also when the
   * chunk is dropped). The OPFS worker detaches the transferred buffer there, which frees its
   * memory at once instead of at V8's next collection. The in-page stores pass no `release`:
   * Blink keeps its own reference to a buffer the data channel delivered, so detaching it there
   * only hides it from V8's GC heuristics (measured: renderer memory then grew with the file).
   */
  chunk(offset: number, data: Uint8Array, release?: () => void): void {
    this.queue.push(async () => {
      try {
        await this.handleChunk(offset, data);
      } finally {
        release?.();
      }
    });
  }

  fileEnd(sha256: string): void {
    this.queue.push(async () => {
      this.expectedFileSha = sha256;
      await this.maybeFinish();
    });
  }

  /** Forget every verified block: the file will be received again from the start. */
  restart(): void {
    this.queue.push(async () => {
      this.verified.clear();
      this.expectedBlockSha.clear();
      this.current = null;
      this.hashedUpTo = 0;
      this.hasher?.reset();
      this.expectedFileSha = undefined;
      this.finished = false;
      await this.file.truncate(this.options.size);
    });
  }

  /** Resolves once every queued command has run. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  get pending(): number {
    return this.queue.size;
  }

  close(): Promise<void> {
    this.queue.push(async () => {
      await this.file.flush();
      await this.file.close();
    });
    return this.queue.idle();
  }

  private async handleChunk(offset: number, data: Uint8Array): Promise<void> {
    if (this.failed) return this.events.written(data.byteLength);
    const current = this.current;
    const { blockSize, size } = this.options;
    if (!current) {
      // The rest of a block already found malformed and re-requested: drop it.
      this.events.written(data.byteLength);
      return;
    }
    const start = current.block * blockSize;
    const length = blockLength(size, blockSize, current.block);
    if (offset !== start + current.fill || current.fill + data.byteLength > length) {
      this.current = null;
      this.events.written(data.byteLength);
      this.events.corrupt(current.block, 'malformed');
      return;
    }
    await this.file.write(data, offset);
    this.events.written(data.byteLength);
    this.buffer ??= new Uint8Array(Math.min(blockSize, size));
    this.buffer.set(data, current.fill);
    current.fill += data.byteLength;
    if (current.fill === length) {
      this.current = null;
      await this.verifyBlock(current.block, this.buffer.subarray(0, length));
    }
  }

  private async verifyBlock(block: number, bytes: Uint8Array): Promise<void> {
    const expected = this.expectedBlockSha.get(block);
    this.expectedBlockSha.delete(block);
    const actual = await sha256Hex(bytes);
    if (actual !== expected) {
      this.events.corrupt(block, 'hash_mismatch');
      return;
    }
    const start = block * this.options.blockSize;
    if (start === this.hashedUpTo) {
      this.hasher!.update(bytes);
      this.hashedUpTo += bytes.byteLength;
    }
    if (this.options.flushEachBlock ?? true) await this.file.flush();
    this.verified.add(block);
    this.events.verified(block, this.hashedUpTo, this.hasher!.save());
    await this.maybeFinish();
  }

  private async maybeFinish(): Promise<void> {
    if (this.finished || !this.verified.complete || this.expectedFileSha === undefined) return;
    const { size, blockSize } = this.options;
    // Blocks verified out of order (after a re-fetch) or before a reload without saved state
    // were not hashed yet: read them back from disk, one block at a time.
    if (this.hashedUpTo < size) {
      const buffer = (this.buffer ??= new Uint8Array(Math.min(blockSize, size)));
      while (this.hashedUpTo < size) {
        const n = await this.file.read(
          buffer.subarray(0, Math.min(buffer.byteLength, size - this.hashedUpTo)),
          this.hashedUpTo,
        );
        if (n <= 0) throw new Error('Stored file is shorter than expected');
        this.hasher!.update(buffer.subarray(0, n));
        this.hashedUpTo += n;
      }
    }
    const actual = this.hasher!.digestHex();
    await this.file.flush();
    if (actual === this.expectedFileSha) {
      this.finished = true;
      this.events.complete(actual);
    } else {
      this.events.mismatch(actual, this.expectedFileSha);
    }
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.events.failed(error instanceof Error ? error.message : String(error));
  }
}
