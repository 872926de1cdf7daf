import { DEFAULT_BLOCK_SIZE } from '@spotlight/contracts';
import { sha256Hex } from './engine/hashing';

/**
 * What a sender remembers of each unfinished transfer, so that after a reload the same file,
 * picked again, re-uses the transfer (and the receiver resumes from its first missing block)
 * instead of starting a new one from 0%. A file is recognised by its name, size, last
 * modification time and the SHA-256 of its first block; nothing of the video itself is kept.
 */
export interface SentFileIdentity {
  name: string;
  size: number;
  lastModified: number;
  /** SHA-256 (hex) of the file's first block. */
  head: string;
}

export interface SentRecord {
  id: string;
  startedAt: number;
  files: SentFileIdentity[];
}

export interface SentRecordStore {
  list(): SentRecord[];
  put(record: SentRecord): void;
  remove(id: string): void;
}

export function memorySentRecords(): SentRecordStore {
  const records = new Map<string, SentRecord>();
  return {
    list: () => [...records.values()],
    put: (record) => void records.set(record.id, record),
    remove: (id) => void records.delete(id),
  };
}

/** Records in localStorage under `key` (one key per partner); a memory store if unavailable. */
export function localSentRecords(key: string): SentRecordStore {
  let storage: Storage;
  try {
    storage = localStorage;
    storage.getItem(key);
  } catch {
    return memorySentRecords();
  }
  const read = (): SentRecord[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as SentRecord[]) : [];
    } catch {
      return [];
    }
  };
  const write = (records: SentRecord[]) => {
    try {
      if (records.length) storage.setItem(key, JSON.stringify(records));
      else storage.removeItem(key);
    } catch {
      // Storage full or disabled: the transfer still works, only without resume after a reload.
    }
  };
  return {
    list: read,
    put: (record) => write([...read().filter((r) => r.id !== record.id), record]),
    remove: (id) => write(read().filter((r) => r.id !== id)),
  };
}

/** The identity of a picked file: reads only its first block. */
export async function identify(
  file: File,
  blockSize = DEFAULT_BLOCK_SIZE,
): Promise<SentFileIdentity> {
  const head = new Uint8Array(await file.slice(0, Math.min(file.size, blockSize)).arrayBuffer());
  return {
    name: file.name,
    size: file.size,
    lastModified: Math.floor(file.lastModified),
    head: await sha256Hex(head),
  };
}

export const sameFiles = (a: readonly SentFileIdentity[], b: readonly SentFileIdentity[]) =>
  a.length === b.length &&
  a.every(
    (f, i) =>
      f.name === b[i]!.name &&
      f.size === b[i]!.size &&
      f.lastModified === b[i]!.lastModified &&
      f.head === b[i]!.head,
  );
