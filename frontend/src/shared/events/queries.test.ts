import type { Event, Participant } from '@spotlight/contracts';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { eventKeys, setParticipantMatch, setParticipantsCount } from './queries';

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

const dancer = (id: number): Participant => ({
  id,
  username: `dancer${id}`,
  displayName: null,
  avatar: null,
  country: null,
  joinedAt: '2030-01-01T10:00:00.000Z',
  checkedInAt: null,
  danceRole: null,
  division: null,
  rating: { average: null, count: 0 },
  online: false,
  match: null,
});

describe('a match made with a dancer', () => {
  it('shows on their row of the event’s list, on whichever page it is', () => {
    const client = new QueryClient();
    type Pages = InfiniteData<{ items: Participant[]; total: number }>;
    client.setQueryData<Pages>(eventKeys.participants(1), {
      pages: [
        { items: [dancer(1), dancer(2)], total: 3 },
        { items: [dancer(3)], total: 3 },
      ],
      pageParams: [1, 2],
    });

    setParticipantMatch(client, 1, 3, { id: 5, status: 'pending', role: 'requester' });

    const pages = client.getQueryData<Pages>(eventKeys.participants(1))!.pages;
    expect(pages.flatMap((p) => p.items.map((d) => d.match?.status ?? null))).toEqual([
      null,
      null,
      'pending',
    ]);
    // Another event's list is not in the cache, and stays out of it.
    setParticipantMatch(client, 2, 3, { id: 6, status: 'pending', role: 'requester' });
    expect(client.getQueryData(eventKeys.participants(2))).toBeUndefined();
  });
});
