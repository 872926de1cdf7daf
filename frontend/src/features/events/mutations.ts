import { api } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { storeEvent } from '../../shared/events';

/** Join (check in to) or leave an event. */
export function useEventMembership(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'join' | 'leave') =>
      apiCall(action === 'join' ? api.events.join : api.events.leave, { params: { id: eventId } }),
    onSuccess: ({ event }) => storeEvent(client, event),
  });
}
