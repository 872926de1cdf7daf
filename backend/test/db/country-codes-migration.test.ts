/**
 * Migration 0013 turns the free-text country of existing profiles into ISO codes. It runs on a
 * PGlite migrated up to 0012, with rows as the old schema allowed them, then the rest.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/client';

/** The committed migrations, cut after the one tagged `last`. */
function migrationsUpTo(last: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'spotlight-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((entry) => entry.tag === last);
  journal.entries = journal.entries.slice(0, end + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('migration 0013_country_codes', () => {
  it('maps codes and English names to codes, case-insensitive, and the rest to NULL', async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsUpTo('0012_social_links') });
    const before: [string, string | null][] = [
      ['poland', 'Poland'],
      ['usa', 'USA'],
      ['uk', '  united kingdom '],
      ['code', 'de'],
      ['accent', 'Cote d’Ivoire'],
      ['holland', 'Holland'],
      ['unknown', 'Atlantis'],
      ['town', 'Warsaw, Poland'],
      ['none', null],
    ];
    for (const [name, country] of before) {
      await client.query(
        `insert into users (username, email, password_hash, country) values ($1, $2, 'x', $3)`,
        [name, `${name}@example.test`, country],
      );
    }

    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });

    const { rows } = await client.query<{ username: string; country: string | null }>(
      'select username, country from users order by id',
    );
    expect(Object.fromEntries(rows.map((row) => [row.username, row.country]))).toEqual({
      poland: 'PL',
      usa: 'US',
      uk: 'GB',
      code: 'DE',
      accent: 'CI',
      holland: 'NL',
      unknown: null,
      town: null,
      none: null,
    });
    await expect(client.query(`update users set country = 'XX'`)).rejects.toThrow(/users_country/);
    await client.close();
  });
});
