/** One-time tokens mailed to an account: e-mail verification, password reset, e-mail change. */
import { check, index, integer, pgTable, serial, timestamp, varchar } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, type OneOf } from './columns';
import { users } from './people';

export const ACCOUNT_TOKEN_KINDS = ['verify_email', 'password_reset', 'email_change'] as const;

/**
 * Only the SHA-256 of a token is kept: whoever reads the database (or a backup) cannot use a
 * link that is still valid. A token is used once (`used_at`) and expires.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 20 }).notNull().$type<OneOf<typeof ACCOUNT_TOKEN_KINDS>>(),
    /** Hex SHA-256 of the random token in the link. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    /**
     * The address the mail went to: verifying it verifies this address, not a newer one. For
     * `email_change` it is the new address, which the account takes when the link is opened.
     */
    email: varchar('email', { length: 255 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_account_tokens_user_id').on(t.userId),
    check('account_tokens_kind', oneOf('kind', ACCOUNT_TOKEN_KINDS)),
  ],
);
