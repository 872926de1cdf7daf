/** Organisers' announcements: the form and list for the manage page, the pinned view for chat. */
export { AnnouncementsSection } from './AnnouncementsSection';
export { PinnedAnnouncements } from './PinnedAnnouncements';
export { connectAnnouncementsRealtime } from './realtime';
