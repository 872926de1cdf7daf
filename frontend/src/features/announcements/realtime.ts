import type { QueryClient } from '@tanstack/react-query';
import type { SocketClient } from '../../lib/socket/SocketClient';
import { storeAnnouncement } from './queries';

/** `announcement` from the event's room → that event's list. Returns the unsubscribe. */
export function connectAnnouncementsRealtime(socket: SocketClient, client: QueryClient) {
  return socket.onServerEvent('announcement', ({ announcement, removed }) =>
    storeAnnouncement(client, announcement, removed),
  );
}
