/**
 * `npm run db:import -- --heats <eventId> <heats.csv|heats.json>`: loads an event's heat sheet
 * in one step, replacing the stored one, exactly as `PUT /api/events/:id/heats` does (CSV
 * header `division,type,round,heat,start`). Every problem is listed and nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { PutHeatsBody } from '@spotlight/contracts';
import { isAppError } from '../errors';
import { findEventDates } from '../modules/matching/repository';
import { replaceHeatSheet } from '../modules/matching/sheet-service';
import { configOrExit, describeDatabase, openConfiguredDatabase } from './database';

export const HEATS_USAGE = 'Usage: npm run db:import -- --heats <eventId> <heats.csv|heats.json>';

export async function importHeats(
  args: string[],
  resolve: (file: string) => string,
): Promise<number> {
  const [id, arg] = args;
  if (!id || !/^[1-9][0-9]{0,9}$/.test(id) || !arg || args.length > 2) {
    console.error(HEATS_USAGE);
    console.error('CSV header: division,type,round,heat,start');
    return 2;
  }
  const file = resolve(arg);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`);
    return 1;
  }
  let body: PutHeatsBody;
  try {
    body = PutHeatsBody.parse(file.endsWith('.json') ? JSON.parse(text) : { csv: text });
  } catch (error) {
    console.error(`${file}: not a heat sheet (${(error as Error).message.slice(0, 500)})`);
    return 1;
  }
  const config = configOrExit();
  const database = await openConfiguredDatabase(config);
  try {
    if (!(await findEventDates(database.db, Number(id)))) {
      console.error(`No event ${id} in ${describeDatabase(config)}.`);
      return 1;
    }
    await replaceHeatSheet(database.db, Number(id), body);
    console.log(
      `Loaded the heat sheet of event ${id} from ${file} into ${describeDatabase(config)}.`,
    );
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`${file}: ${error.message}`);
    const problems = Array.isArray(error.details) ? error.details : [];
    for (const problem of problems as { where: string; reasons: string[] }[]) {
      console.error(`  ${problem.where}: ${problem.reasons.join('; ')}`);
    }
    return 1;
  } finally {
    await database.close();
  }
}
