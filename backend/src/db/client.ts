/**
 * The database handle: PostgreSQL through a pool when DATABASE_URL is set, otherwise an
 * embedded PGlite (real PostgreSQL compiled to WASM) persisted in DATA_DIR. Both run the same
 * migrations and the same queries.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { checkDataDir, damagedDataDir, lockDataDir } from './data-dir';
import * as schema from './schema';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** Anything a repository can run a query on: the database or a transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Applies the committed migrations that have not run yet. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /**
   * Runs raw SQL for a library that brings its own queries (the job queue). With values it is
   * one statement; without, the text may hold several, and the last one's rows are returned.
   */
  sql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
  /** PGlite only: its data directory as a tarball, for `loadDataDir`. */
  dump?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; unset for embedded PGlite. */
  url?: string;
  /** PGlite data directory; `memory://` (or unset) keeps it in memory. */
  dataDir?: string;
  /** An in-memory PGlite starts from this dump (`dumpDataDir`) instead of a fresh initdb. */
  loadDataDir?: Blob;
  poolMax?: number;
}

// Keep DATE columns as 'YYYY-MM-DD' text: a JS Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

// Any number would do; it only has to be the same for every node running migrations.
const MIGRATION_LOCK_KEY = 7_346_173_417;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url
    ? openPostgres(options.url, options.poolMax ?? 20)
    : openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolMax: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, idleTimeoutMillis: 30_000 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // Several nodes may start at once; one migrates while the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client, { schema }), {
          migrationsFolder: MIGRATIONS_DIR,
        });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async sql(text, values) {
      const result = await pool.query(text, values);
      // node-postgres answers a multi-statement text with one result per statement.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  let unlock = () => {};
  let client: PGlite;
  if (inMemory) {
    client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  } else {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    unlock = lockDataDir(dataDir);
    try {
      checkDataDir(dataDir);
      mkdirSync(dataDir, { recursive: true });
      client = await PGlite.create(dataDir).catch((error: unknown) => {
        throw damagedDataDir(dataDir, error);
      });
    } catch (error) {
      unlock();
      throw error;
    }
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      await client.query('select 1');
    },
    async sql(text, values) {
      // PGlite's extended protocol takes one statement; `exec` takes several, without values.
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    dump: () => client.dumpDataDir('none'),
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

interface PgErrorFields {
  code?: string;
  constraint?: string;
}

/** The PostgreSQL error code and constraint behind a (possibly wrapped) driver error. */
export function pgError(error: unknown): PgErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const fields = current as PgErrorFields & { cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) {
      return { code: fields.code, constraint: fields.constraint };
    }
    current = fields.cause;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown, constraint?: string) => {
  const fields = pgError(error);
  return fields?.code === '23505' && (!constraint || fields.constraint === constraint);
};
