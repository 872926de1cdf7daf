import type { NotificationCheck } from '@spotlight/contracts';

/**
 * Whether a client on `pathname`, visible and focused, already shows what a notification is
 * about: the match chat for messages and video offers, the event for announcements, any page
 * for match news (the toast shows it). Heat news is always pushed.
 */
export function showsScreen(check: NotificationCheck, pathname: string, focused: boolean) {
  if (!focused) return false;
  switch (check.type) {
    case 'private_message':
    case 'video_offer':
      return check.matchId !== undefined && pathname === `/matches/${check.matchId}`;
    case 'announcement':
      return check.eventId !== undefined && pathname.startsWith(`/events/${check.eventId}`);
    case 'match_request':
    case 'match_accepted':
      return true;
    default:
      return false;
  }
}

/** Visible and focused: what the user is looking at right now. */
export const isFocused = () => document.visibilityState === 'visible' && document.hasFocus();
