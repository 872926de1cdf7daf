import { api } from '@spotlight/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

export const useNotifications = () =>
  useQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) => apiCall(api.notifications.list, { query: {} }, { signal }),
  });

/** Unread notifications and unread messages per match chat, for badges. */
export const useUnread = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => apiCall(api.notifications.unread, undefined, { signal }),
  });

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(api.notifications.markRead, { body: { all: true } }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
