import type { OutboxEntry, OutboxStorage } from './types';

/**
 * The queue of unacknowledged messages of one user. Immutable snapshots, so that React can
 * subscribe with useSyncExternalStore; persisted (when a storage is given) so that a reload
 * while offline loses nothing.
 */
export class Outbox {
  entries: readonly OutboxEntry[] = [];
  private userId: number | undefined;

  constructor(
    private readonly storage: OutboxStorage | undefined,
    private readonly onChange: (entries: readonly OutboxEntry[]) => void,
  ) {}

  load(userId: number) {
    this.userId = userId;
    const stored = this.storage?.load(userId) ?? [];
    // A send that was in flight when the page closed is unknown: send it again (same clientId).
    this.set(stored.map((e) => (e.status === 'sending' ? { ...e, status: 'queued' } : e)));
  }

  unload() {
    this.userId = undefined;
    this.entries = [];
    this.onChange(this.entries);
  }

  clear(userId: number) {
    this.storage?.clear(userId);
    if (this.userId === userId) this.set([]);
  }

  has(clientId: string) {
    return this.entries.some((e) => e.clientId === clientId);
  }

  add(entry: OutboxEntry) {
    this.set([...this.entries, entry]);
  }

  update(clientId: string, patch: Partial<OutboxEntry>) {
    if (!this.has(clientId)) return;
    this.set(this.entries.map((e) => (e.clientId === clientId ? { ...e, ...patch } : e)));
  }

  remove(clientId: string) {
    if (!this.has(clientId)) return;
    this.set(this.entries.filter((e) => e.clientId !== clientId));
  }

  private set(entries: readonly OutboxEntry[]) {
    this.entries = entries;
    if (this.userId !== undefined) this.storage?.save(this.userId, entries);
    this.onChange(entries);
  }
}

const storageKey = (userId: number) => `spotlight.outbox.${userId}`;

const isEntry = (value: unknown): value is OutboxEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<OutboxEntry>;
  return (
    typeof e.clientId === 'string' &&
    typeof e.content === 'string' &&
    typeof e.room?.id === 'number' &&
    (e.room.kind === 'event' || e.room.kind === 'match')
  );
};

/** Outbox persistence in localStorage: only unsent message texts, never a credential. */
export const localOutboxStorage = (storage: Storage): OutboxStorage => ({
  load(userId) {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(storageKey(userId)) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  },
  save(userId, entries) {
    try {
      if (entries.length === 0) storage.removeItem(storageKey(userId));
      else storage.setItem(storageKey(userId), JSON.stringify(entries));
    } catch {
      // Storage full or denied (private mode): the queue still works for this page's life.
    }
  },
  clear(userId) {
    storage.removeItem(storageKey(userId));
  },
});
