import { api } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { storeEvent } from '../../shared/events';

/** Checks the signed-in dancer in with the door's code (which joins them too). */
export function useCheckIn(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiCall(api.eventAdmin.checkIn, { params: { id: eventId }, body: { token } }),
    onSuccess: ({ event }) => storeEvent(client, event),
  });
}
