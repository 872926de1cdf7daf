import { api, type UpdateMatchBody } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { storeMatch } from './queries';

/** Ask another dancer at the event to be the recording partner. */
export function useRequestPartner(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targetUserId: number) =>
      apiCall(api.matches.create, { body: { targetUserId, eventId } }),
    onSuccess: (match) => storeMatch(client, match),
  });
}

/** Accept, decline, withdraw, cancel or complete a match. */
export function useMatchTransition(matchId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: UpdateMatchBody['status']) =>
      apiCall(api.matches.update, { params: { id: matchId }, body: { status } }),
    onSuccess: (match) => storeMatch(client, match),
  });
}
