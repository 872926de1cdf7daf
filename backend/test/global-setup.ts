/**
 * With DATABASE_URL set, the run gets a fresh template database with the migrations applied;
 * each test file then clones it into a database of its own, and everything is dropped at the
 * end. Without DATABASE_URL, each file uses an in-memory PGlite started from a dump of one
 * migrated PGlite made here (an initdb costs seconds of CPU; loading the dump a fraction).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { COUNTS_FILE } from './fuzz/counts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
    /** Without DATABASE_URL: the file holding a migrated PGlite's data directory dump. */
    pgliteTemplate: string | null;
  }
}

export const RUN_PREFIX_ENV = 'SPOTLIGHT_TEST_RUN';

export function databaseUrl(base: string, name: string) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Prints how many generated cases each fuzz target ran, and the total. */
function printFuzzCounts() {
  if (!existsSync(COUNTS_FILE)) return;
  const lines = readFileSync(COUNTS_FILE, 'utf8').trim().split('\n').filter(Boolean);
  rmSync(COUNTS_FILE, { force: true });
  const totals = { http: 0, socket: 0 };
  for (const line of lines) {
    const [kind, , cases] = line.split('\t');
    totals[kind as 'http' | 'socket'] += Number(cases);
  }
  process.stdout.write(
    `\nFuzz cases: ${totals.http} REST (${lines.filter((l) => l.startsWith('http')).length} endpoints) + ${totals.socket} Socket.IO (${lines.filter((l) => l.startsWith('socket')).length} events) = ${totals.http + totals.socket}\n`,
  );
}

export default async function setup(project: TestProject) {
  rmSync(COUNTS_FILE, { force: true });
  const base = process.env.DATABASE_URL;
  if (!base) {
    const file = path.join(
      tmpdir(),
      `spotlight-pglite-${process.pid}-${randomBytes(3).toString('hex')}.tar`,
    );
    const handle = await openDatabase({});
    await handle.migrate();
    writeFileSync(file, Buffer.from(await (await handle.dump!()).arrayBuffer()));
    await handle.close();
    project.provide('templateDatabase', null);
    project.provide('pgliteTemplate', file);
    return () => {
      rmSync(file, { force: true });
      printFuzzCounts();
    };
  }
  project.provide('pgliteTemplate', null);
  const run = `spotlight_t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `${run}_tmpl`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const handle = await openDatabase({ url: databaseUrl(base, template), poolMax: 2 });
  await handle.migrate();
  await handle.close();
  project.provide('templateDatabase', template);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${run}%`],
    );
    for (const { datname } of rows) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.end();
    printFuzzCounts();
  };
}
