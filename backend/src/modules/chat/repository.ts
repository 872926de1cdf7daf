import { and, asc, desc, eq, gt, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { MessageType } from '@spotlight/contracts';
import type { Executor } from '../../db/client';
import { eventParticipants, events, messages, users } from '../../db/schema';

export type MessageView = {
  message: typeof messages.$inferSelect;
  sender: { id: number; username: string; displayName: string | null; avatar: string | null };
};

const selectMessages = (db: Executor) =>
  db
    .select({ message: messages, sender: senderColumns })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.userId));

export interface HistoryCursor {
  before?: number;
  after?: number;
  limit: number;
}

/** A page of a room's messages, oldest first, and whether more lie beyond it. */
export async function roomHistory(
  db: Executor,
  roomId: number,
  { before, after, limit }: HistoryCursor,
  hiddenSenders: number[] = [],
): Promise<{ items: MessageView[]; hasMore: boolean }> {
  const conditions: SQL[] = [eq(messages.roomId, roomId)];
  if (hiddenSenders.length > 0) conditions.push(notInArray(messages.userId, hiddenSenders));
  if (after !== undefined) {
    conditions.push(gt(messages.id, after));
    const rows = await selectMessages(db)
      .where(and(...conditions))
      .orderBy(asc(messages.id))
      .limit(limit + 1);
    return { items: rows.slice(0, limit), hasMore: rows.length > limit };
  }
  if (before !== undefined) conditions.push(lt(messages.id, before));
  const rows = await selectMessages(db)
    .where(and(...conditions))
    .orderBy(desc(messages.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
}

export interface NewMessage {
  roomId: number;
  userId: number;
  content: string;
  type: MessageType;
  clientId?: string;
}

/**
 * Stores a message once per (sender, clientId). A retry returns the row stored the first time,
 * with `created: false`.
 */
export async function insertMessageOnce(
  db: Executor,
  values: NewMessage,
): Promise<{ message: typeof messages.$inferSelect; created: boolean }> {
  const [created] = await db
    .insert(messages)
    .values({ ...values, clientId: values.clientId ?? null })
    .onConflictDoNothing({ target: [messages.userId, messages.clientId] })
    .returning();
  if (created) return { message: created, created: true };
  const [existing] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.userId, values.userId), eq(messages.clientId, values.clientId!)))
    .limit(1);
  if (!existing) throw new Error('Message conflict without an existing row');
  return { message: existing, created: false };
}

const senderColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  avatar: users.avatar,
};

/** The message a sender stored under `clientId`, joined in; never a match without one. */
const storedUnder = (clientId: string | undefined) =>
  clientId ? and(eq(messages.userId, users.id), eq(messages.clientId, clientId)) : sql`false`;

export interface Sender {
  sender: MessageView['sender'];
  /** What this sender already stored under the clientId: a retry. */
  stored: typeof messages.$inferSelect | null;
}

/**
 * The sender as messages show them, if they take part in the event, and the message they
 * already stored under `clientId`: the checks before a send, in one query.
 */
export const eventSender = async (
  db: Executor,
  eventId: number,
  userId: number,
  clientId: string | undefined,
): Promise<(Sender & { mutedUntil: Date | null; mustVerifyEmail: boolean }) | undefined> =>
  (
    await db
      .select({
        sender: senderColumns,
        stored: messages,
        mutedUntil: users.mutedUntil,
        // The event asks for verified addresses, and this sender's is not.
        mustVerifyEmail: sql<boolean>`(${events.requireVerifiedEmail} and ${users.emailVerifiedAt} is null)`,
      })
      .from(eventParticipants)
      .innerJoin(users, eq(users.id, eventParticipants.userId))
      .innerJoin(events, eq(events.id, eventParticipants.eventId))
      .leftJoin(messages, storedUnder(clientId))
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.userId, userId)))
      .limit(1)
  )[0];

/** The sender, and the message they already stored under `clientId`, in one query. */
export const findSender = async (
  db: Executor,
  userId: number,
  clientId: string | undefined,
): Promise<Sender | undefined> =>
  (
    await db
      .select({ sender: senderColumns, stored: messages })
      .from(users)
      .leftJoin(messages, storedUnder(clientId))
      .where(eq(users.id, userId))
      .limit(1)
  )[0];

export const findMessageView = async (db: Executor, id: number) =>
  (await selectMessages(db).where(eq(messages.id, id)).limit(1))[0];
