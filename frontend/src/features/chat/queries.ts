import { HISTORY_PAGE_SIZE, type UserSummary } from '@spotlight/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { ROOM_KINDS, type HistoryPage } from '../../lib/socket/room-kinds';
import type { ChatMessage, RoomRef } from '../../lib/socket/types';

/** Pages newest first; each page's items oldest first. The cursor is `before`. */
export type RoomHistory = InfiniteData<HistoryPage, number | undefined>;

export const chatKeys = {
  room: (room: RoomRef) => ['chat', room.kind, room.id, 'messages'] as const,
  activeUsers: (eventId: number) => ['chat', 'event', eventId, 'active'] as const,
};

/** One page of a room's history, older than `before` (the newest page without it). */
export async function fetchHistoryPage(
  room: RoomRef,
  before: number | undefined,
  signal?: AbortSignal,
): Promise<HistoryPage> {
  const query = { before, limit: HISTORY_PAGE_SIZE };
  return ROOM_KINDS[room.kind].history(apiCall, room.id, query, signal);
}

export const oldestId = (page: HistoryPage) => page.items[0]?.id;

/** The newest message id in a room's cache: where a (re)join picks up. */
export function newestCachedId(client: QueryClient, room: RoomRef): number {
  const data = client.getQueryData<RoomHistory>(chatKeys.room(room));
  let max = 0;
  for (const page of data?.pages ?? []) {
    for (const message of page.items) if (message.id > max) max = message.id;
  }
  return max;
}

/**
 * Adds messages to a room's cache, once each (by id), in id order. New messages always belong
 * to the newest page. Rooms nobody has loaded are left alone: their first load fetches them.
 */
export function mergeRoomMessages(client: QueryClient, room: RoomRef, messages: ChatMessage[]) {
  client.setQueryData<RoomHistory>(chatKeys.room(room), (data) => {
    if (!data || data.pages.length === 0) return data;
    const known = new Set<number>();
    for (const page of data.pages) for (const m of page.items) known.add(m.id);
    const fresh = messages.filter((m) => !known.has(m.id) && (known.add(m.id), true));
    if (fresh.length === 0) return data;
    const [newest, ...older] = data.pages;
    const items = [...newest!.items, ...fresh].sort((a, b) => a.id - b.id);
    return { ...data, pages: [{ ...newest!, items }, ...older] };
  });
}

/**
 * The dancers "Here now" lists and counts: everyone in the room but the viewer, each once
 * (one dancer on two phones is one dancer). The count and the list both come from this.
 */
export function othersHere(users: UserSummary[] | undefined, meId: number) {
  if (!users) return undefined;
  const seen = new Set<number>([meId]);
  return users.filter((user) => !seen.has(user.id) && (seen.add(user.id), true));
}

export function setActiveUsers(client: QueryClient, eventId: number, users: UserSummary[]) {
  client.setQueryData(chatKeys.activeUsers(eventId), users);
}
