/**
 * Reading an organiser's heat sheet: JSON (the contract's HeatSheetJson) or CSV with the
 * header `division,type,round,heat,start`, one heat per row (`start` empty or ISO-8601 with an
 * offset). The result is the sheet with its ordered name lists, or every problem with where.
 */
import { HeatInput, HeatSheetJson, type PutHeatsBody } from '@spotlight/contracts';
import { CsvSyntaxError, parseCsv, type RowProblem } from '../events/event-file';

export const HEAT_CSV_COLUMNS = ['division', 'type', 'round', 'heat', 'start'] as const;
const REQUIRED = ['division', 'type', 'round', 'heat'] as const;

export interface HeatSheetData {
  divisions: string[];
  types: string[];
  rounds: string[];
  heats: { division: string; type: string; round: string; number: number; startsAt: Date | null }[];
}

export type HeatSheetResult =
  { ok: true; sheet: HeatSheetData } | { ok: false; problems: RowProblem[] };

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) =>
    i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message,
  );

/** CSV text to the JSON shape, or the problems of its rows. */
export function heatSheetFromCsv(
  text: string,
): { ok: true; json: HeatSheetJson } | { ok: false; problems: RowProblem[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return { ok: false, problems: [{ where: `line ${error.line}`, reasons: [error.message] }] };
    }
    throw error;
  }
  const [header, ...rows] = records;
  const columns = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !(HEAT_CSV_COLUMNS as readonly string[]).includes(c));
  if (!header || missing.length || unknown.length) {
    return {
      ok: false,
      problems: [
        {
          where: 'line 1',
          reasons: [
            `The header must be ${HEAT_CSV_COLUMNS.join(',')}` +
              (missing.length ? ` (missing: ${missing.join(', ')})` : '') +
              (unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''),
          ],
        },
      ],
    };
  }
  const problems: RowProblem[] = [];
  const heats: HeatInput[] = [];
  for (const { line, fields } of rows) {
    const cell = (name: string) => fields[columns.indexOf(name)]?.trim() ?? '';
    const number = cell('heat');
    const start = cell('start');
    const parsed = HeatInput.safeParse({
      division: cell('division'),
      type: cell('type'),
      round: cell('round'),
      number: /^[0-9]+$/.test(number) ? Number(number) : number,
      startsAt: start === '' ? null : start,
    });
    if (parsed.success) heats.push(parsed.data);
    else problems.push({ where: `line ${line}`, reasons: issues(parsed.error) });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, json: { heats } };
}

/** Checks a sheet as a whole: known names, no heat twice; fills in the name lists. */
export function readHeatSheet(body: PutHeatsBody): HeatSheetResult {
  let json: HeatSheetJson;
  if ('csv' in body) {
    const csv = heatSheetFromCsv(body.csv);
    if (!csv.ok) return csv;
    json = csv.json;
  } else {
    json = HeatSheetJson.parse(body);
  }
  const problems: RowProblem[] = [];
  const list = (given: string[] | undefined, key: 'division' | 'type' | 'round', label: string) => {
    if (given) {
      const seen = new Set<string>();
      for (const name of given) {
        if (seen.has(name))
          problems.push({ where: `${label}s`, reasons: [`${name} is listed twice`] });
        seen.add(name);
      }
      json.heats.forEach((heat, index) => {
        if (!seen.has(heat[key])) {
          problems.push({
            where: `heat ${index + 1}`,
            reasons: [`${label} ${heat[key]} is not in the ${label} list`],
          });
        }
      });
      return given;
    }
    return [...new Set(json.heats.map((heat) => heat[key]))];
  };
  const divisions = list(json.divisions, 'division', 'division');
  const types = list(json.types, 'type', 'type');
  const rounds = list(json.rounds, 'round', 'round');
  const slots = new Map<string, number>();
  json.heats.forEach((heat, index) => {
    const key = JSON.stringify([heat.division, heat.type, heat.round, heat.number]);
    const first = slots.get(key);
    if (first !== undefined) {
      problems.push({
        where: `heat ${index + 1}`,
        reasons: [
          `the same heat as heat ${first + 1} (${heat.division} ${heat.type} ${heat.round} ${heat.number})`,
        ],
      });
    } else slots.set(key, index);
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    sheet: {
      divisions,
      types,
      rounds,
      heats: json.heats.map((heat) => ({
        division: heat.division,
        type: heat.type,
        round: heat.round,
        number: heat.number,
        startsAt: heat.startsAt ? new Date(heat.startsAt) : null,
      })),
    },
  };
}
