import { api } from '@spotlight/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';

export const userKeys = {
  detail: (id: number) => ['users', id] as const,
};

export const publicUserQuery = (id: number) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => apiCall(api.users.get, { params: { id } }, { signal }),
  });
