import { api, type Recording, type RecordingList } from '@spotlight/contracts';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { byHeatTime } from './schedule';

export const heatKeys = {
  all: ['heats'] as const,
  sheet: (eventId: number) => ['heats', 'sheet', eventId] as const,
  mine: (eventId: number) => ['heats', 'mine', eventId] as const,
  recordings: (eventId: number) => ['heats', 'recordings', eventId] as const,
  runs: (eventId: number) => ['heats', 'runs', eventId] as const,
};

/** The organiser's heat sheet and the matching settings (anyone signed in). */
export const heatSheetQuery = (eventId: number) =>
  queryOptions({
    queryKey: heatKeys.sheet(eventId),
    queryFn: ({ signal }) => apiCall(api.heats.get, { params: { id: eventId } }, { signal }),
  });

/** The signed-in dancer's heats, bib and recording opt-in (participants). */
export const myHeatsQuery = (eventId: number) =>
  queryOptions({
    queryKey: heatKeys.mine(eventId),
    queryFn: ({ signal }) => apiCall(api.heats.getMine, { params: { id: eventId } }, { signal }),
  });

/** Who films me and whom I film; `recording_updated` keeps it live. */
export const recordingsQuery = (eventId: number) =>
  queryOptions({
    queryKey: heatKeys.recordings(eventId),
    queryFn: ({ signal }) => apiCall(api.recordings.list, { params: { id: eventId } }, { signal }),
  });

/** The runs' log and the coverage now (organisers). */
export const matchingRunsQuery = (eventId: number) =>
  queryOptions({
    queryKey: heatKeys.runs(eventId),
    queryFn: ({ signal }) => apiCall(api.heats.runs, { params: { id: eventId } }, { signal }),
  });

/**
 * A recording changed (an answer, the socket): it replaces its old copy in the event's list,
 * or leaves it when `removed`, and the list stays in heat time order. A list not loaded yet
 * is left for its first fetch.
 */
export function storeRecording(client: QueryClient, recording: Recording, removed = false) {
  client.setQueryData<RecordingList>(heatKeys.recordings(recording.eventId), (list) => {
    if (!list) return list;
    const others = list.items.filter((item) => item.id !== recording.id);
    return { items: byHeatTime(removed ? others : [...others, recording]) };
  });
}
