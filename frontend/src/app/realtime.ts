import type { QueryClient } from '@tanstack/react-query';
import { mergeRoomMessages, setActiveUsers } from '../features/chat/queries';
import { matchKeys, storeMatch } from '../features/matches/queries';
import type { SocketClient } from '../lib/socket/SocketClient';

/**
 * Socket events → the query cache: the one place where live data lands. Components read the
 * cache; none of them listens to the socket for data.
 */
export function connectRealtime(socket: SocketClient, client: QueryClient): () => void {
  const unsubscribers = [
    socket.on('messages', ({ room, messages }) => mergeRoomMessages(client, room, messages)),
    socket.on('activeUsers', ({ eventId, users }) => setActiveUsers(client, eventId, users)),
    socket.on('joined', (joined) => {
      if (joined.kind === 'match') {
        client.setQueryData(matchKeys.detail(joined.id), joined.result.match);
      }
    }),
    socket.on('matchRequestReceived', ({ match }) => storeMatch(client, match)),
    socket.on('matchAccepted', ({ match }) => storeMatch(client, match)),
    socket.on('matchUpdated', ({ match }) => storeMatch(client, match)),
    // After a gap, lists may have missed match events: refresh them once connected again.
    socket.on('status', (status) => {
      if (status === 'online') void client.invalidateQueries({ queryKey: matchKeys.lists() });
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
