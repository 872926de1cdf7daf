import type { MessageType } from '@spotlight/contracts';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { socketClient } from '../../shared/socket';
import type { ChatMessage, OutboxEntry, RoomRef } from '../../lib/socket/types';
import { chatKeys, fetchHistoryPage, newestCachedId, oldestId } from './queries';

const subscribeOutbox = (callback: () => void) => socketClient.on('outbox', callback);
const getOutbox = () => socketClient.getOutbox();

/**
 * A room's chat: history from the cache (older pages on demand), membership of the socket
 * room while mounted, and this user's unsent messages shown after the rest.
 */
export function useRoomChat(kind: RoomRef['kind'], id: number, enabled = true) {
  const client = useQueryClient();
  const room = useMemo<RoomRef>(() => ({ kind, id }), [kind, id]);
  const history = useInfiniteQuery({
    queryKey: chatKeys.room(room),
    queryFn: ({ pageParam, signal }) => fetchHistoryPage(room, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.hasMore ? oldestId(last) : undefined),
    // The socket keeps a loaded room current (live events and catch-up after a drop).
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    enabled,
  });

  const loaded = history.isSuccess;
  useEffect(() => {
    if (!loaded) return;
    // Join from the newest message we hold: the ack brings only what we missed.
    return socketClient.joinRoom(room, newestCachedId(client, room));
  }, [room, loaded, client]);

  const messages = useMemo<ChatMessage[]>(
    () => (history.data ? [...history.data.pages].reverse().flatMap((page) => page.items) : []),
    [history.data],
  );

  const outbox = useSyncExternalStore(subscribeOutbox, getOutbox);
  const pending = useMemo<OutboxEntry[]>(() => {
    const delivered = new Set(messages.map((m) => m.clientId).filter(Boolean));
    return outbox.filter(
      (e) => e.room.kind === kind && e.room.id === id && !delivered.has(e.clientId),
    );
  }, [outbox, messages, kind, id]);

  const send = useCallback(
    (content: string, type: MessageType = 'text') => socketClient.send(room, content, type),
    [room],
  );

  return {
    history,
    messages,
    pending,
    send,
    retry: (clientId: string) => socketClient.retry(clientId),
    discard: (clientId: string) => socketClient.discard(clientId),
  };
}
