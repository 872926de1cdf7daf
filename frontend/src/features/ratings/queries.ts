import { api } from '@spotlight/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';

export const ratingKeys = {
  all: ['ratings'] as const,
  stats: (userId: number) => ['ratings', 'stats', userId] as const,
  received: (userId: number) => ['ratings', 'received', userId] as const,
};

export const ratingStatsQuery = (userId: number) =>
  queryOptions({
    queryKey: ratingKeys.stats(userId),
    queryFn: ({ signal }) => apiCall(api.ratings.stats, { params: { id: userId } }, { signal }),
  });

export const receivedRatingsQuery = (userId: number) =>
  queryOptions({
    queryKey: ratingKeys.received(userId),
    queryFn: ({ signal }) =>
      apiCall(api.ratings.byUser, { params: { id: userId }, query: { limit: 20 } }, { signal }),
  });
