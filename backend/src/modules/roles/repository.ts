import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { eventOrganisers, users } from '../../db/schema';

/** The two facts that make an admin: the flag, and the e-mail (for ADMIN_EMAILS). */
export const findAdminFacts = async (db: Executor, userId: number) =>
  (
    await db
      .select({ email: users.email, isAdmin: users.isAdmin })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1)
  )[0];

export const isOrganiser = async (db: Executor, eventId: number, userId: number) =>
  (
    await db
      .select({ userId: eventOrganisers.userId })
      .from(eventOrganisers)
      .where(and(eq(eventOrganisers.eventId, eventId), eq(eventOrganisers.userId, userId)))
      .limit(1)
  ).length > 0;

export const eventsOrganisedBy = async (db: Executor, userId: number) =>
  (
    await db
      .select({ eventId: eventOrganisers.eventId })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.userId, userId))
      .orderBy(asc(eventOrganisers.eventId))
  ).map((row) => row.eventId);

const granter = alias(users, 'granter');

export const listOrganisers = (db: Executor, eventId: number) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      avatar: users.avatar,
      since: eventOrganisers.createdAt,
      granterId: granter.id,
      granterUsername: granter.username,
      granterDisplayName: granter.displayName,
      granterAvatar: granter.avatar,
    })
    .from(eventOrganisers)
    .innerJoin(users, eq(users.id, eventOrganisers.userId))
    .leftJoin(granter, eq(granter.id, eventOrganisers.grantedBy))
    .where(eq(eventOrganisers.eventId, eventId))
    .orderBy(asc(eventOrganisers.createdAt), asc(users.id));

export type OrganiserRow = Awaited<ReturnType<typeof listOrganisers>>[number];

/** Adds the organiser; false when they already were one. */
export const addOrganiser = async (
  db: Executor,
  eventId: number,
  userId: number,
  grantedBy: number | null,
) =>
  (
    await db
      .insert(eventOrganisers)
      .values({ eventId, userId, grantedBy })
      .onConflictDoNothing()
      .returning({ userId: eventOrganisers.userId })
  ).length > 0;

export const removeOrganiser = async (db: Executor, eventId: number, userId: number) =>
  (
    await db
      .delete(eventOrganisers)
      .where(and(eq(eventOrganisers.eventId, eventId), eq(eventOrganisers.userId, userId)))
      .returning({ userId: eventOrganisers.userId })
  ).length > 0;

export const countOrganisers = async (db: Executor, eventId: number) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.eventId, eventId))
  )[0]!.n;

/** Locks the event's organiser rows, so that two removals cannot leave it with none. */
export const lockOrganisers = (db: Executor, eventId: number) =>
  db.execute(sql`select 1 from event_organisers where event_id = ${eventId} for update`);

export const setAdminFlag = async (db: Executor, email: string, isAdmin: boolean) =>
  (
    await db
      .update(users)
      .set({ isAdmin })
      .where(eq(users.email, email.toLowerCase()))
      .returning({ id: users.id })
  ).length > 0;
