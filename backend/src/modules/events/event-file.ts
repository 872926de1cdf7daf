/**
 * Reading an organiser's event file: CSV (RFC 4180, with a header row) or JSON (an array of
 * objects, or `{ "events": [...] }`). Every row is validated with the contract's
 * EventImportRow; the result is either every row, or every problem with where it is.
 */
import path from 'node:path';
import { EventImportRow } from '@spotlight/contracts';

export const CSV_COLUMNS = [
  'name',
  'location',
  'startDate',
  'endDate',
  'worldsdcId',
  'description',
] as const;
const REQUIRED_COLUMNS = ['name', 'location', 'startDate', 'endDate'] as const;

export type EventFileFormat = 'csv' | 'json';

/** Where a problem is (`line 4` for CSV, `index 2` for JSON, `file` for the whole file). */
export interface RowProblem {
  where: string;
  reasons: string[];
}

export type EventFileResult =
  { ok: true; rows: EventImportRow[] } | { ok: false; problems: RowProblem[] };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** One CSV record and the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits RFC 4180 text into records: comma-separated fields, CRLF or LF between records,
 * double quotes around fields that hold commas, quotes or line breaks, and `""` for a quote
 * inside them. Empty lines are skipped. Throws CsvSyntaxError on a stray or unclosed quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    let quotedField = false;
    while (!endOfRecord) {
      if (i >= input.length) {
        fields.push(field);
        break;
      }
      const c = input[i]!;
      if (c === '"' && field === '' && !quotedField) {
        // A quoted field: read up to the closing quote.
        quotedField = true;
        i++;
        for (;;) {
          if (i >= input.length) throw new CsvSyntaxError(start, 'a quoted field is never closed');
          const q = input[i]!;
          if (q === '"') {
            if (input[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q === '\n') line++;
          field += q;
          i++;
        }
        const next = input[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'text after the closing quote of a field');
        }
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        quotedField = false;
        i++;
        continue;
      }
      if (c === '\r' || c === '\n') {
        fields.push(field);
        i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
        continue;
      }
      if (c === '"') {
        throw new CsvSyntaxError(line, 'a quote inside a field that does not start with one');
      }
      field += c;
      i++;
    }
    const blank = fields.length === 1 && fields[0] === '' && !quotedField;
    if (!blank) records.push({ line: start, fields });
  }
  return records;
}

/** The format of a file, from its extension. */
export function formatOf(file: string): EventFileFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  return undefined;
}

/** Validates one row with the contract; an empty list means it is valid. */
function check(row: unknown): { row?: EventImportRow; reasons: string[] } {
  const result = EventImportRow.safeParse(row);
  if (result.success) return { row: result.data, reasons: [] };
  const given = (row ?? {}) as Record<string, unknown>;
  return {
    reasons: result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const missing = issue.code === 'invalid_type' && field !== '' && given[field] === undefined;
      const message = missing ? 'required' : issue.message;
      return field ? `${field}: ${message}` : message;
    }),
  };
}

/** Rows that repeat a worldsdcId of an earlier row: the second would overwrite the first. */
function duplicates(rows: { where: string; row: EventImportRow }[]): RowProblem[] {
  const seen = new Map<string, string>();
  const problems: RowProblem[] = [];
  for (const { where, row } of rows) {
    if (!row.worldsdcId) continue;
    const first = seen.get(row.worldsdcId);
    if (first) {
      problems.push({ where, reasons: [`worldsdcId: ${row.worldsdcId} is also on ${first}`] });
    } else {
      seen.set(row.worldsdcId, where);
    }
  }
  return problems;
}

function validateAll(items: { where: string; value: unknown }[]): EventFileResult {
  const problems: RowProblem[] = [];
  const valid: { where: string; row: EventImportRow }[] = [];
  for (const { where, value } of items) {
    const { row, reasons } = check(value);
    if (row) valid.push({ where, row });
    else problems.push({ where, reasons });
  }
  problems.push(...duplicates(valid));
  if (items.length === 0) problems.push({ where: 'file', reasons: ['no events in the file'] });
  if (problems.length) return { ok: false, problems };
  return { ok: true, rows: valid.map((v) => v.row) };
}

/** Reads CSV text with a header row naming the columns (any order; CSV_COLUMNS only). */
export function parseEventsCsv(text: string): EventFileResult {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return {
        ok: false,
        problems: [
          { where: `line ${error.line}`, reasons: [error.message.replace(/^line \d+: /, '')] },
        ],
      };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ where: 'file', reasons: ['the file is empty'] }] };
  const columns = header.fields.map((name) => name.trim());
  const headerReasons = [
    ...columns
      .filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name))
      .map((name) => `unknown column "${name}" (expected ${CSV_COLUMNS.join(', ')})`),
    ...REQUIRED_COLUMNS.filter((name) => !columns.includes(name)).map(
      (name) => `missing column "${name}"`,
    ),
    ...columns
      .filter((name, index) => columns.indexOf(name) !== index)
      .map((name) => `column "${name}" appears twice`),
  ];
  if (headerReasons.length) {
    return { ok: false, problems: [{ where: `line ${header.line}`, reasons: headerReasons }] };
  }
  const items: { where: string; value: unknown }[] = [];
  const problems: RowProblem[] = [];
  for (const record of rows) {
    const where = `line ${record.line}`;
    if (record.fields.length !== columns.length) {
      problems.push({
        where,
        reasons: [`expected ${columns.length} fields, found ${record.fields.length}`],
      });
      continue;
    }
    // An empty cell is an absent value.
    const value = Object.fromEntries(
      columns.flatMap((name, index) => {
        const cell = record.fields[index]!;
        return cell.trim() === '' ? [] : [[name, cell]];
      }),
    );
    items.push({ where, value });
  }
  const result = validateAll(items);
  if (!problems.length) return result;
  const all = [...problems, ...(result.ok ? [] : result.problems)];
  all.sort((a, b) => lineOf(a.where) - lineOf(b.where));
  return { ok: false, problems: all };
}

const lineOf = (where: string) => Number(/\d+/.exec(where)?.[0] ?? 0);

/** Reads JSON: an array of event objects, or an object with an `events` array. */
export function parseEventsJson(text: string): EventFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ where: 'file', reasons: [`not valid JSON: ${(error as Error).message}`] }],
    };
  }
  const list = Array.isArray(data) ? data : (data as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) {
    return {
      ok: false,
      problems: [
        { where: 'file', reasons: ['expected an array of events, or { "events": [...] }'] },
      ],
    };
  }
  return validateAll(list.map((value, index) => ({ where: `index ${index}`, value })));
}

export function parseEventFile(text: string, format: EventFileFormat): EventFileResult {
  return format === 'csv' ? parseEventsCsv(text) : parseEventsJson(text);
}
