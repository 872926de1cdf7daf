import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { localOutboxStorage, Outbox } from './outbox';
import type { OutboxEntry } from './types';

/** localStorage's interface over a Map (Node has no localStorage). */
class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const entry = (clientId: string, status: OutboxEntry['status'] = 'queued'): OutboxEntry => ({
  clientId,
  room: { kind: 'event', id: 1 },
  content: `message ${clientId}`,
  type: 'text',
  status,
  createdAt: '2026-03-14T12:00:00.000Z',
});

describe('Outbox', () => {
  it('survives a reload per user; an in-flight send is queued again with its clientId', () => {
    const storage = localOutboxStorage(new MemoryStorage());
    const first = new Outbox(storage, () => {});
    first.load(7);
    first.add(entry('a'));
    first.add(entry('b'));
    first.update('b', { status: 'sending' });

    const reloaded = new Outbox(storage, () => {});
    reloaded.load(7);
    expect(reloaded.entries.map((e) => [e.clientId, e.status])).toEqual([
      ['a', 'queued'],
      ['b', 'queued'],
    ]);
    const otherUser = new Outbox(storage, () => {});
    otherUser.load(8);
    expect(otherUser.entries).toEqual([]);
  });

  it('publishes a new snapshot on every change and drops corrupt storage', () => {
    const raw = new MemoryStorage();
    raw.setItem('spotlight.outbox.7', '{not json');
    const snapshots: (readonly OutboxEntry[])[] = [];
    const outbox = new Outbox(localOutboxStorage(raw), (entries) => snapshots.push(entries));
    outbox.load(7);
    outbox.add(entry('a'));
    outbox.remove('a');
    outbox.remove('a');
    expect(snapshots.map((s) => s.length)).toEqual([0, 1, 0]);
    expect(new Set(snapshots).size).toBe(3);
    expect(raw.getItem('spotlight.outbox.7')).toBeNull();
  });
});

describe('Backoff', () => {
  it('doubles up to the cap, with ±50% jitter, and starts over after reset', () => {
    const fixed = (r: number) => new Backoff(500, 4000, () => r);
    const mid = fixed(0.5);
    expect([mid.next(), mid.next(), mid.next(), mid.next(), mid.next()]).toEqual([
      500, 1000, 2000, 4000, 4000,
    ]);
    mid.reset();
    expect(mid.next()).toBe(500);
    expect(fixed(0).next()).toBe(250);
    expect(fixed(0.999).next()).toBeLessThanOrEqual(750);
  });
});
