import { IdbStore } from './idb-store';
import { OpfsStore } from './opfs-store';
import type { ReceiveStore } from './receive-store';

/**
 * The best store this browser has: OPFS through a worker, else IndexedDB pages (with a size limit
 * the UI states), else null (then the UI offers only the link fallback).
 */
export async function createReceiveStore(): Promise<ReceiveStore | null> {
  return (await OpfsStore.create()) ?? (await IdbStore.create());
}
