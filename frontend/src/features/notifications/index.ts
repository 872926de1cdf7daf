/** Notifications: the centre page, turning push on, unread counts, and the socket bridge. */
export { NotificationsPage } from './NotificationsPage';
export { PushPrompt } from './PushPrompt';
export { connectNotificationsRealtime } from './realtime';
export { useUnread } from './queries';
export { ServiceWorkerNavigation } from './ServiceWorkerNavigation';
export { MatchReadTracker } from './MatchReadTracker';
