/**
 * Announcements: organisers and admins of an event tell its dancers, who read them live (the
 * socket layer hears `announcement.changed`) and when they open the event.
 */
import type { Announcement, AnnouncementList } from '@spotlight/contracts';
import { notFound, notParticipant, rateLimited } from '../../errors';
import type { AppContext } from '../../http/context';
import { consume } from '../../limits';
import type { EventsService } from '../events/service';
import type { RolesService } from '../roles/service';
import { toUserSummary } from '../users/presenter';
import * as repo from './repository';

export type AnnouncementsService = ReturnType<typeof createAnnouncementsService>;

const toAnnouncement = ({ announcement, author }: repo.AnnouncementView): Announcement => ({
  id: announcement.id,
  eventId: announcement.eventId,
  author: toUserSummary(author),
  content: announcement.content,
  createdAt: announcement.createdAt.toISOString(),
});

export function createAnnouncementsService(
  { db, bus, limits }: AppContext,
  deps: { events: EventsService; roles: RolesService },
) {
  const { events, roles } = deps;

  /** 404 for a missing event, then 403 unless the user runs it. */
  const assertManages = async (userId: number, eventId: number) => {
    await events.assertExists(eventId);
    await roles.assertCanManageEvent(userId, eventId);
  };

  const list = async (eventId: number): Promise<AnnouncementList> => ({
    items: (await repo.listAnnouncements(db, eventId)).map(toAnnouncement),
  });

  return {
    /** For the event's participants, organisers and admins. */
    async list(userId: number, eventId: number): Promise<AnnouncementList> {
      await events.assertExists(eventId);
      if (
        !(await events.isParticipant(eventId, userId)) &&
        !(await roles.canManageEvent(userId, eventId))
      ) {
        throw notParticipant('Join the event to read its announcements');
      }
      return list(eventId);
    },

    async post(userId: number, eventId: number, content: string): Promise<Announcement> {
      await assertManages(userId, eventId);
      const wait = await consume(limits.announcementUser, String(userId));
      if (wait > 0) throw rateLimited(wait, 'Many announcements in a short time; wait a little');
      const id = await repo.insertAnnouncement(db, { eventId, authorId: userId, content });
      const announcement = toAnnouncement((await repo.findAnnouncement(db, id))!);
      bus.emit('announcement.changed', { eventId, announcement, removed: false });
      return announcement;
    },

    async remove(userId: number, eventId: number, id: number): Promise<AnnouncementList> {
      await assertManages(userId, eventId);
      const found = await repo.findAnnouncement(db, id);
      if (!found || !(await repo.removeAnnouncement(db, eventId, id))) {
        throw notFound('Announcement');
      }
      bus.emit('announcement.changed', {
        eventId,
        announcement: toAnnouncement(found),
        removed: true,
      });
      return list(eventId);
    },
  };
}
