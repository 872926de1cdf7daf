import { DEFAULT_MATCHING_SETTINGS, type HeatSheet } from '@spotlight/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import heats from '../../lib/i18n/locales/en/heats.json';
import { pickerOptions, sheetFormat, toSheetBody } from './sheet';

// The messages are English (the app's i18n, without a browser to pick a language).
beforeAll(() =>
  i18next.init({
    lng: 'en',
    resources: { en: { translation: { heats } } },
    interpolation: { escapeValue: false },
  }),
);

const named = (id: number, name: string, position: number) => ({ id, name, position });
const heat = (id: number, divisionId: number, typeId: number, roundId: number, number: number) => ({
  id,
  divisionId,
  typeId,
  roundId,
  number,
  startsAt: null,
  label: `Heat ${number}`,
});

const sheet: HeatSheet = {
  eventId: 1,
  settings: DEFAULT_MATCHING_SETTINGS,
  // Listed out of order on purpose: position decides.
  divisions: [named(2, 'Intermediate', 2), named(1, 'Novice', 1), named(3, 'Champion', 3)],
  types: [named(10, 'Jack & Jill', 1), named(11, 'Strictly', 2)],
  rounds: [named(21, 'Finals', 2), named(20, 'Prelims', 1)],
  heats: [
    heat(100, 1, 10, 20, 2),
    heat(101, 1, 10, 20, 1),
    heat(102, 1, 10, 21, 1),
    heat(103, 2, 11, 20, 1),
  ],
};

describe('pickerOptions', () => {
  it('offers only divisions with heats, in their order, and nothing below until picked', () => {
    const options = pickerOptions(sheet, {});
    expect(options.divisions.map((d) => d.name)).toEqual(['Novice', 'Intermediate']);
    expect(options).toMatchObject({ types: [], rounds: [], heats: [] });
  });

  it('narrows each level by the ones above it, heats by number', () => {
    expect(pickerOptions(sheet, { divisionId: 2 }).types.map((t) => t.name)).toEqual(['Strictly']);
    const novice = pickerOptions(sheet, { divisionId: 1, typeId: 10 });
    expect(novice.rounds.map((r) => r.name)).toEqual(['Prelims', 'Finals']);
    const prelims = pickerOptions(sheet, { divisionId: 1, typeId: 10, roundId: 20 });
    expect(prelims.heats.map((h) => h.id)).toEqual([101, 100]);
  });
});

describe('toSheetBody', () => {
  const csv = 'division,type,round,heat,start\nNovice,Jack & Jill,Prelims,1,\n';
  const json = {
    heats: [{ division: 'Novice', type: 'Jack & Jill', round: 'Prelims', number: 1 }],
  };

  it('tells CSV from JSON by the file name, else by the first character', () => {
    expect(sheetFormat('{}', 'heats.CSV')).toBe('csv');
    expect(sheetFormat('division', 'heats.json')).toBe('json');
    expect(sheetFormat('  [ ]')).toBe('json');
    expect(sheetFormat(csv)).toBe('csv');
  });

  it('sends CSV as it is, and JSON checked (a bare array is the heats)', () => {
    expect(toSheetBody(csv)).toEqual({ ok: true, format: 'csv', body: { csv } });
    expect(toSheetBody(JSON.stringify(json))).toMatchObject({ ok: true, body: json });
    expect(toSheetBody(JSON.stringify(json.heats))).toMatchObject({ ok: true, body: json });
  });

  it('lists what is wrong before anything is sent', () => {
    expect(toSheetBody('   ')).toEqual({ ok: false, problems: ['The heat sheet is empty.'] });
    const broken = toSheetBody('{ "heats": [', 'heats.json');
    expect(broken.ok).toBe(false);
    const bad = toSheetBody(JSON.stringify({ heats: [{ ...json.heats[0], number: 0 }] }));
    expect(bad.ok === false && bad.problems[0]).toMatch(/^heats\.0\.number: /);
  });
});
