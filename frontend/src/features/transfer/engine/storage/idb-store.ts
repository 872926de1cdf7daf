import { BlockPipeline, type PipelineEvents, type PipelineOptions } from './block-pipeline';
import { committed, openTransferDb, PAGES, request } from './idb';
import type { RandomAccessFile } from './random-access-file';
import type { FileSink, ReceiveStore, StoredFileKey } from './receive-store';

/**
 * Largest file the IndexedDB fallback accepts. Browsers without OPFS sync access handles are old
 * Safari and Firefox builds, whose IndexedDB quota per origin is around 1 GB before they prompt
 * or evict; a bigger video should go by link there. The UI states this figure.
 */
export const INDEXEDDB_FALLBACK_MAX_BYTES = 1024 * 1024 * 1024;

type PageKey = [string, number, number];

/**
 * A RandomAccessFile stored as fixed-size pages (one block each) of Blobs in IndexedDB. Writes
 * within a page are gathered in one page buffer and stored when the writer moves to another page
 * or flushes, so memory stays at one page.
 */
export class IdbPagedFile implements RandomAccessFile {
  private page = -1;
  private buffer: Uint8Array;
  private extent = 0;
  private dirty = false;

  constructor(
    private readonly db: IDBDatabase,
    private readonly key: StoredFileKey,
    private readonly pageSize: number,
  ) {
    this.buffer = new Uint8Array(pageSize);
  }

  async write(data: Uint8Array, at: number): Promise<void> {
    let done = 0;
    while (done < data.byteLength) {
      const position = at + done;
      const page = Math.floor(position / this.pageSize);
      if (page !== this.page) await this.load(page);
      const inPage = position - page * this.pageSize;
      const n = Math.min(data.byteLength - done, this.pageSize - inPage);
      this.buffer.set(data.subarray(done, done + n), inPage);
      this.extent = Math.max(this.extent, inPage + n);
      this.dirty = true;
      done += n;
    }
  }

  async read(into: Uint8Array, at: number): Promise<number> {
    await this.flush();
    let done = 0;
    while (done < into.byteLength) {
      const position = at + done;
      const page = Math.floor(position / this.pageSize);
      const blob = await this.getPage(page);
      if (!blob) break;
      const inPage = position - page * this.pageSize;
      const bytes = new Uint8Array(
        await blob.slice(inPage, inPage + into.byteLength - done).arrayBuffer(),
      );
      if (bytes.byteLength === 0) break;
      into.set(bytes, done);
      done += bytes.byteLength;
    }
    return done;
  }

  async truncate(size: number): Promise<void> {
    await this.flush();
    const range = IDBKeyRange.bound(
      [this.key.transferId, this.key.index, Math.ceil(size / this.pageSize)],
      [this.key.transferId, this.key.index, Infinity],
    );
    const tx = this.db.transaction(PAGES, 'readwrite');
    tx.objectStore(PAGES).delete(range);
    await committed(tx);
    this.page = -1;
  }

  async flush(): Promise<void> {
    if (!this.dirty) return;
    const tx = this.db.transaction(PAGES, 'readwrite');
    // Blobs, not ArrayBuffers: browsers keep large Blob values on disk and hand back disk-backed
    // Blobs, so assembling the finished File never loads it into memory.
    tx.objectStore(PAGES).put(
      new Blob([this.buffer.slice(0, this.extent)]),
      this.pageKey(this.page),
    );
    await committed(tx);
    this.dirty = false;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private pageKey(page: number): PageKey {
    return [this.key.transferId, this.key.index, page];
  }

  private async getPage(page: number): Promise<Blob | undefined> {
    const tx = this.db.transaction(PAGES, 'readonly');
    return request<Blob | undefined>(tx.objectStore(PAGES).get(this.pageKey(page)));
  }

  private async load(page: number): Promise<void> {
    await this.flush();
    const stored = await this.getPage(page);
    this.buffer.fill(0);
    this.extent = 0;
    if (stored) {
      this.buffer.set(new Uint8Array(await stored.arrayBuffer()));
      this.extent = stored.size;
    }
    this.page = page;
  }
}

/** The fallback where OPFS sync access handles are missing: pages in IndexedDB. */
export class IdbStore implements ReceiveStore {
  readonly kind = 'indexeddb' as const;
  readonly maxFileSize = INDEXEDDB_FALLBACK_MAX_BYTES;

  private constructor(private readonly db: IDBDatabase) {}

  static async create(): Promise<IdbStore | null> {
    const db = await openTransferDb()?.catch(() => null);
    return db ? new IdbStore(db) : null;
  }

  open(key: StoredFileKey, options: PipelineOptions, events: PipelineEvents): FileSink {
    return new BlockPipeline(new IdbPagedFile(this.db, key, options.blockSize), options, events);
  }

  async getFile(key: StoredFileKey, name: string, type: string): Promise<File> {
    const tx = this.db.transaction(PAGES, 'readonly');
    const range = IDBKeyRange.bound(
      [key.transferId, key.index, 0],
      [key.transferId, key.index, Infinity],
    );
    const pages = await request(tx.objectStore(PAGES).getAll(range));
    return new File(pages as Blob[], name, { type, lastModified: Date.now() });
  }

  async remove(transferId: string): Promise<void> {
    const tx = this.db.transaction(PAGES, 'readwrite');
    tx.objectStore(PAGES).delete(IDBKeyRange.bound([transferId], [transferId, []]));
    await committed(tx);
  }

  dispose(): void {}
}
