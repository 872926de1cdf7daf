import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config';
import { resolveInput } from '../../cli/import-events';
import {
  CsvSyntaxError,
  formatOf,
  parseCsv,
  parseEventFile,
  parseEventsCsv,
  parseEventsJson,
  type EventFileResult,
} from './event-file';

const HEADER = 'name,location,startDate,endDate,worldsdcId,description';

const problems = (result: EventFileResult) => {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
};

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records, with CRLF or LF', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n4,5,6')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'x,y\n"a, b","say ""hi"""\n"two\r\nlines",end\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['x', 'y'] },
      { line: 2, fields: ['a, b', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'end'] },
    ]);
  });

  it('keeps empty fields, skips empty lines and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,,c\n\n,,\n"",x\n\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', '', ''] },
      { line: 4, fields: ['', 'x'] },
    ]);
  });

  it('counts lines inside quoted fields for the records after them', () => {
    const records = parseCsv('h\n"1\n2\n3"\nnext\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('refuses an unclosed quote, a quote in the middle of a field, and text after a closing quote', () => {
    expect(() => parseCsv('a\n"never closed\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"never closed\n')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => parseCsv('a\nab"c\n')).toThrow(/line 2: a quote inside a field/);
    expect(() => parseCsv('a\n"ab"c\n')).toThrow(/line 2: text after the closing quote/);
  });
});

describe('parseEventsCsv', () => {
  it('reads valid rows; empty cells are absent; values are trimmed', () => {
    const text = `${HEADER}\nSwingDiego,"San Diego, CA",2027-01-01,2027-01-04,swingdiego-2027,"Workshops, J&J"\n  Budafest ,Budapest,2027-02-01,2027-02-01,,\n`;
    const result = parseEventsCsv(text);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          name: 'SwingDiego',
          location: 'San Diego, CA',
          startDate: '2027-01-01',
          endDate: '2027-01-04',
          worldsdcId: 'swingdiego-2027',
          description: 'Workshops, J&J',
        },
        { name: 'Budafest', location: 'Budapest', startDate: '2027-02-01', endDate: '2027-02-01' },
      ],
    });
  });

  it('takes the columns in any order, and the optional ones may be left out', () => {
    const result = parseEventsCsv(
      'endDate,startDate,location,name\n2027-01-02,2027-01-01,Here,Event\n',
    );
    expect(result).toEqual({
      ok: true,
      rows: [{ name: 'Event', location: 'Here', startDate: '2027-01-01', endDate: '2027-01-02' }],
    });
  });

  it('reports every invalid row with its line and reasons', () => {
    const text = [
      HEADER,
      'Good,City,2027-01-01,2027-01-02,good-1,',
      ',City,2027-13-01,2027-01-02,,',
      'Backwards,City,2027-05-05,2027-05-01,,',
      'Short,City,2027-01-01',
      `${'n'.repeat(256)},City,2027-01-01,2027-01-01,,`,
      'Again,City,2027-03-01,2027-03-02,good-1,',
    ].join('\n');
    expect(problems(parseEventsCsv(text))).toEqual([
      { where: 'line 3', reasons: ['name: required', expect.stringMatching(/^startDate: /)] },
      { where: 'line 4', reasons: ['endDate: endDate is before startDate'] },
      { where: 'line 5', reasons: ['expected 6 fields, found 3'] },
      { where: 'line 6', reasons: [expect.stringMatching(/^name: .*255/)] },
      { where: 'line 7', reasons: ['worldsdcId: good-1 is also on line 2'] },
    ]);
  });

  it('names the line of a row after a quoted line break', () => {
    const text = `${HEADER}\nA,B,2027-01-01,2027-01-01,,"one\ntwo"\nC,D,not-a-date,2027-01-01,,\n`;
    expect(problems(parseEventsCsv(text)).map((p) => p.where)).toEqual(['line 4']);
  });

  it('checks the header', () => {
    expect(problems(parseEventsCsv('name,place,startDate,endDate\n'))).toEqual([
      {
        where: 'line 1',
        reasons: [expect.stringMatching(/^unknown column "place"/), 'missing column "location"'],
      },
    ]);
    expect(problems(parseEventsCsv('name,name,location,startDate,endDate\n'))[0]!.reasons).toEqual([
      'column "name" appears twice',
    ]);
    expect(problems(parseEventsCsv(''))).toEqual([
      { where: 'file', reasons: ['the file is empty'] },
    ]);
    expect(problems(parseEventsCsv(`${HEADER}\n`))).toEqual([
      { where: 'file', reasons: ['no events in the file'] },
    ]);
  });

  it('reports a syntax error with its line', () => {
    expect(problems(parseEventsCsv(`${HEADER}\n"A,B,2027-01-01,2027-01-01,,\n`))).toEqual([
      { where: 'line 2', reasons: ['a quoted field is never closed'] },
    ]);
  });
});

describe('parseEventsJson', () => {
  const valid = { name: 'A', location: 'B', startDate: '2027-01-01', endDate: '2027-01-02' };

  it('reads an array, or an object with events; null optional fields are fine', () => {
    const withNulls = { ...valid, worldsdcId: null, description: null };
    expect(parseEventsJson(JSON.stringify([withNulls]))).toEqual({ ok: true, rows: [withNulls] });
    expect(parseEventsJson(JSON.stringify({ events: [valid] }))).toEqual({
      ok: true,
      rows: [valid],
    });
  });

  it('reports invalid items by index, unknown fields included', () => {
    const items = [
      valid,
      { ...valid, startDate: 20270101 },
      { ...valid, venue: 'Hall' },
      'text',
      null,
    ];
    const found = problems(parseEventsJson(JSON.stringify(items)));
    expect(found.map((p) => p.where)).toEqual(['index 1', 'index 2', 'index 3', 'index 4']);
    expect(found[0]!.reasons).toEqual([expect.stringMatching(/^startDate: /)]);
    expect(found[1]!.reasons.join()).toContain('venue');
  });

  it('refuses what is not JSON or not a list', () => {
    expect(problems(parseEventsJson('{"events": [')).at(0)!.reasons[0]).toMatch(/^not valid JSON/);
    expect(problems(parseEventsJson('{"name": "A"}'))).toEqual([
      { where: 'file', reasons: ['expected an array of events, or { "events": [...] }'] },
    ]);
    expect(problems(parseEventsJson('[]'))).toEqual([
      { where: 'file', reasons: ['no events in the file'] },
    ]);
  });
});

describe('files', () => {
  it('knows the format by extension', () => {
    expect(formatOf('events.CSV')).toBe('csv');
    expect(formatOf('/a/b/events.json')).toBe('json');
    expect(formatOf('events.xlsx')).toBeUndefined();
  });

  it("resolves a relative path against the caller's directory (INIT_CWD)", () => {
    expect(resolveInput('events.csv', { INIT_CWD: '/home/organiser' })).toBe(
      '/home/organiser/events.csv',
    );
    expect(resolveInput('/data/events.csv', { INIT_CWD: '/home/organiser' })).toBe(
      '/data/events.csv',
    );
    expect(resolveInput('events.csv', {})).toBe(path.resolve('events.csv'));
  });

  it('reads the sample file in docs/', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'docs', 'sample-events.csv'), 'utf8');
    const result = parseEventFile(text, 'csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(5);
    expect(result.rows[1]!.description).toContain('"Champions"');
    expect(result.rows[3]!.description).toContain('\n');
    expect(result.rows[4]!.worldsdcId).toBeUndefined();
  });
});
