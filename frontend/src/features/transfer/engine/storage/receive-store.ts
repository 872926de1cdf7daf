import type { BlockPipeline, PipelineEvents, PipelineOptions } from './block-pipeline';

export type StoreKind = 'opfs' | 'indexeddb' | 'memory';

export interface StoredFileKey {
  transferId: string;
  index: number;
}

/** The receiving end of one file, wherever the pipeline runs (see BlockPipeline). */
export type FileSink = Pick<
  BlockPipeline,
  'expect' | 'chunk' | 'fileEnd' | 'restart' | 'idle' | 'close'
>;

/** Where received files go. */
export interface ReceiveStore {
  readonly kind: StoreKind;
  /** The largest file this store takes, or null when only the free space limits it. */
  readonly maxFileSize: number | null;
  open(key: StoredFileKey, options: PipelineOptions, events: PipelineEvents): FileSink;
  /** The finished file, disk-backed, with its real name and type (close its sink first). */
  getFile(key: StoredFileKey, name: string, type: string): Promise<File>;
  /** Deletes every stored file of a transfer. */
  remove(transferId: string): Promise<void>;
  dispose(): void;
}

export interface SpaceCheck {
  ok: boolean;
  /** Bytes the browser says this origin may still use; null when it cannot tell. */
  available: number | null;
  required: number;
}

/** Headroom kept free beyond the files themselves (manifests, the rest of the app). */
const SPACE_MARGIN = 32 * 1024 * 1024;

/** Is there room for `bytes` more? Asks `navigator.storage.estimate()`. */
export async function checkFreeSpace(bytes: number): Promise<SpaceCheck> {
  const required = bytes + SPACE_MARGIN;
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => null);
  if (!estimate || estimate.quota === undefined) return { ok: true, available: null, required };
  const available = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  return { ok: available >= required, available, required };
}

/** Asks the browser not to evict our storage under pressure; false when it declines. */
export async function requestPersistence(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted?.().catch(() => false)) return true;
  return storage.persist().catch(() => false);
}
