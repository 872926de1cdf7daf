import {
  api,
  PAGE_SIZE,
  type Event,
  type Participant,
  type ParticipantMatch,
} from '@spotlight/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import type { SocketClient } from '../../lib/socket/SocketClient';

export type EventWhen = 'upcoming' | 'past';

export interface EventFilters {
  q: string;
  when: EventWhen;
}

export const eventKeys = {
  all: ['events'] as const,
  lists: () => ['events', 'list'] as const,
  list: (filters: EventFilters) => ['events', 'list', filters] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  allParticipants: () => ['events', 'participants'] as const,
  participants: (id: number) => ['events', 'participants', id] as const,
};

export const eventListQuery = (filters: EventFilters) =>
  infiniteQueryOptions({
    queryKey: eventKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiCall(
        api.events.list,
        {
          query: {
            q: filters.q || undefined,
            when: filters.when,
            page: pageParam,
            limit: PAGE_SIZE,
          },
        },
        { signal },
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.limit < last.total ? last.page + 1 : undefined),
  });

/**
 * An event's participants, newest first, a page at a time (for participants, organisers and
 * admins). Polled while shown: "online" follows the chat's presence, which no socket event
 * brings to a page outside the chat.
 */
export const participantsQuery = (id: number) =>
  infiniteQueryOptions({
    queryKey: eventKeys.participants(id),
    queryFn: ({ pageParam, signal }) =>
      apiCall(
        api.events.participants,
        { params: { id }, query: { page: pageParam, limit: PAGE_SIZE } },
        { signal },
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.limit < last.total ? last.page + 1 : undefined),
    refetchInterval: 30_000,
  });

export const eventQuery = (id: number) =>
  queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => apiCall(api.events.get, { params: { id } }, { signal }),
  });

/**
 * Someone joined or left (the socket's participants_count): the event and every list that
 * shows it get the new count, without a refetch.
 */
export function setParticipantsCount(client: QueryClient, eventId: number, count: number) {
  const withCount = (event: Event) =>
    event.id === eventId ? { ...event, participantsCount: count } : event;
  client.setQueryData<Event>(eventKeys.detail(eventId), (event) => event && withCount(event));
  client.setQueriesData<InfiniteData<{ items: Event[] }>>(
    { queryKey: eventKeys.lists() },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({ ...page, items: page.items.map(withCount) })),
      },
  );
}

/**
 * The viewer's match with one dancer changed (asked, accepted, …): their row in the event's
 * list shows it at once, on whichever page it is; an event not in the cache stays out of it.
 */
export function setParticipantMatch(
  client: QueryClient,
  eventId: number,
  dancerId: number,
  match: ParticipantMatch,
) {
  const withMatch = (dancer: Participant) =>
    dancer.id === dancerId ? { ...dancer, match } : dancer;
  client.setQueryData<InfiniteData<{ items: Participant[] }>>(
    eventKeys.participants(eventId),
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({ ...page, items: page.items.map(withMatch) })),
      },
  );
}

/** Live event data from the socket → the cache. Returns the unsubscribe. */
export function connectEventRealtime(socket: SocketClient, client: QueryClient): () => void {
  const unsubscribers = [
    socket.on('participantsCount', ({ eventId, participantsCount }) => {
      setParticipantsCount(client, eventId, participantsCount);
      // Someone joined or left: the list of dancers has a row more or less.
      void client.invalidateQueries({ queryKey: eventKeys.participants(eventId) });
    }),
    // After a gap, presence and matches may have moved: refresh the lists once connected again.
    socket.on('status', (status) => {
      if (status === 'online') {
        void client.invalidateQueries({ queryKey: eventKeys.allParticipants() });
      }
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

/** An event changed (joined, left, checked in, edited): store it and let the lists refetch. */
export function storeEvent(client: QueryClient, event: Event) {
  client.setQueryData(eventKeys.detail(event.id), event);
  void client.invalidateQueries({ queryKey: eventKeys.lists() });
  void client.invalidateQueries({ queryKey: eventKeys.participants(event.id) });
}
