import {
  api,
  type CreateEventBody,
  type ImportEventsBody,
  type OrganiserList,
  type UpdateEventBody,
} from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { eventKeys, storeEvent } from '../../shared/events';
import { authKeys } from '../../shared/session';
import { organiserKeys } from './queries';

export function useUpdateEvent(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEventBody) =>
      apiCall(api.eventAdmin.update, { params: { id: eventId }, body }),
    onSuccess: (event) => storeEvent(client, event),
  });
}

/** Creating or importing events makes the user their organiser: `Me.organiserOf` changes. */
function useAfterNewEvents() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: authKeys.me });
    void client.invalidateQueries({ queryKey: eventKeys.all });
  };
}

export function useCreateEvent() {
  const refresh = useAfterNewEvents();
  return useMutation({
    mutationFn: (body: CreateEventBody) => apiCall(api.eventAdmin.create, { body }),
    onSuccess: refresh,
  });
}

export function useImportEvents() {
  const refresh = useAfterNewEvents();
  return useMutation({
    mutationFn: (body: ImportEventsBody) => apiCall(api.eventAdmin.import, { body }),
    onSuccess: refresh,
  });
}

/** The new list of organisers replaces the old; `Me.organiserOf` may have changed too. */
function useStoreOrganisers(eventId: number) {
  const client = useQueryClient();
  return (list: OrganiserList) => {
    client.setQueryData(organiserKeys.organisers(eventId), list);
    void client.invalidateQueries({ queryKey: authKeys.me });
  };
}

export function useGrantOrganiser(eventId: number) {
  const store = useStoreOrganisers(eventId);
  return useMutation({
    mutationFn: (username: string) =>
      apiCall(api.organisers.grant, { params: { id: eventId }, body: { username } }),
    onSuccess: store,
  });
}

/** Removes an organiser; the server refuses the last one (`last_organiser`). */
export function useRevokeOrganiser(eventId: number) {
  const store = useStoreOrganisers(eventId);
  return useMutation({
    mutationFn: (userId: number) =>
      apiCall(api.organisers.revoke, { params: { id: eventId, userId } }),
    onSuccess: store,
  });
}
