import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { moderationActions, reports, users } from '../../db/schema';

const reporter = alias(users, 'reporter');
const reported = alias(users, 'reported');
const actor = alias(users, 'actor');
const target = alias(users, 'target');
type UserAlias = typeof reporter | typeof reported | typeof actor | typeof target;
const summary = (table: UserAlias) => ({
  id: table.id,
  username: table.username,
  displayName: table.displayName,
  avatar: table.avatar,
});

const selectQueued = (db: Executor) =>
  db
    .select({ report: reports, reporter: summary(reporter), reported: summary(reported) })
    .from(reports)
    .innerJoin(reporter, eq(reporter.id, reports.reporterId))
    .innerJoin(reported, eq(reported.id, reports.reportedId));

export type QueuedView = Awaited<ReturnType<ReturnType<typeof selectQueued>['execute']>>[number];

export interface QueueFilter {
  status?: (typeof reports.$inferSelect)['status'];
  eventId?: number;
  /** Only reports from these events (an organiser's); undefined: every report (an admin). */
  withinEvents?: number[];
}

export function listQueue(db: Executor, filter: QueueFilter, limit: number) {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(reports.status, filter.status));
  if (filter.eventId !== undefined) conditions.push(eq(reports.eventId, filter.eventId));
  if (filter.withinEvents) {
    if (filter.withinEvents.length === 0) return Promise.resolve([]);
    conditions.push(inArray(reports.eventId, filter.withinEvents));
  }
  return selectQueued(db)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit);
}

export const findQueued = async (db: Executor, id: number) =>
  (await selectQueued(db).where(eq(reports.id, id)).limit(1))[0];

/** Closes a report that is still open (or under review); false when it was closed already. */
export const closeReport = async (
  db: Executor,
  id: number,
  values: Pick<typeof reports.$inferInsert, 'status' | 'action' | 'resolvedBy' | 'resolutionNote'>,
) =>
  (
    await db
      .update(reports)
      .set({ ...values, resolvedAt: sql`now()` })
      .where(and(eq(reports.id, id), inArray(reports.status, ['open', 'reviewing'])))
      .returning({ id: reports.id })
  ).length > 0;

export const recordAction = (db: Executor, values: typeof moderationActions.$inferInsert) =>
  db.insert(moderationActions).values(values);

export const listAudit = (db: Executor, limit: number) =>
  db
    .select({ entry: moderationActions, actor: summary(actor), target: summary(target) })
    .from(moderationActions)
    .innerJoin(actor, eq(actor.id, moderationActions.actorId))
    .innerJoin(target, eq(target.id, moderationActions.targetId))
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(limit);
