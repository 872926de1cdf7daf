import { BlockPipeline } from './block-pipeline';
import type { RandomAccessFile } from './random-access-file';
import { type FromWorker, OPFS_ROOT, type ToWorker } from './worker-protocol';

/**
 * Dedicated worker that owns the received files: `createSyncAccessHandle()` (synchronous, no
 * copy, worker-only) writes each chunk straight to the Origin Private File System at its offset.
 * The chunk buffers are transferred in, written and dropped, so nothing accumulates here.
 */

interface SyncAccessHandle {
  write(buffer: AllowSharedBufferSource, options?: { at?: number }): number;
  read(buffer: AllowSharedBufferSource, options?: { at?: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}
interface SyncFileHandle extends FileSystemFileHandle {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
}

/** The dedicated-worker global, typed without pulling the WebWorker lib into the DOM build. */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker) => scope.postMessage(message);

async function transferDir(transferId: string): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  const all = await root.getDirectoryHandle(OPFS_ROOT, { create: true });
  return all.getDirectoryHandle(transferId, { create: true });
}

/** A RandomAccessFile over a sync access handle that opens on first use. */
class OpfsFile implements RandomAccessFile {
  private readonly handle: Promise<SyncAccessHandle>;

  constructor(transferId: string, index: number) {
    this.handle = transferDir(transferId).then(async (dir) => {
      const file = (await dir.getFileHandle(String(index), { create: true })) as SyncFileHandle;
      return file.createSyncAccessHandle();
    });
  }

  async write(data: Uint8Array, at: number): Promise<void> {
    const handle = await this.handle;
    let done = 0;
    // write() may write fewer bytes than asked (the spec allows it); loop until all are down.
    while (done < data.byteLength) {
      const n = handle.write(data.subarray(done), { at: at + done });
      if (n <= 0) throw new Error('OPFS write made no progress (disk full?)');
      done += n;
    }
  }

  async read(into: Uint8Array, at: number): Promise<number> {
    return (await this.handle).read(into, { at });
  }

  async truncate(size: number): Promise<void> {
    (await this.handle).truncate(size);
  }

  async flush(): Promise<void> {
    (await this.handle).flush();
  }

  async close(): Promise<void> {
    (await this.handle).close();
  }
}

/**
 * Frees written chunks' memory now rather than at V8's next major GC. Left alone, dead chunk
 * buffers piled up to 60–80 MiB (V8 starts a collection at 64 MiB of external memory).
 * Detaching them from JS (`buffer.transfer(0)`) is not enough: Blink's wrapper of a
 * deserialized buffer keeps its own reference to the memory until a GC that then never
 * comes (measured: renderer RSS grew with the file). Transferring the buffer through a
 * MessagePort makes Blink move the memory out of its wrapper too; the port's partner is never
 * started, and closing both ports every few chunks drops the queued messages and the memory.
 */
class ChunkDrain {
  private channel = new MessageChannel();
  private queued = 0;

  constructor(private readonly batch: number) {}

  release(buffer: ArrayBuffer): void {
    this.channel.port1.postMessage(null, [buffer]);
    if (++this.queued < this.batch) return;
    this.channel.port1.close();
    this.channel.port2.close();
    this.channel = new MessageChannel();
    this.queued = 0;
  }
}

const drain = new ChunkDrain(8);
const detach = (buffer: ArrayBuffer) => drain.release(buffer);

const pipelines = new Map<number, BlockPipeline>();

function pipeline(id: number): BlockPipeline {
  const found = pipelines.get(id);
  if (!found) throw new Error(`No open file ${id}`);
  return found;
}

async function probe(): Promise<void> {
  const dir = await transferDir('probe');
  const file = (await dir.getFileHandle('probe', { create: true })) as SyncFileHandle;
  if (typeof file.createSyncAccessHandle !== 'function') throw new Error('No sync access handles');
  const handle = await file.createSyncAccessHandle();
  handle.write(new Uint8Array([1]), { at: 0 });
  handle.close();
  const root = await navigator.storage.getDirectory();
  await (await root.getDirectoryHandle(OPFS_ROOT)).removeEntry('probe', { recursive: true });
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.op) {
    case 'probe':
      return probe().then(
        () => post({ ev: 'reply', req: message.req, ok: true }),
        (error: unknown) =>
          post({ ev: 'reply', req: message.req, ok: false, error: String(error) }),
      );
    case 'open': {
      const { id } = message;
      const file = new OpfsFile(message.transferId, message.index);
      pipelines.set(
        id,
        new BlockPipeline(file, message.options, {
          written: (bytes) => post({ ev: 'written', id, bytes }),
          verified: (block, hashedUpTo, hashState) =>
            post({ ev: 'verified', id, block, hashedUpTo, hashState }),
          corrupt: (block, reason) => post({ ev: 'corrupt', id, block, reason }),
          complete: (sha256) => post({ ev: 'complete', id, sha256 }),
          mismatch: (actual, expected) => post({ ev: 'mismatch', id, actual, expected }),
          failed: (msg) => post({ ev: 'failed', id, message: msg }),
        }),
      );
      return;
    }
    case 'expect':
      return pipeline(message.id).expect(message.block, message.sha256);
    case 'chunk': {
      const { buffer } = message;
      return pipeline(message.id).chunk(
        message.offset,
        new Uint8Array(buffer, message.start, message.length),
        () => detach(buffer),
      );
    }
    case 'fileEnd':
      return pipeline(message.id).fileEnd(message.sha256);
    case 'restart':
      return pipeline(message.id).restart();
    case 'idle':
      await pipeline(message.id).idle();
      return post({ ev: 'reply', req: message.req, ok: true });
    case 'close':
      await pipeline(message.id).close();
      pipelines.delete(message.id);
      return post({ ev: 'reply', req: message.req, ok: true });
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => {
    const { data } = event;
    if ('req' in data) post({ ev: 'reply', req: data.req, ok: false, error: String(error) });
    else if ('id' in data) post({ ev: 'failed', id: data.id, message: String(error) });
  });
};
