import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';

/** Rows of a raw query, the same on node-postgres and PGlite. */
export async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const count = async (db: Database, query: SQL) => (await rows<{ n: number }>(db, query))[0]?.n ?? 0;

/**
 * Consistency the database must keep whatever the requests were: the numbers of rows that
 * break each rule (all must be zero).
 */
export async function invariantViolations(db: Database) {
  return {
    participantsCountDrift: await count(
      db,
      sql`select count(*)::int as n from events e where e.participants_count <> (select count(*) from event_participants p where p.event_id = e.id)`,
    ),
    selfMatches: await count(
      db,
      sql`select count(*)::int as n from matches where user1_id = user2_id`,
    ),
    duplicatePairs: await count(
      db,
      sql`select count(*)::int as n from (select 1 from matches group by least(user1_id, user2_id), greatest(user1_id, user2_id), event_id having count(*) > 1) d`,
    ),
    invalidRatings: await count(
      db,
      sql`select count(*)::int as n from ratings r join matches m on m.id = r.match_id where r.rater_id = r.rated_id or m.status <> 'completed' or r.rater_id not in (m.user1_id, m.user2_id) or r.rated_id not in (m.user1_id, m.user2_id)`,
    ),
    duplicateClientIds: await count(
      db,
      sql`select count(*)::int as n from (select 1 from messages where client_id is not null group by user_id, client_id having count(*) > 1) d`,
    ),
    acceptedWithoutRoom: await count(
      db,
      sql`select count(*)::int as n from matches where status in ('accepted', 'completed') and room_id is null`,
    ),
  };
}

/** What invariantViolations answers for a consistent database. */
export const NO_VIOLATIONS: Awaited<ReturnType<typeof invariantViolations>> = {
  participantsCountDrift: 0,
  selfMatches: 0,
  duplicatePairs: 0,
  invalidRatings: 0,
  duplicateClientIds: 0,
  acceptedWithoutRoom: 0,
};
