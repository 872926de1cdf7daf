import type { Event } from '@spotlight/contracts';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { eventKeys, setParticipantsCount } from './queries';

const event = (id: number, participantsCount: number): Event => ({
  id,
  name: `Event ${id}`,
  location: 'Somewhere',
  startDate: '2030-01-01',
  endDate: '2030-01-02',
  worldsdcId: null,
  participantsCount,
  description: null,
  joined: false,
  checkedIn: false,
  requireVerifiedEmail: false,
});

describe('a live participants count', () => {
  it('lands on the event and on every list that shows it, nothing else', () => {
    const client = new QueryClient();
    client.setQueryData(eventKeys.detail(1), event(1, 3));
    const list = eventKeys.list({ q: '', when: 'upcoming' });
    client.setQueryData<InfiniteData<{ items: Event[] }>>(list, {
      pages: [{ items: [event(1, 3), event(2, 7)] }],
      pageParams: [1],
    });

    setParticipantsCount(client, 1, 4);

    expect(client.getQueryData<Event>(eventKeys.detail(1))?.participantsCount).toBe(4);
    const items = client.getQueryData<InfiniteData<{ items: Event[] }>>(list)!.pages[0]!.items;
    expect(items.map((e) => e.participantsCount)).toEqual([4, 7]);
    // An event not in the cache stays out of it.
    setParticipantsCount(client, 9, 1);
    expect(client.getQueryData(eventKeys.detail(9))).toBeUndefined();
  });
});
