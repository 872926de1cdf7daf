import { api, PAGE_SIZE, type Event } from '@spotlight/contracts';
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

/** The first page of an event's participants, newest first (for participants only). */
export const participantsQuery = (id: number) =>
  queryOptions({
    queryKey: eventKeys.participants(id),
    queryFn: ({ signal }) =>
      apiCall(api.events.participants, { params: { id }, query: { limit: PAGE_SIZE } }, { signal }),
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

/** Live event data from the socket → the cache. Returns the unsubscribe. */
export function connectEventRealtime(socket: SocketClient, client: QueryClient): () => void {
  return socket.on('participantsCount', ({ eventId, participantsCount }) =>
    setParticipantsCount(client, eventId, participantsCount),
  );
}

/** An event changed (joined, left, checked in, edited): store it and let the lists refetch. */
export function storeEvent(client: QueryClient, event: Event) {
  client.setQueryData(eventKeys.detail(event.id), event);
  void client.invalidateQueries({ queryKey: eventKeys.lists() });
  void client.invalidateQueries({ queryKey: eventKeys.participants(event.id) });
}
