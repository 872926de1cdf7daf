/**
 * With DATABASE_URL set, the run gets a fresh template database with the migrations applied;
 * each test file then clones it into a database of its own, and everything is dropped at the
 * end. Without DATABASE_URL, each file uses an in-memory PGlite and nothing is needed here.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

export const RUN_PREFIX_ENV = 'SPOTLIGHT_TEST_RUN';

export function databaseUrl(base: string, name: string) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide('templateDatabase', null);
    return;
  }
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
  };
}
