import type { QueryClient } from '@tanstack/react-query';
import type { SocketClient } from '../../lib/socket/SocketClient';
import { mergeRoomMessages, setActiveUsers } from './queries';

/** Chat events from the socket → the rooms' caches. Returns the unsubscribe. */
export function connectChatRealtime(socket: SocketClient, client: QueryClient): () => void {
  const unsubscribers = [
    socket.on('messages', ({ room, messages }) => mergeRoomMessages(client, room, messages)),
    socket.on('activeUsers', ({ eventId, users }) => setActiveUsers(client, eventId, users)),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
