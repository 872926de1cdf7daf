import type { QueryClient } from '@tanstack/react-query';
import type { SocketClient } from '../../lib/socket/SocketClient';
import { matchKeys } from '../../shared/matches';
import { heatKeys, storeRecording } from './queries';

/** `recording_updated` from the socket → the event's recordings. Returns the unsubscribe. */
export function connectHeatsRealtime(socket: SocketClient, client: QueryClient): () => void {
  const unsubscribers = [
    socket.onServerEvent('recording_updated', ({ recording, removed }) => {
      storeRecording(client, recording, removed);
      if (recording.matchId !== null) {
        void client.invalidateQueries({ queryKey: matchKeys.lists() });
      }
    }),
    // Suggestions made while the socket was away: fetch the lists again once back.
    socket.on('status', (status) => {
      if (status === 'online') {
        void client.invalidateQueries({ queryKey: [...heatKeys.all, 'recordings'] });
      }
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
