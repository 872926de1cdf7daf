import type { Announcement } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { applyAnnouncement } from './queries';

const author = { id: 1, username: 'olivia', displayName: 'Olivia', avatar: null };
const make = (id: number, createdAt: string): Announcement => ({
  id,
  eventId: 7,
  author,
  content: `announcement ${id}`,
  createdAt,
});

describe('applyAnnouncement', () => {
  const older = make(1, '2026-12-06T10:00:00.000Z');
  const newer = make(2, '2026-12-06T11:00:00.000Z');

  it('adds a new one on top, once', () => {
    const once = applyAnnouncement({ items: [older] }, newer, false);
    expect(once.items.map((a) => a.id)).toEqual([2, 1]);
    expect(applyAnnouncement(once, newer, false).items.map((a) => a.id)).toEqual([2, 1]);
  });

  it('keeps newest first when an older one arrives late', () => {
    expect(applyAnnouncement({ items: [newer] }, older, false).items.map((a) => a.id)).toEqual([
      2, 1,
    ]);
  });

  it('takes a withdrawn one out, and leaves the list alone when it was not there', () => {
    const list = { items: [newer, older] };
    expect(applyAnnouncement(list, older, true).items.map((a) => a.id)).toEqual([2]);
    const unknown = make(9, '2026-12-06T12:00:00.000Z');
    expect(applyAnnouncement(list, unknown, true)).toBe(list);
  });
});
