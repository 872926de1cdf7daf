import type { QueryClient } from '@tanstack/react-query';
import type { SocketClient } from '../../lib/socket/SocketClient';
import { notificationKeys } from './queries';
import { isFocused, showsScreen } from './screen';

/** Answers the server's "are you showing this?", and refreshes the centre and badges. */
export function connectNotificationsRealtime(socket: SocketClient, client: QueryClient) {
  const offs = [
    socket.answerNotificationChecks((check) =>
      showsScreen(check, window.location.pathname, isFocused()),
    ),
    socket.on('notification', () => {
      void client.invalidateQueries({ queryKey: notificationKeys.all });
    }),
  ];
  return () => offs.forEach((off) => off());
}
