/** What every table file shares: typed value lists, their checks, and the created_at column. */
import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/** A column's type from the contract's list of values, which its check constraint also uses. */
export type OneOf<T extends readonly string[]> = T[number];

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `column IN ('a', 'b')` for a check constraint, from the contract's list of values. */
export const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
