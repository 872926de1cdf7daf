import { api, PAGE_SIZE_MAX, type Match, type MatchStatus } from '@spotlight/contracts';
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { setParticipantMatch } from '../events';

export interface MatchFilters {
  status?: MatchStatus;
  eventId?: number;
}

export const matchKeys = {
  all: ['matches'] as const,
  lists: () => ['matches', 'list'] as const,
  list: (filters: MatchFilters) => ['matches', 'list', filters] as const,
  detail: (id: number) => ['matches', 'detail', id] as const,
};

export const matchQuery = (id: number) =>
  queryOptions({
    queryKey: matchKeys.detail(id),
    queryFn: ({ signal }) => apiCall(api.matches.get, { params: { id } }, { signal }),
  });

/** The first 50 matches for a filter; a dancer rarely has more at one event or status. */
export const matchListQuery = (filters: MatchFilters) =>
  queryOptions({
    queryKey: matchKeys.list(filters),
    queryFn: ({ signal }) =>
      apiCall(
        api.matches.list,
        { query: { ...filters, page: 1, limit: PAGE_SIZE_MAX } },
        { signal },
      ),
  });

/** Every match of the user, newest first, a page at a time (History). */
export const matchHistoryQuery = () =>
  infiniteQueryOptions({
    queryKey: [...matchKeys.lists(), 'history'] as const,
    queryFn: ({ pageParam, signal }) =>
      apiCall(api.matches.list, { query: { page: pageParam, limit: 30 } }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.limit < last.total ? last.page + 1 : undefined),
  });

/** Pending requests this user received: the Navbar badge. */
export const selectReceivedRequests = (page: { items: Match[] }) =>
  page.items.filter((m) => m.role === 'target');

/**
 * A match changed (socket or mutation): store it, show it on the partner's row of the event's
 * dancers, and let every match list refetch.
 */
export function storeMatch(client: QueryClient, match: Match) {
  client.setQueryData(matchKeys.detail(match.id), match);
  setParticipantMatch(client, match.event.id, match.partner.id, {
    id: match.id,
    status: match.status,
    role: match.role,
  });
  void client.invalidateQueries({ queryKey: matchKeys.lists() });
}
