/**
 * `npm run db:import -- <file.csv|file.json>`: loads an organiser's event calendar. Every row
 * is checked first; if any is invalid, the problems are listed and nothing is written.
 * Otherwise the events are inserted, or updated when they exist (same worldsdcId, or same name
 * and start date), in one transaction.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EventImportRow } from '@spotlight/contracts';
import type { Executor } from '../db/client';
import { toNewEvent, upsertEvents } from '../modules/events/repository';
import { configOrExit, describeDatabase, runIfMain, openConfiguredDatabase } from './database';
import { formatOf, parseEventFile } from '../modules/events/event-file';
import { HEATS_USAGE, importHeats } from './import-heats';

/**
 * The file a user named. npm runs the script from backend/, and says in INIT_CWD where the
 * user was when they typed the command.
 */
export const resolveInput = (file: string, env: NodeJS.ProcessEnv = process.env) =>
  path.resolve(env.INIT_CWD || process.cwd(), file);

/** Upserts valid rows in one transaction; returns how many were inserted and updated. */
export async function importEventRows(db: Executor, rows: EventImportRow[]) {
  const { inserted, updated } = await db.transaction((tx) =>
    upsertEvents(tx, rows.map(toNewEvent)),
  );
  return { inserted, updated };
}

async function main(args: string[]): Promise<number> {
  if (args[0] === '--heats') return importHeats(args.slice(1), (file) => resolveInput(file));
  const [arg] = args;
  if (!arg || args.length > 1 || arg === '--help') {
    console.error('Usage: npm run db:import -- <events.csv|events.json>');
    console.error('CSV header: name,location,startDate,endDate,worldsdcId,description');
    console.error(HEATS_USAGE);
    return 2;
  }
  const file = resolveInput(arg);
  const format = formatOf(file);
  if (!format) {
    console.error(`${file}: give a .csv or a .json file`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`);
    return 1;
  }
  const result = parseEventFile(text, format);
  if (!result.ok) {
    console.error(`${file}: ${result.problems.length} problem(s); nothing was imported.`);
    for (const problem of result.problems) {
      console.error(`  ${problem.where}: ${problem.reasons.join('; ')}`);
    }
    return 1;
  }
  const config = configOrExit();
  const database = await openConfiguredDatabase(config);
  try {
    const { inserted, updated } = await importEventRows(database.db, result.rows);
    console.log(
      `Imported ${result.rows.length} event(s) from ${file} into ${describeDatabase(config)}: ${inserted} inserted, ${updated} updated.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

runIfMain(import.meta.url, () => main(process.argv.slice(2)));
