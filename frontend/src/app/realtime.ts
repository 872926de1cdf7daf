import type { QueryClient } from '@tanstack/react-query';
import { connectAnnouncementsRealtime } from '../features/announcements';
import { connectChatRealtime } from '../features/chat';
import { connectNotificationsRealtime } from '../features/notifications';
import { connectHeatsRealtime } from '../features/heats';
import type { SocketClient } from '../lib/socket/SocketClient';
import { connectEventRealtime } from '../shared/events';
import { connectMatchRealtime } from '../shared/matches';

/**
 * Socket events → the query cache: the one place where live data lands. Components read the
 * cache; none of them listens to the socket for data. Each part owns its own keys.
 */
export function connectRealtime(socket: SocketClient, client: QueryClient): () => void {
  const unsubscribers = [
    connectChatRealtime(socket, client),
    connectMatchRealtime(socket, client),
    connectAnnouncementsRealtime(socket, client),
    connectNotificationsRealtime(socket, client),
    connectHeatsRealtime(socket, client),
    connectEventRealtime(socket, client),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
