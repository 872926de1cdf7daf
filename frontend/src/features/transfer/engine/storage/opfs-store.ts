import type { PipelineEvents, PipelineOptions } from './block-pipeline';
import type { FileSink, ReceiveStore, StoredFileKey } from './receive-store';
import { type FromWorker, OPFS_ROOT, type ToWorker } from './worker-protocol';

/**
 * Received files in the Origin Private File System, written by a dedicated worker through sync
 * access handles. This page only forwards chunk buffers (transferred, not copied) and events.
 */
export class OpfsStore implements ReceiveStore {
  readonly kind = 'opfs' as const;
  readonly maxFileSize = null;
  private nextId = 1;
  private nextReq = 1;
  private readonly sinks = new Map<number, PipelineEvents>();
  private readonly replies = new Map<number, (reply: { ok: boolean; error?: string }) => void>();

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.handleMessage(event.data);
    worker.onerror = (event) => {
      const message = `Storage worker crashed: ${event.message}`;
      this.sinks.forEach((events) => events.failed(message));
      this.replies.forEach((reply) => reply({ ok: false, error: message }));
      this.replies.clear();
    };
  }

  /** Starts the worker and checks OPFS sync access handles work here; null when they do not. */
  static async create(): Promise<OpfsStore | null> {
    if (typeof Worker === 'undefined' || !globalThis.navigator?.storage?.getDirectory) return null;
    let worker: Worker;
    try {
      worker = new Worker(new URL('./opfs.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return null;
    }
    const store = new OpfsStore(worker);
    const probe = await store.request({ op: 'probe', req: 0 }).catch(() => ({ ok: false }));
    if (!probe.ok) {
      worker.terminate();
      return null;
    }
    return store;
  }

  open(key: StoredFileKey, options: PipelineOptions, events: PipelineEvents): FileSink {
    const id = this.nextId++;
    this.sinks.set(id, events);
    this.post({ op: 'open', id, transferId: key.transferId, index: key.index, options });
    const awaitReply = async (op: 'idle' | 'close') => {
      const reply = await this.request({ op, id, req: 0 });
      if (!reply.ok) throw new Error(reply.error ?? `${op} failed`);
    };
    return {
      expect: (block, sha256) => this.post({ op: 'expect', id, block, sha256 }),
      chunk: (offset, data) => {
        const buffer = data.buffer as ArrayBuffer;
        this.worker.postMessage(
          { op: 'chunk', id, offset, buffer, start: data.byteOffset, length: data.byteLength },
          [buffer],
        );
      },
      fileEnd: (sha256) => this.post({ op: 'fileEnd', id, sha256 }),
      restart: () => this.post({ op: 'restart', id }),
      idle: () => awaitReply('idle'),
      close: async () => {
        await awaitReply('close');
        this.sinks.delete(id);
      },
    };
  }

  async getFile(key: StoredFileKey, name: string, type: string): Promise<File> {
    const dir = await transferDir(key.transferId);
    const stored = await (await dir.getFileHandle(String(key.index))).getFile();
    // A File made of a disk-backed File refers to it; nothing is read into memory.
    return new File([stored], name, { type, lastModified: Date.now() });
  }

  async remove(transferId: string): Promise<void> {
    const root = await navigator.storage.getDirectory();
    const all = await root.getDirectoryHandle(OPFS_ROOT, { create: true });
    await all.removeEntry(transferId, { recursive: true }).catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.sinks.clear();
    this.replies.forEach((reply) => reply({ ok: false, error: 'Store disposed' }));
    this.replies.clear();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private request(
    message: Extract<ToWorker, { req: number }>,
  ): Promise<{ ok: boolean; error?: string }> {
    const req = this.nextReq++;
    return new Promise((resolve) => {
      this.replies.set(req, resolve);
      this.post({ ...message, req });
    });
  }

  private handleMessage(message: FromWorker): void {
    if (message.ev === 'reply') {
      this.replies.get(message.req)?.(message);
      this.replies.delete(message.req);
      return;
    }
    const events = this.sinks.get(message.id);
    if (!events) return;
    switch (message.ev) {
      case 'written':
        return events.written(message.bytes);
      case 'verified':
        return events.verified(message.block, message.hashedUpTo, message.hashState);
      case 'corrupt':
        return events.corrupt(message.block, message.reason);
      case 'complete':
        return events.complete(message.sha256);
      case 'mismatch':
        return events.mismatch(message.actual, message.expected);
      case 'failed':
        return events.failed(message.message);
    }
  }
}

async function transferDir(transferId: string): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  const all = await root.getDirectoryHandle(OPFS_ROOT, { create: true });
  return all.getDirectoryHandle(transferId);
}
