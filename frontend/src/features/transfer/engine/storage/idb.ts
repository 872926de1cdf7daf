/** The one IndexedDB database of the transfer engine: manifests, and pages of the fallback store. */
export const IDB_NAME = 'spotlight-transfer';
export const MANIFESTS = 'manifests';
export const PAGES = 'pages';

/** Wraps an IDBRequest in a promise. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when a transaction commits. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let opening: Promise<IDBDatabase> | null = null;

/** Opens (and on first use creates) the database; null where IndexedDB is missing. */
export function openTransferDb(): Promise<IDBDatabase> | null {
  if (typeof indexedDB === 'undefined') return null;
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(IDB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      const manifests = db.createObjectStore(MANIFESTS, { keyPath: 'transferId' });
      manifests.createIndex('peerKey', 'peerKey');
      // Key: [transferId, fileIndex, pageIndex]; value: a Blob of one page.
      db.createObjectStore(PAGES);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('Cannot open IndexedDB'));
    req.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}
