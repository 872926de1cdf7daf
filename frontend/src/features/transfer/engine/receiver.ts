// Over 300 lines on purpose: this is the receiving half of the data-channel protocol's state
// machine (docs/transfer-protocol.md), one class whose handlers share the transfer's state;
// split, each half would need that state passed around.
import {
  blockCount,
  blockLength,
  type BlockRanges,
  type ChunkFrame,
  type ControlMessage,
  type ControlMessageOf,
} from '@spotlight/contracts';
import { BlockSet } from './block-set';
import type { Manifest, ManifestStore } from './manifest';
import type { TransferErrorCode, TransferSnapshot } from './state';
import type { PipelineEvents } from './storage/block-pipeline';
import {
  checkFreeSpace,
  type FileSink,
  type ReceiveStore,
  requestPersistence,
} from './storage/receive-store';
import { type Link, ResendCounter, TransferBase } from './transfer-base';

export interface ReceiverDeps {
  peerKey: string;
  store: ReceiveStore | null;
  manifests: ManifestStore;
  /** Acknowledge written bytes at least this often (and whenever the write queue empties). */
  ackEveryBytes?: number;
  now?: () => number;
}

/** A whole-file hash mismatch restarts that file once; a second one fails the transfer. */
const MAX_FILE_RESTARTS = 1;

/**
 * Receives one transfer: hands chunks to the store's pipeline (OPFS worker or IndexedDB), keeps
 * the manifest of verified blocks in IndexedDB, acknowledges written bytes so the sender never
 * runs ahead of this phone's disk, and asks again for blocks that fail their hash.
 */
export class IncomingTransfer extends TransferBase {
  private currentTag: number;
  readonly blockSize: number;
  private manifest: Manifest | null;
  private readonly offer: ControlMessageOf<'offer'>;
  private readonly verified: BlockSet[];
  private readonly sinks: (FileSink | null)[];
  private readonly restarts: number[];
  private readonly resent = new ResendCounter();
  private readonly ackEvery: number;
  private persisted = 0;
  private lastAcked = 0;
  private inFlight = 0;
  private recorded: { file: number; block: number }[] = [];
  private manifestWrite: Promise<void> = Promise.resolve();
  private manifestDirty = false;
  private started = false;

  private constructor(
    offer: ControlMessageOf<'offer'>,
    manifest: Manifest | null,
    private readonly deps: ReceiverDeps,
  ) {
    const now = deps.now ?? Date.now;
    const verified = offer.files.map((f, i) =>
      BlockSet.fromRanges(blockCount(f.size, offer.blockSize), manifest?.files[i]?.verified ?? []),
    );
    const complete = (i: number) => manifest?.files[i]?.sha256 !== undefined;
    const done = offer.files.map((f, i) =>
      complete(i) ? f.size : Math.min(f.size, verified[i]!.length * offer.blockSize),
    );
    const initial: TransferSnapshot = {
      id: offer.transferId,
      direction: 'receive',
      phase: manifest ? (manifest.state === 'complete' ? 'completed' : 'paused') : 'incoming',
      files: offer.files.map((f, i) => ({
        index: f.index,
        name: f.name,
        size: f.size,
        mimeType: f.mimeType,
        bytesDone: done[i]!,
        complete: complete(i),
        sha256: manifest?.files[i]?.sha256,
      })),
      totalBytes: offer.files.reduce((sum, f) => sum + f.size, 0),
      bytesDone: done.reduce((a, b) => a + b, 0),
      bytesMoved: 0,
      bytesResent: 0,
      progress: 0,
      speed: null,
      eta: null,
      resumes: manifest?.resumes ?? 0,
      startedAt: manifest?.createdAt ?? now(),
      finishedAt: manifest?.state === 'complete' ? manifest.updatedAt : null,
      error: null,
      storage: deps.store
        ? { kind: deps.store.kind, maxFileSize: deps.store.maxFileSize }
        : undefined,
    };
    super(initial, now);
    this.offer = offer;
    this.manifest = manifest;
    this.currentTag = offer.tag;
    this.blockSize = offer.blockSize;
    this.verified = verified;
    this.sinks = offer.files.map(() => null);
    this.restarts = offer.files.map(() => 0);
    this.ackEvery = deps.ackEveryBytes ?? 1024 * 1024;
    this.started = manifest !== null;
  }

  /** A new offer: waits for the person to accept or decline. Checks free space at once. */
  static async fromOffer(
    offer: ControlMessageOf<'offer'>,
    deps: ReceiverDeps,
  ): Promise<IncomingTransfer> {
    const transfer = new IncomingTransfer(offer, null, deps);
    transfer.snap.space = await checkFreeSpace(transfer.snap.totalBytes);
    transfer.publish(true);
    return transfer;
  }

  /** An accepted transfer found in IndexedDB after a reload: waits for the sender's re-offer. */
  static fromManifest(manifest: Manifest, deps: ReceiverDeps): IncomingTransfer {
    const offer: ControlMessageOf<'offer'> = {
      type: 'offer',
      transferId: manifest.transferId,
      tag: manifest.tag,
      blockSize: manifest.blockSize,
      files: manifest.files.map((f) => ({
        index: f.index,
        name: f.name,
        size: f.size,
        mimeType: f.mimeType,
        lastModified: f.lastModified,
      })),
    };
    return new IncomingTransfer(offer, manifest, deps);
  }

  get offerMessage(): ControlMessageOf<'offer'> {
    return this.offer;
  }

  /** The tag that names this transfer in chunk frames (a reloaded sender picks a new one). */
  get tag(): number {
    return this.currentTag;
  }

  retag(tag: number): void {
    this.currentTag = tag;
    if (this.manifest) this.manifest.tag = tag;
  }

  /** Is `offer` the same files in the same blocks as the one this transfer was made from? */
  matchesOffer(offer: ControlMessageOf<'offer'>): boolean {
    return (
      offer.blockSize === this.blockSize &&
      offer.files.length === this.offer.files.length &&
      offer.files.every((f, i) => f.size === this.offer.files[i]!.size)
    );
  }

  attach(link: Link): void {
    this.link = link;
    // Nothing else: the sender re-offers every unfinished transfer, and `handleOffer` answers.
  }

  detach(): void {
    this.link = null;
    if (this.snap.phase === 'transferring' || this.snap.phase === 'verifying') {
      this.setPhase('paused');
    }
  }

  /** The person said yes. Refuses (declines) when space or the store cannot take the files. */
  async accept(): Promise<void> {
    if (this.snap.phase !== 'incoming') return;
    const { store } = this.deps;
    if (!store) return this.refuse('storage_unavailable', 'This browser cannot store the file');
    const tooBig = this.offer.files.find(
      (f) => store.maxFileSize !== null && f.size > store.maxFileSize,
    );
    if (tooBig)
      return this.refuse('file_too_large', `${tooBig.name} is larger than this browser can store`);
    const space = await checkFreeSpace(this.snap.totalBytes);
    this.snap.space = space;
    if (!space.ok) return this.refuse('storage_full', 'Not enough free space on this device');
    void requestPersistence();
    const now = this.now();
    this.manifest = {
      transferId: this.id,
      peerKey: this.deps.peerKey,
      tag: this.tag,
      blockSize: this.blockSize,
      storage: store.kind,
      state: 'receiving',
      createdAt: now,
      updatedAt: now,
      resumes: 0,
      files: this.offer.files.map((f) => ({ ...f, verified: [], hashedUpTo: 0 })),
    };
    this.snap.startedAt = now;
    await this.deps.manifests.put(this.manifest);
    if (this.final) return;
    this.setPhase('transferring');
    this.link?.send({ type: 'accept', transferId: this.id });
    await this.sendResume();
  }

  decline(): void {
    if (this.snap.phase !== 'incoming') return;
    this.link?.send({ type: 'decline', transferId: this.id, reason: 'user' });
    this.setPhase('declined');
  }

  /** Stops for good and deletes what was received. */
  async cancel(): Promise<void> {
    if (this.final) return;
    this.link?.send({ type: 'cancel', transferId: this.id, reason: 'user' });
    this.setPhase('cancelled');
    await this.discard();
  }

  /** Deletes the stored files and the manifest (after a cancel, or once the person saved them). */
  async discard(): Promise<void> {
    await Promise.all(this.sinks.map((sink) => sink?.close().catch(() => undefined)));
    this.sinks.fill(null);
    await this.deps.store?.remove(this.id).catch(() => undefined);
    await this.deps.manifests.delete(this.id);
  }

  /** A finished file, disk-backed, ready for a download or `navigator.share({ files })`. */
  async getFile(index: number): Promise<File> {
    const file = this.offer.files[index];
    if (!file || !this.snap.files[index]?.complete || !this.deps.store) {
      throw new Error('File not received yet');
    }
    return this.deps.store.getFile({ transferId: this.id, index }, file.name, file.mimeType);
  }

  handle(message: ControlMessage): void {
    switch (message.type) {
      case 'offer':
        return void this.handleOffer();
      case 'block':
        if (!this.receiving()) return;
        return this.sink(message.file).expect(message.block, message.sha256);
      case 'file_end':
        return this.handleFileEnd(message);
      case 'cancel':
        if (this.final) return;
        this.setPhase('cancelled', {
          code: 'cancelled_by_peer',
          message: 'The partner cancelled the transfer',
        });
        return void this.discard();
      case 'error':
        if (!message.fatal || this.final) return;
        return this.fail(message.code, message.message, false);
      default:
        return;
    }
  }

  handleChunk(frame: ChunkFrame): void {
    if (!this.receiving()) return;
    const meta = this.offer.files[frame.file];
    if (!meta) return;
    const n = frame.payload.byteLength;
    const block = Math.floor(frame.offset / this.blockSize);
    this.snap.bytesMoved += n;
    this.snap.bytesResent += this.resent.add(
      frame.file,
      block,
      frame.offset - block * this.blockSize,
      n,
    );
    this.inFlight += n;
    this.sink(frame.file).chunk(frame.offset, frame.payload);
    this.publish();
  }

  private receiving(): boolean {
    return this.manifest !== null && !this.final && this.snap.phase !== 'incoming';
  }

  /** The sender (re)offered a transfer we know: say what is still missing, or that it is done. */
  private async handleOffer(): Promise<void> {
    if (!this.link) return;
    if (this.manifest?.state === 'complete' || this.snap.phase === 'completed') {
      for (const file of this.snap.files) {
        if (file.sha256) {
          this.link.send({
            type: 'file_complete',
            transferId: this.id,
            file: file.index,
            sha256: file.sha256,
          });
        }
      }
      return;
    }
    if (!this.manifest || this.final) return;
    if (this.started) {
      this.snap.resumes++;
      this.manifest.resumes = this.snap.resumes;
    }
    this.setPhase('transferring');
    await this.sendResume();
  }

  /** Waits for queued writes, then tells the sender exactly which blocks are still missing. */
  private async sendResume(): Promise<void> {
    await Promise.all(this.sinks.map((sink) => sink?.idle()));
    await this.manifestWrite;
    const link = this.link;
    if (!link || this.final) return;
    this.started = true;
    this.persisted = 0;
    this.lastAcked = 0;
    this.inFlight = 0;
    this.recorded = [];
    const files = this.offer.files
      .filter((f) => !this.snap.files[f.index]!.complete)
      .map((f) => ({ index: f.index, missing: this.verified[f.index]!.missingRanges() }));
    link.send({ type: 'resume', transferId: this.id, files });
  }

  private handleFileEnd(message: ControlMessageOf<'file_end'>): void {
    if (!this.receiving() || !this.manifest) return;
    const file = this.manifest.files[message.file];
    if (!file || file.sha256) return;
    file.expectedSha256 = message.sha256;
    this.saveManifest();
    this.sink(message.file).fileEnd(message.sha256);
  }

  private sink(index: number): FileSink {
    const existing = this.sinks[index];
    if (existing) return existing;
    const file = this.manifest!.files[index]!;
    const sink = this.deps.store!.open(
      { transferId: this.id, index },
      {
        size: file.size,
        blockSize: this.blockSize,
        resume: {
          verified: file.verified,
          hashedUpTo: file.hashedUpTo,
          hashState: file.hashState,
          expectedSha256: file.expectedSha256,
        },
      },
      this.sinkEvents(index),
    );
    this.sinks[index] = sink;
    return sink;
  }

  private sinkEvents(index: number): PipelineEvents {
    return {
      written: (bytes) => {
        this.persisted += bytes;
        this.inFlight = Math.max(0, this.inFlight - bytes);
        this.maybeAck();
      },
      verified: (block, hashedUpTo, hashState) => {
        const file = this.manifest?.files[index];
        if (!file || !this.verified[index]!.add(block)) return;
        file.verified = this.verified[index]!.toRanges();
        file.hashedUpTo = hashedUpTo;
        file.hashState = hashState;
        const bytes = blockLength(file.size, this.blockSize, block);
        this.snap.files[index]!.bytesDone += bytes;
        this.snap.bytesDone += bytes;
        if (this.verified.every((v) => v.complete)) this.setPhase('verifying');
        // Acknowledge the block only once the manifest that records it is committed.
        void this.saveManifest().then(() => {
          this.recorded.push({ file: index, block });
          this.maybeAck();
        });
        this.publish();
      },
      corrupt: (block, reason) => {
        this.link?.send({
          type: 'refetch',
          transferId: this.id,
          file: index,
          blocks: [[block, block + 1]],
          reason,
        });
      },
      complete: (sha256) => void this.completeFile(index, sha256),
      mismatch: (actual, expected) => void this.handleMismatch(index, actual, expected),
      failed: (message) => this.fail('io_error', `Storage error: ${message}`, true),
    };
  }

  private async completeFile(index: number, sha256: string): Promise<void> {
    const manifest = this.manifest;
    if (!manifest) return;
    manifest.files[index]!.sha256 = sha256;
    const file = this.snap.files[index]!;
    file.complete = true;
    file.sha256 = sha256;
    this.snap.bytesDone += file.size - file.bytesDone;
    file.bytesDone = file.size;
    const all = this.snap.files.every((f) => f.complete);
    if (all) manifest.state = 'complete';
    await this.sinks[index]?.close();
    this.sinks[index] = null;
    await this.saveManifest();
    this.link?.send({ type: 'file_complete', transferId: this.id, file: index, sha256 });
    if (all) this.setPhase('completed');
    else this.setPhase('transferring');
  }

  private async handleMismatch(index: number, actual: string, expected: string): Promise<void> {
    if (this.restarts[index]! >= MAX_FILE_RESTARTS) {
      return this.fail('hash_mismatch', `File ${index}: got ${actual}, expected ${expected}`, true);
    }
    // Every block matched its own hash yet the whole does not: the blocks kept from before an
    // interruption came from a different file. Receive this one again from the start, once.
    this.restarts[index]!++;
    const file = this.manifest!.files[index]!;
    this.verified[index]!.clear();
    Object.assign(file, {
      verified: [],
      hashedUpTo: 0,
      hashState: undefined,
      expectedSha256: undefined,
    });
    this.snap.bytesDone -= this.snap.files[index]!.bytesDone;
    this.snap.files[index]!.bytesDone = 0;
    this.sink(index).restart();
    await this.saveManifest();
    this.setPhase('transferring');
    await this.sendResume();
  }

  private fail(code: TransferErrorCode, message: string, tellPeer: boolean): void {
    if (this.final) return;
    if (tellPeer && code !== 'channel_closed' && code !== 'read_error') {
      const dcCode =
        code === 'cancelled_by_peer' || code === 'declined_by_peer' ? 'internal' : code;
      this.link?.send({ type: 'error', transferId: this.id, code: dcCode, message, fatal: true });
    }
    this.setPhase('failed', { code, message });
  }

  private refuse(
    reason: 'storage_full' | 'storage_unavailable' | 'file_too_large',
    message: string,
  ): void {
    this.link?.send({ type: 'decline', transferId: this.id, reason });
    this.setPhase('declined', { code: reason, message });
  }

  /** Coalesced manifest writes: at most one in flight, the latest state always lands. */
  private saveManifest(): Promise<void> {
    if (!this.manifest) return Promise.resolve();
    if (this.manifestDirty) return this.manifestWrite;
    this.manifestDirty = true;
    this.manifestWrite = this.manifestWrite.then(async () => {
      this.manifestDirty = false;
      const manifest = this.manifest;
      if (!manifest) return;
      manifest.updatedAt = this.now();
      await this.deps.manifests.put(manifest);
    });
    return this.manifestWrite;
  }

  private maybeAck(): void {
    const link = this.link;
    if (!link) return;
    const unacked = this.persisted - this.lastAcked;
    const drained = this.inFlight === 0 && unacked > 0;
    if (unacked < this.ackEvery && !drained && this.recorded.length === 0) return;
    const verified = groupRanges(this.recorded);
    this.recorded = [];
    this.lastAcked = this.persisted;
    link.send({
      type: 'ack',
      transferId: this.id,
      bytes: this.persisted,
      ...(verified.length > 0 ? { verified } : {}),
    });
  }
}

function groupRanges(
  blocks: { file: number; block: number }[],
): { file: number; blocks: BlockRanges }[] {
  const byFile = new Map<number, number[]>();
  for (const { file, block } of blocks) byFile.set(file, [...(byFile.get(file) ?? []), block]);
  return [...byFile.entries()].map(([file, list]) => {
    const sorted = [...new Set(list)].sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (const b of sorted) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === b) last[1] = b + 1;
      else ranges.push([b, b + 1]);
    }
    return { file, blocks: ranges };
  });
}
