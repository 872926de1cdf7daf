import { api } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { announcementKeys, storeAnnouncement } from './queries';

export function usePostAnnouncement(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (content: string) =>
      apiCall(api.announcements.post, { params: { id: eventId }, body: { content } }),
    onSuccess: (announcement) => storeAnnouncement(client, announcement, false),
  });
}

export function useRemoveAnnouncement(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (announcementId: number) =>
      apiCall(api.announcements.remove, { params: { id: eventId, announcementId } }),
    onSuccess: (list) => client.setQueryData(announcementKeys.list(eventId), list),
  });
}
