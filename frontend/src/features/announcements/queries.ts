import { api, type Announcement, type AnnouncementList } from '@spotlight/contracts';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';

export const announcementKeys = {
  list: (eventId: number) => ['announcements', eventId] as const,
};

export const announcementsQuery = (eventId: number) =>
  queryOptions({
    queryKey: announcementKeys.list(eventId),
    queryFn: ({ signal }) =>
      apiCall(api.announcements.list, { params: { id: eventId } }, { signal }),
  });

/**
 * One announcement posted (added once, newest first) or withdrawn (taken out), as the socket or
 * a mutation reports it. Pure, for the cache and the tests.
 */
export function applyAnnouncement(
  list: AnnouncementList,
  announcement: Announcement,
  removed: boolean,
): AnnouncementList {
  const others = list.items.filter((a) => a.id !== announcement.id);
  if (removed) return others.length === list.items.length ? list : { items: others };
  const items = [...others, announcement].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
  );
  return { items };
}

/** Updates a loaded list; an event nobody has loaded is fetched on first view instead. */
export function storeAnnouncement(
  client: QueryClient,
  announcement: Announcement,
  removed: boolean,
) {
  client.setQueryData<AnnouncementList>(announcementKeys.list(announcement.eventId), (list) =>
    list ? applyAnnouncement(list, announcement, removed) : list,
  );
}
