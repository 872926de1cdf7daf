import type { BlockRanges, FileMeta } from '@spotlight/contracts';
import { committed, MANIFESTS, openTransferDb, request } from './storage/idb';
import type { StoreKind } from './storage/receive-store';

export interface ManifestFile extends FileMeta {
  verified: BlockRanges;
  hashedUpTo: number;
  hashState?: Uint8Array;
  /** The sender's whole-file SHA-256, once its `file_end` arrived. */
  expectedSha256?: string;
  /** Set when the file is complete and verified. */
  sha256?: string;
}

/** What the receiver keeps of an incoming transfer so that it survives a reload. */
export interface Manifest {
  transferId: string;
  /** Who sends it (the match), so a reloaded page knows which peer to resume with. */
  peerKey: string;
  tag: number;
  blockSize: number;
  storage: StoreKind;
  state: 'receiving' | 'complete';
  createdAt: number;
  updatedAt: number;
  /** Times the transfer continued after an interruption. */
  resumes: number;
  files: ManifestFile[];
}

export interface ManifestStore {
  get(transferId: string): Promise<Manifest | undefined>;
  put(manifest: Manifest): Promise<void>;
  listForPeer(peerKey: string): Promise<Manifest[]>;
  delete(transferId: string): Promise<void>;
}

/** Manifests in memory, for unit tests (and a page without IndexedDB: no resume after reload). */
export class MemoryManifestStore implements ManifestStore {
  readonly manifests = new Map<string, Manifest>();
  puts = 0;

  async get(transferId: string) {
    const found = this.manifests.get(transferId);
    return found && structuredClone(found);
  }
  async put(manifest: Manifest) {
    this.puts++;
    this.manifests.set(manifest.transferId, structuredClone(manifest));
  }
  async listForPeer(peerKey: string) {
    return [...this.manifests.values()]
      .filter((m) => m.peerKey === peerKey)
      .map((m) => structuredClone(m));
  }
  async delete(transferId: string) {
    this.manifests.delete(transferId);
  }
}

/** Manifests in IndexedDB: the real store in the browser. */
export class IdbManifestStore implements ManifestStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async create(): Promise<ManifestStore> {
    const db = await openTransferDb()?.catch(() => null);
    return db ? new IdbManifestStore(db) : new MemoryManifestStore();
  }

  async get(transferId: string): Promise<Manifest | undefined> {
    const tx = this.db.transaction(MANIFESTS, 'readonly');
    return request<Manifest | undefined>(tx.objectStore(MANIFESTS).get(transferId));
  }

  async put(manifest: Manifest): Promise<void> {
    const tx = this.db.transaction(MANIFESTS, 'readwrite');
    tx.objectStore(MANIFESTS).put(manifest);
    await committed(tx);
  }

  async listForPeer(peerKey: string): Promise<Manifest[]> {
    const tx = this.db.transaction(MANIFESTS, 'readonly');
    return request<Manifest[]>(tx.objectStore(MANIFESTS).index('peerKey').getAll(peerKey));
  }

  async delete(transferId: string): Promise<void> {
    const tx = this.db.transaction(MANIFESTS, 'readwrite');
    tx.objectStore(MANIFESTS).delete(transferId);
    await committed(tx);
  }
}
