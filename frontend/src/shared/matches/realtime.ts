import type { QueryClient } from '@tanstack/react-query';
import type { SocketClient } from '../../lib/socket/SocketClient';
import { matchKeys, storeMatch } from './queries';

/** Match events from the socket → the match cache. Returns the unsubscribe. */
export function connectMatchRealtime(socket: SocketClient, client: QueryClient): () => void {
  const unsubscribers = [
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
