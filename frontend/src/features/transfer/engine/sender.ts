// Over 300 lines on purpose: this is the sending half of the data-channel protocol's state
// machine (docs/transfer-protocol.md), one class whose handlers share the transfer's state;
// split, each half would need that state passed around.
import {
  blockCount,
  blockLength,
  CHUNK_HEADER_BYTES,
  type ControlMessage,
  type ControlMessageOf,
  type FileMeta,
  writeChunkHeader,
} from '@spotlight/contracts';
import { BlockSet } from './block-set';
import { chunkMessageSize } from './channel';
import { createIncrementalSha256, type IncrementalSha256, sha256Hex } from './hashing';
import {
  ChannelClosedError,
  DEFAULT_SEND_WINDOW,
  SendWindow,
  type SendWindowOptions,
} from './send-window';
import type { TransferSnapshot } from './state';
import { type Link, ResendCounter, TransferBase } from './transfer-base';

interface FilePlan {
  /** Blocks still to send in this round (from the receiver's `resume`, plus re-fetches). */
  pending: BlockSet;
  /** `file_end` went out for this round. */
  ended: boolean;
}

interface FileHash {
  hasher: IncrementalSha256 | null;
  /** Bytes [0, hashedUpTo) went through the whole-file hasher. */
  hashedUpTo: number;
}

export interface SenderOptions {
  blockSize: number;
  window?: SendWindowOptions;
  now?: () => number;
}

/**
 * Sends files block by block. Each block is read with `File.slice` (never the whole file),
 * hashed, announced with its SHA-256, and cut into chunk frames that go out only while the
 * SendWindow allows. Only blocks the receiver asked for in its latest `resume` are sent.
 */
export class OutgoingTransfer extends TransferBase {
  readonly tag: number;
  readonly blockSize: number;
  private readonly files: readonly File[];
  private readonly meta: FileMeta[];
  private readonly plans: (FilePlan | null)[];
  private readonly hashes: FileHash[];
  private readonly fileSha: (string | null)[];
  private readonly confirmed: BlockSet[];
  private readonly resent = new ResendCounter();
  private readonly windowOptions: SendWindowOptions;
  private window: SendWindow | null = null;
  private generation = 0;
  private started = false;
  private wakeLoop: (() => void) | null = null;
  private frame: Uint8Array<ArrayBuffer> | null = null;

  constructor(transferId: string, tag: number, files: readonly File[], options: SenderOptions) {
    const now = options.now ?? Date.now;
    const meta = files.map((file, index): FileMeta => ({
      index,
      name: file.name.slice(0, 255) || `video-${index + 1}`,
      size: file.size,
      mimeType: file.type.slice(0, 255),
      lastModified: file.lastModified > 0 ? Math.floor(file.lastModified) : undefined,
    }));
    const initial: TransferSnapshot = {
      id: transferId,
      direction: 'send',
      phase: 'offering',
      files: meta.map((m) => ({
        index: m.index,
        name: m.name,
        size: m.size,
        mimeType: m.mimeType,
        bytesDone: 0,
        complete: false,
      })),
      totalBytes: meta.reduce((sum, m) => sum + m.size, 0),
      bytesDone: 0,
      bytesMoved: 0,
      bytesResent: 0,
      progress: 0,
      speed: null,
      eta: null,
      resumes: 0,
      startedAt: now(),
      finishedAt: null,
      error: null,
    };
    super(initial, now);
    this.tag = tag;
    this.blockSize = options.blockSize;
    this.files = files;
    this.meta = meta;
    this.plans = files.map(() => null);
    this.hashes = files.map(() => ({ hasher: null, hashedUpTo: 0 }));
    this.fileSha = files.map(() => null);
    this.confirmed = meta.map((m) => new BlockSet(blockCount(m.size, options.blockSize)));
    this.windowOptions = options.window ?? DEFAULT_SEND_WINDOW;
  }

  offerMessage(): ControlMessageOf<'offer'> {
    return {
      type: 'offer',
      transferId: this.id,
      tag: this.tag,
      blockSize: this.blockSize,
      files: this.meta,
    };
  }

  /** A channel is up (first time or after a reconnect): (re)send the offer. */
  attach(link: Link): void {
    this.link = link;
    if (this.final) return;
    this.window?.dispose();
    this.window = new SendWindow(link.channel, this.windowOptions);
    link.send(this.offerMessage());
  }

  /** The channel is gone: stop sending; the receiver's next `resume` says where to go on. */
  detach(): void {
    this.link = null;
    this.generation++;
    this.window?.dispose();
    this.window = null;
    this.wake();
    if (this.snap.phase === 'transferring' || this.snap.phase === 'verifying') {
      this.setPhase('paused');
    }
  }

  cancel(): void {
    if (this.final) return;
    this.link?.send({ type: 'cancel', transferId: this.id, reason: 'user' });
    this.stop();
    this.setPhase('cancelled');
  }

  handle(message: ControlMessage): void {
    if (this.final) return;
    switch (message.type) {
      case 'accept':
        // A `resume` listing the blocks to send follows.
        return;
      case 'decline':
        this.stop();
        return this.setPhase('declined', {
          code: 'declined_by_peer',
          message: `The partner declined (${message.reason})`,
        });
      case 'resume':
        return this.handleResume(message);
      case 'ack':
        return this.handleAck(message);
      case 'refetch':
        return this.handleRefetch(message);
      case 'file_complete':
        return this.handleFileComplete(message);
      case 'cancel':
        this.stop();
        return this.setPhase('cancelled', {
          code: 'cancelled_by_peer',
          message: 'The partner cancelled the transfer',
        });
      case 'error':
        if (!message.fatal) return;
        this.stop();
        return this.setPhase('failed', { code: message.code, message: message.message });
      default:
        return;
    }
  }

  private handleResume(message: ControlMessageOf<'resume'>): void {
    this.generation++;
    const listed = new Set(message.files.map((f) => f.index));
    for (const file of this.meta) {
      if (!listed.has(file.index)) this.markComplete(file.index);
    }
    for (const { index, missing } of message.files) {
      if (index >= this.meta.length) continue;
      const blocks = blockCount(this.meta[index]!.size, this.blockSize);
      this.plans[index] = { pending: BlockSet.fromRanges(blocks, missing), ended: false };
    }
    if (this.snap.files.every((f) => f.complete)) return this.setPhase('completed');
    if (this.started) this.snap.resumes++;
    this.started = true;
    this.window?.reset();
    this.setPhase('transferring');
    const generation = this.generation;
    void this.run(generation);
  }

  private handleAck(message: ControlMessageOf<'ack'>): void {
    this.window?.acked(message.bytes);
    for (const { file, blocks } of message.verified ?? []) {
      const confirmed = this.confirmed[file];
      if (!confirmed) continue;
      for (const [from, to] of blocks) {
        for (let b = from; b < to; b++) {
          if (confirmed.add(b))
            this.addDone(file, blockLength(this.meta[file]!.size, this.blockSize, b));
        }
      }
    }
    this.publish();
  }

  private handleRefetch(message: ControlMessageOf<'refetch'>): void {
    const plan = this.plans[message.file];
    if (!plan) return;
    for (const [from, to] of message.blocks) for (let b = from; b < to; b++) plan.pending.add(b);
    plan.ended = false;
    this.wake();
  }

  private handleFileComplete(message: ControlMessageOf<'file_complete'>): void {
    const expected = this.fileSha[message.file];
    if (expected && expected !== message.sha256) {
      // The receiver verified against a hash we never sent: something is badly wrong.
      this.link?.send({
        type: 'error',
        transferId: this.id,
        code: 'hash_mismatch',
        message: 'Whole-file hash differs from the sent file',
        fatal: true,
      });
      this.stop();
      return this.setPhase('failed', { code: 'hash_mismatch', message: 'File hash mismatch' });
    }
    this.markComplete(message.file, message.sha256);
    if (this.snap.files.every((f) => f.complete)) {
      this.stop();
      this.setPhase('completed');
    } else {
      this.publish(true);
    }
  }

  private markComplete(index: number, sha256?: string): void {
    const file = this.snap.files[index];
    if (!file || file.complete) return;
    file.complete = true;
    if (sha256) file.sha256 = sha256;
    this.snap.bytesDone += file.size - file.bytesDone;
    file.bytesDone = file.size;
    this.plans[index] = null;
  }

  private addDone(index: number, bytes: number): void {
    const file = this.snap.files[index]!;
    if (file.complete) return;
    const add = Math.min(bytes, file.size - file.bytesDone);
    file.bytesDone += add;
    this.snap.bytesDone += add;
  }

  private stop(): void {
    this.generation++;
    this.window?.dispose();
    this.window = null;
    this.wake();
  }

  private wake(): void {
    const wake = this.wakeLoop;
    this.wakeLoop = null;
    wake?.();
  }

  private async run(generation: number): Promise<void> {
    try {
      while (generation === this.generation && !this.final) {
        const next = this.nextStep();
        if (!next) {
          await new Promise<void>((resolve) => (this.wakeLoop = resolve));
          continue;
        }
        if (next.block === null) await this.sendFileEnd(generation, next.file);
        else await this.sendBlock(generation, next.file, next.block);
      }
    } catch (error) {
      const channelGone = !this.link?.channel.isOpen;
      if (error instanceof ChannelClosedError || channelGone || generation !== this.generation) {
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.link?.send({ type: 'cancel', transferId: this.id, reason: 'error' });
      this.stop();
      this.setPhase('failed', {
        code: 'read_error',
        message: `Could not read the file: ${message}`,
      });
    }
  }

  /** The next block to send (files in order, lowest block first), or a file's `file_end`. */
  private nextStep(): { file: number; block: number | null } | null {
    for (let file = 0; file < this.plans.length; file++) {
      const plan = this.plans[file];
      if (!plan || plan.ended) continue;
      const block = plan.pending.nextIn(0);
      return { file, block: block >= 0 ? block : null };
    }
    return null;
  }

  private async sendFileEnd(generation: number, file: number): Promise<void> {
    const sha256 = await this.wholeFileHash(generation, file);
    if (generation !== this.generation || !this.link) return;
    this.fileSha[file] = sha256;
    this.link.send({ type: 'file_end', transferId: this.id, file, sha256 });
    const plan = this.plans[file];
    if (plan) plan.ended = true;
  }

  private async sendBlock(generation: number, file: number, block: number): Promise<void> {
    const { size } = this.meta[file]!;
    const start = block * this.blockSize;
    const length = blockLength(size, this.blockSize, block);
    await this.hashUpTo(generation, file, start);
    await this.sendData(generation, file, block, await this.read(file, start, length));
  }

  private async sendData(generation: number, file: number, block: number, data: Uint8Array) {
    const start = block * this.blockSize;
    const length = data.byteLength;
    if (generation !== this.generation) return;
    await this.feedHash(file, start, data);
    const sha256 = await sha256Hex(data);
    const link = this.link;
    const window = this.window;
    if (generation !== this.generation || !link || !window) return;
    link.send({ type: 'block', transferId: this.id, file, block, sha256 });
    const frameSize = chunkMessageSize(link.channel);
    if (this.frame?.byteLength !== frameSize) this.frame = new Uint8Array(frameSize);
    const frame = this.frame;
    const payloadSize = frameSize - CHUNK_HEADER_BYTES;
    for (let position = 0; position < length; position += payloadSize) {
      await window.writable();
      if (generation !== this.generation) return;
      const n = Math.min(payloadSize, length - position);
      writeChunkHeader(frame, { tag: this.tag, file, offset: start + position });
      frame.set(data.subarray(position, position + n), CHUNK_HEADER_BYTES);
      // send() copies the bytes, so the one frame buffer is reused for every chunk.
      link.channel.send(frame.subarray(0, CHUNK_HEADER_BYTES + n));
      window.sent(n);
      this.snap.bytesMoved += n;
      this.snap.bytesResent += this.resent.add(file, block, position, n);
    }
    this.plans[file]?.pending.delete(block);
    this.publish();
  }

  private async read(file: number, start: number, length: number): Promise<Uint8Array> {
    const buffer = await this.files[file]!.slice(start, start + length).arrayBuffer();
    if (buffer.byteLength !== length) throw new Error('The file changed size while being sent');
    return new Uint8Array(buffer);
  }

  private async hasher(file: number): Promise<IncrementalSha256> {
    const state = this.hashes[file]!;
    state.hasher ??= await createIncrementalSha256();
    return state.hasher;
  }

  /** The whole-file hash runs over the file in order; feed it a block that continues it. */
  private async feedHash(file: number, start: number, data: Uint8Array): Promise<void> {
    const state = this.hashes[file]!;
    const hasher = await this.hasher(file);
    // Checked after the await: a loop of an older generation may have fed this block meanwhile.
    if (start !== state.hashedUpTo) return;
    hasher.update(data);
    state.hashedUpTo += data.byteLength;
  }

  /** Reads and hashes blocks the receiver already had, so the whole-file hash covers them. */
  private async hashUpTo(generation: number, file: number, end: number): Promise<void> {
    const state = this.hashes[file]!;
    while (state.hashedUpTo < end && generation === this.generation) {
      const length = Math.min(this.blockSize, this.meta[file]!.size - state.hashedUpTo);
      const data = await this.read(file, state.hashedUpTo, length);
      await this.feedHash(file, state.hashedUpTo, data);
    }
  }

  private async wholeFileHash(generation: number, file: number): Promise<string> {
    await this.hashUpTo(generation, file, this.meta[file]!.size);
    return (await this.hasher(file)).digestHex();
  }
}
