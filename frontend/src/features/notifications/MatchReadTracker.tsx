import { api } from '@spotlight/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { apiCall } from '../../lib/api/client';
import { socketClient } from '../../shared/socket';
import { notificationKeys } from './queries';
import { isFocused } from './screen';

/**
 * While a match chat is on screen, its messages count as read: on opening it, and on each
 * message that arrives while it is visible. The unread badges follow.
 */
export function MatchReadTracker() {
  const { pathname } = useLocation();
  const client = useQueryClient();
  const matchId = Number(/^\/matches\/(\d+)$/.exec(pathname)?.[1] ?? 0);

  useEffect(() => {
    if (!matchId) return;
    const markRead = () => {
      if (!isFocused()) return;
      apiCall(api.notifications.matchRead, { params: { id: matchId }, body: {} }).then(
        () => client.invalidateQueries({ queryKey: notificationKeys.all }),
        () => undefined,
      );
    };
    markRead();
    const off = socketClient.on('messages', ({ room }) => {
      if (room.kind === 'match' && room.id === matchId) markRead();
    });
    window.addEventListener('focus', markRead);
    return () => {
      off();
      window.removeEventListener('focus', markRead);
    };
  }, [matchId, client]);
  return null;
}
