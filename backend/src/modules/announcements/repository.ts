import { PAGE_SIZE_MAX } from '@spotlight/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { announcements, users } from '../../db/schema';

const selectAnnouncements = (db: Executor) =>
  db
    .select({
      announcement: announcements,
      author: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        avatar: users.avatar,
      },
    })
    .from(announcements)
    .innerJoin(users, eq(users.id, announcements.authorId));

export type AnnouncementView = Awaited<
  ReturnType<ReturnType<typeof selectAnnouncements>['execute']>
>[number];

/** The event's announcements still standing, newest first (an event has a handful). */
export const listAnnouncements = (db: Executor, eventId: number, limit = PAGE_SIZE_MAX) =>
  selectAnnouncements(db)
    .where(and(eq(announcements.eventId, eventId), isNull(announcements.removedAt)))
    .orderBy(desc(announcements.createdAt), desc(announcements.id))
    .limit(limit);

export const findAnnouncement = async (db: Executor, id: number) =>
  (await selectAnnouncements(db).where(eq(announcements.id, id)).limit(1))[0];

export const insertAnnouncement = async (
  db: Executor,
  values: { eventId: number; authorId: number; content: string },
) => (await db.insert(announcements).values(values).returning({ id: announcements.id }))[0]!.id;

/** Withdraws a standing announcement of the event; false when there is none with that id. */
export const removeAnnouncement = async (db: Executor, eventId: number, id: number) =>
  (
    await db
      .update(announcements)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(announcements.id, id),
          eq(announcements.eventId, eventId),
          isNull(announcements.removedAt),
        ),
      )
      .returning({ id: announcements.id })
  ).length > 0;
