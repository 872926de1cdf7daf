/**
 * The query cache kept on the phone (IndexedDB), so that events, matches, profiles and recent
 * chat still show after a reload with no signal. On a start with no network the saved copy is
 * put back before any page renders; afterwards every change is saved, at most once a second. Only answers that
 * arrived (no errors, nothing pending) are kept, for a week, and a signed-out session leaves
 * nothing behind (`clearSavedCache`).
 */
import { dehydrate, hydrate, type QueryClient } from '@tanstack/react-query';

const DB = 'spotlight-cache';
const STORE = 'queries';
const KEY = 'client';
/** Bump when the shape of cached answers changes: an older copy is then dropped. */
// 2: an event's participants became pages (an infinite query).
const VERSION = 2;
const MAX_AGE_MS = 7 * 24 * 3600_000;
const THROTTLE_MS = 1000;

interface Saved {
  version: number;
  savedAt: number;
  state: ReturnType<typeof dehydrate>;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/**
 * Puts the saved cache back into `client` when the phone has no network; a missing, old or
 * unreadable copy is skipped. Online, the app asks the server as before: a copy saved a moment
 * before a reload may miss the last change, and a form opened from it would start stale.
 */
export async function restoreSavedCache(client: QueryClient): Promise<void> {
  if (navigator.onLine) return;
  try {
    const saved = await run<Saved | undefined>('readonly', (store) => store.get(KEY));
    if (!saved || saved.version !== VERSION || Date.now() - saved.savedAt > MAX_AGE_MS) return;
    hydrate(client, saved.state);
  } catch {
    // Private mode or storage blocked: start empty, as before.
  }
}

export async function clearSavedCache(): Promise<void> {
  try {
    await run('readwrite', (store) => store.delete(KEY));
  } catch {
    // Nothing was saved.
  }
}

/** Saves the cache after each change (throttled); returns the unsubscribe. */
export function keepCacheSaved(client: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const state = dehydrate(client, {
      shouldDehydrateQuery: (query) => query.state.status === 'success',
    });
    // No signed-in user: nothing of theirs may stay on the phone.
    const signedIn = client.getQueryData(['auth', 'me']) != null;
    const saved: Saved = { version: VERSION, savedAt: Date.now(), state };
    void (signedIn ? run('readwrite', (store) => store.put(saved, KEY)) : clearSavedCache()).catch(
      () => undefined,
    );
  };
  const unsubscribe = client.getQueryCache().subscribe(() => {
    timer ??= setTimeout(save, THROTTLE_MS);
  });
  // Leaving or reloading the page: what changed in the last second is written too.
  const flush = () => {
    if (timer) clearTimeout(timer);
    save();
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    if (timer) clearTimeout(timer);
  };
}
