import type { Recording, RecordingList } from '@spotlight/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { heatKeys, storeRecording } from './queries';

const user = {
  id: 2,
  username: 'ben',
  displayName: 'Ben',
  avatar: null,
  wsdcId: null,
  danceRole: null,
  division: null,
  leaderDivision: null,
  followerDivision: null,
  city: 'Berlin',
  country: 'DE' as const,
  instagram: null,
  youtube: null,
  tiktok: null,
  facebook: null,
  createdAt: '2026-12-01T00:00:00.000Z',
};

const recording = (id: number, startsAt: string | null, status: Recording['status']) =>
  ({
    id,
    eventId: 7,
    heat: { id: id * 10, divisionId: 1, typeId: 1, roundId: 1, number: id, startsAt, label: '' },
    dancerRole: 'follower',
    dancerBib: null,
    side: 'dancer',
    status,
    myAnswer: null,
    partnerAnswer: null,
    explanation: 'Ben from Berlin will film you.',
    partner: user,
    matchId: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  }) satisfies Recording;

const listOf = (client: QueryClient) =>
  client.getQueryData<RecordingList>(heatKeys.recordings(7))?.items.map((r) => [r.id, r.status]);

describe('storeRecording', () => {
  it('replaces a changed recording, adds a new one in time order, and drops a removed one', () => {
    const client = new QueryClient();
    client.setQueryData<RecordingList>(heatKeys.recordings(7), {
      items: [recording(1, '2026-12-12T10:00:00Z', 'suggested'), recording(2, null, 'suggested')],
    });
    storeRecording(client, recording(1, '2026-12-12T10:00:00Z', 'accepted'));
    storeRecording(client, recording(3, '2026-12-12T09:00:00Z', 'suggested'));
    expect(listOf(client)).toEqual([
      [3, 'suggested'],
      [1, 'accepted'],
      [2, 'suggested'],
    ]);
    storeRecording(client, recording(2, null, 'suggested'), true);
    expect(listOf(client)).toEqual([
      [3, 'suggested'],
      [1, 'accepted'],
    ]);
  });

  it('leaves a list that was never loaded to its first fetch', () => {
    const client = new QueryClient();
    storeRecording(client, recording(1, null, 'suggested'));
    expect(listOf(client)).toBeUndefined();
  });
});
