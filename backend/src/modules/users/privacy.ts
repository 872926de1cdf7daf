/**
 * The dancer's own data (GDPR): "Download my data" exports every row of every table that
 * names them, and "Delete my account" erases what is personal, keeping the row (as "Deleted
 * dancer") so that their messages, matches and ratings still read for the other people.
 *
 * Which tables name a user comes from the schema's foreign keys to `users`, so a table added
 * later is exported without a change here.
 */
import type { DeleteMeBody, MyData } from '@spotlight/contracts';
import bcrypt from 'bcrypt';
import { randomBytes } from 'node:crypto';
import { eq, or, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema';
import type { Executor } from '../../db/client';
import { AppError, notFound, rateLimited } from '../../errors';
import type { AppContext } from '../../http/context';
import { admitAttempt, clearAttempts } from '../../limits';
import type { AuthService } from '../auth/service';
import type { UsersService } from './service';

/** Shown where a deleted account's messages, matches and ratings still appear. */
export const DELETED_NAME = 'Deleted dancer';

/** Secrets never leave the server, not even to their owner. */
const SECRET_COLUMN = /hash|token/i;

interface UserTable {
  name: string;
  table: PgTable;
  /** The columns that point at `users.id` (a match has two, a block has two). */
  userColumns: PgColumn[];
}

const userTables: UserTable[] = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable && value !== schema.users)
  .map((table) => {
    const config = getTableConfig(table);
    const userColumns = config.foreignKeys.flatMap((fk) => {
      const ref = fk.reference();
      return getTableConfig(ref.foreignTable).name === 'users' ? ref.columns : [];
    });
    return { name: config.name, table, userColumns };
  })
  .filter((entry) => entry.userColumns.length > 0)
  .sort((a, b) => a.name.localeCompare(b.name));

/** Rows only about this person: deleted with the account. The others stay, anonymised. */
const PERSONAL = new Set<PgTable>([
  schema.accountTokens,
  schema.dancerEntries,
  schema.dancerHeats,
  schema.eventOrganisers,
  schema.eventParticipants,
  schema.matchReads,
  schema.notificationEventPauses,
  schema.notificationMutes,
  schema.notifications,
  schema.pushSubscriptions,
  schema.sessions,
  schema.userBlocks,
]);

const naming = (entry: UserTable, userId: number): SQL =>
  or(...entry.userColumns.map((column) => eq(column, userId)))!;

const withoutSecrets = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET_COLUMN.test(key)));

export type PrivacyService = ReturnType<typeof createPrivacyService>;

export function createPrivacyService(
  { db, config, limits }: AppContext,
  deps: { users: UsersService; auth: AuthService },
) {
  async function exportData(userId: number): Promise<MyData> {
    const [account] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
    if (!account) throw notFound('User');
    const tables: MyData['tables'] = {};
    for (const entry of userTables) {
      const rows = await db.select().from(entry.table).where(naming(entry, userId));
      if (rows.length) tables[entry.name] = rows.map(withoutSecrets);
    }
    return { exportedAt: new Date().toISOString(), account: withoutSecrets(account), tables };
  }

  /** Erases the account in one transaction; the caller then closes its sessions and sockets. */
  async function erase(tx: Executor, userId: number) {
    // A hash of random bytes: no password matches it, and bcrypt still reads it as a hash.
    const passwordHash = await bcrypt.hash(randomBytes(32).toString('hex'), config.BCRYPT_COST);
    await tx
      .update(schema.users)
      .set({
        username: `deleted_${userId}`,
        email: `deleted-${userId}@deleted.invalid`,
        passwordHash,
        displayName: DELETED_NAME,
        wsdcId: null,
        danceRole: null,
        division: null,
        leaderDivision: null,
        followerDivision: null,
        city: null,
        country: null,
        language: null,
        instagram: null,
        youtube: null,
        tiktok: null,
        facebook: null,
        emailVerifiedAt: null,
        isAdmin: false,
        deletedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(schema.users.id, userId));
    for (const entry of userTables) {
      if (PERSONAL.has(entry.table)) await tx.delete(entry.table).where(naming(entry, userId));
    }
    // Suggestions nobody accepted yet go; accepted recordings stay with their match.
    await tx
      .delete(schema.recordings)
      .where(
        sql`(${schema.recordings.dancerId} = ${userId} or ${schema.recordings.recorderId} = ${userId}) and ${schema.recordings.status} = 'suggested'`,
      );
  }

  return {
    exportData,

    async deleteAccount(userId: number, { password }: DeleteMeBody) {
      const [account] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
      if (!account) throw notFound('User');
      // The password is asked again: a phone left unlocked must not lose its owner's account.
      const key = `delete:${userId}`;
      const wait = await admitAttempt(limits, key, {
        free: config.LOGIN_MAX_FAILURES,
        baseSeconds: config.LOGIN_BACKOFF_SECONDS,
        maxSeconds: config.LOGIN_WINDOW_MINUTES * 60,
      });
      if (wait > 0) throw rateLimited(wait, 'Too many wrong passwords; wait and try again');
      if (!(await bcrypt.compare(password, account.passwordHash))) {
        throw new AppError('password_incorrect', 'That is not your password');
      }
      await clearAttempts(limits, key);
      // The photo's files go first (while the row still names them).
      await deps.users.deleteAvatar(userId);
      // Sessions are revoked (closing every socket) before their rows are erased.
      await deps.auth.revokeAllSessionsOf(userId);
      await db.transaction((tx) => erase(tx, userId));
      return { ok: true as const };
    },
  };
}
