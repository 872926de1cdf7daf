/**
 * The heat sheet (JSON or CSV, replacing the stored one), the matching settings, and each
 * dancer's heats: organisers and admins load and configure, participants declare, everyone
 * signed in reads the sheet.
 */
import { api, type HeatSheetJson } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError, expectValidationError, join, send } from '../helpers';

let t: TestServer;
let organiser: TestUser;
let dancer: TestUser;
let outsider: TestUser;
let eventId: number;
beforeAll(async () => {
  t = await startTestServer();
  [organiser, dancer, outsider] = [
    await t.registerUser(),
    await t.registerUser(),
    await t.registerUser(),
  ];
  eventId = (await t.createEvent()).id;
  await t.server.services.roles.addOrganiser(eventId, organiser.id, null);
  await join(t, dancer, eventId);
});
afterAll(() => t.close());

const as = (user: TestUser) => ({ token: user.token });
const params = () => ({ id: eventId });
const SHEET: HeatSheetJson = {
  divisions: ['Newcomer', 'Novice'],
  types: ['Jack & Jill'],
  rounds: ['Prelims', 'Finals'],
  heats: [
    { division: 'Novice', type: 'Jack & Jill', round: 'Prelims', number: 1 },
    { division: 'Novice', type: 'Jack & Jill', round: 'Prelims', number: 2 },
    {
      division: 'Newcomer',
      type: 'Jack & Jill',
      round: 'Prelims',
      number: 1,
      startsAt: '2031-05-01T10:00:00Z',
    },
  ],
};
const CSV = [
  'division,type,round,heat,start',
  'Novice,Jack & Jill,Prelims,1,',
  'Novice,Jack & Jill,Prelims,2,2031-05-01T11:00:00+02:00',
  '"Intermediate, Masters",Strictly Swing,Finals,1,',
].join('\n');

describe('the heat sheet', () => {
  it('an organiser loads it as JSON; anyone signed in reads it, in sheet order with labels', async () => {
    const put = await t.call(api.heats.put, { params: params(), body: SHEET }, as(organiser));
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.divisions.map((d) => d.name)).toEqual(['Newcomer', 'Novice']);
    expect(put.body.heats.map((h) => h.label)).toEqual([
      'Newcomer · Jack & Jill · Prelims · Heat 1',
      'Novice · Jack & Jill · Prelims · Heat 1',
      'Novice · Jack & Jill · Prelims · Heat 2',
    ]);
    expect(put.body.heats[0]!.startsAt).toBe('2031-05-01T10:00:00.000Z');
    const got = await t.call(api.heats.get, { params: params() }, as(outsider));
    expect(got.status).toBe(200);
    expect(got.body.heats).toEqual(put.body.heats);
    expect(got.body.settings).toMatchObject({
      heatMinutes: 5,
      numberWindow: 1,
      maxRecordingsPerRecorder: 3,
    });
  });

  it('CSV, as a field or as a text/csv body, replaces it; heats kept keep their id', async () => {
    const before = (await t.call(api.heats.get, { params: params() }, as(organiser))).body;
    const novice1 = before.heats.find((h) => h.label.startsWith('Novice') && h.number === 1)!;
    const put = await t.call(
      api.heats.put,
      { params: params(), body: { csv: CSV } },
      as(organiser),
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.heats.map((h) => h.label)).toEqual([
      'Novice · Jack & Jill · Prelims · Heat 1',
      'Novice · Jack & Jill · Prelims · Heat 2',
      'Intermediate, Masters · Strictly Swing · Finals · Heat 1',
    ]);
    expect(put.body.heats[0]!.id).toBe(novice1.id);
    expect(put.body.heats[1]!.startsAt).toBe('2031-05-01T09:00:00.000Z');
    expect(put.body.divisions.map((d) => d.name)).toEqual(['Novice', 'Intermediate, Masters']);

    const raw = await t.raw('PUT', `/api/events/${eventId}/heats`, {
      body: `${CSV}\nNovice,Jack & Jill,Prelims,3,`,
      headers: { authorization: `Bearer ${organiser.token}`, 'content-type': 'text/csv' },
    });
    expect(raw.status, JSON.stringify(raw.body)).toBe(200);
    expect((raw.body as { heats: unknown[] }).heats).toHaveLength(4);
  });

  it('refuses a bad sheet whole, naming every problem, with stable codes', async () => {
    const bad = [
      { csv: 'division,type,round\nNovice,J&J,Prelims' },
      {
        csv: 'division,type,round,heat,start\nNovice,J&J,Prelims,one,\nNovice,J&J,Prelims,2,tomorrow',
      },
      { heats: [SHEET.heats[0]!, SHEET.heats[0]!] },
      { divisions: ['Novice'], heats: [SHEET.heats[2]!] },
    ];
    for (const body of bad) {
      const res = await t.call(api.heats.put, { params: params(), body }, as(organiser));
      expectError(res, 400, 'invalid_heat_sheet');
      expect((res.body.error?.details as unknown[]).length).toBeGreaterThan(0);
    }
    const twoLines = await t.call(
      api.heats.put,
      { params: params(), body: bad[1]! },
      as(organiser),
    );
    expect((twoLines.body.error?.details as { where: string }[]).map((p) => p.where)).toEqual([
      'line 2',
      'line 3',
    ]);
    expectValidationError(
      await send(
        t,
        api.heats.put,
        { params: params(), body: { heats: [{ ...SHEET.heats[0], number: 0 }] } },
        as(organiser),
      ),
    );
    expectValidationError(
      await send(t, api.heats.put, { params: params(), body: { rows: [] } }, as(organiser)),
    );
    const sheet = await t.call(api.heats.get, { params: params() }, as(organiser));
    expect(sheet.body.heats).toHaveLength(4);
  });

  it('only organisers and admins load it; a missing event is a 404', async () => {
    for (const user of [dancer, outsider]) {
      expectError(
        await t.call(api.heats.put, { params: params(), body: SHEET }, as(user)),
        403,
        'forbidden',
      );
    }
    expectError(
      await t.call(api.heats.put, { params: { id: 999999 }, body: SHEET }, as(organiser)),
      404,
      'not_found',
    );
    expectError(
      await t.call(api.heats.get, { params: { id: 999999 } }, as(dancer)),
      404,
      'not_found',
    );
  });
});

describe('settings', () => {
  it('an organiser sets the deadline, buffers, heat length, window and cap', async () => {
    const body = {
      heatMinutes: 7,
      bufferBeforeMinutes: 15,
      numberWindow: 2,
      maxRecordingsPerRecorder: 2,
    };
    const res = await t.call(api.heats.updateSettings, { params: params(), body }, as(organiser));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ...body, bufferAfterMinutes: 5, registrationDeadline: null });
    const sheet = await t.call(api.heats.get, { params: params() }, as(dancer));
    expect(sheet.body.settings).toEqual(res.body);
    expectError(
      await t.call(
        api.heats.updateSettings,
        { params: params(), body: { heatMinutes: 3 } },
        as(dancer),
      ),
      403,
      'forbidden',
    );
    for (const bad of [{}, { heatMinutes: 0 }, { registrationDeadline: 'soon' }, { cap: 3 }]) {
      expectValidationError(
        await send(t, api.heats.updateSettings, { params: params(), body: bad }, as(organiser)),
      );
    }
  });
});

describe('my heats', () => {
  it('a participant declares heats, roles, bib and opt-out; they come back in time order', async () => {
    const { heats } = (await t.call(api.heats.get, { params: params() }, as(dancer))).body;
    const body = {
      bib: '123',
      willingToRecord: false,
      heats: [
        { heatId: heats[2]!.id, role: 'leader' as const },
        { heatId: heats[1]!.id, role: 'follower' as const },
      ],
    };
    const put = await t.call(api.heats.putMine, { params: params(), body }, as(dancer));
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ bib: '123', willingToRecord: false });
    // Novice heat 2 has a start time, so it comes before heat 3.
    expect(put.body.heats.map((h) => [h.heat.label, h.role])).toEqual([
      ['Novice · Jack & Jill · Prelims · Heat 2', 'follower'],
      ['Novice · Jack & Jill · Prelims · Heat 3', 'leader'],
    ]);
    const got = await t.call(api.heats.getMine, { params: params() }, as(dancer));
    expect(got.body).toEqual(put.body);
  });

  it('refuses heats of no sheet, a repeated heat, and anyone who has not joined', async () => {
    const body = {
      bib: null,
      willingToRecord: true,
      heats: [{ heatId: 999999, role: 'leader' as const }],
    };
    expectError(
      await t.call(api.heats.putMine, { params: params(), body }, as(dancer)),
      400,
      'unknown_heat',
    );
    const { heats } = (await t.call(api.heats.get, { params: params() }, as(dancer))).body;
    const twice = { ...body, heats: [0, 0].map(() => ({ heatId: heats[0]!.id, role: 'leader' })) };
    expectValidationError(
      await send(t, api.heats.putMine, { params: params(), body: twice }, as(dancer)),
      'body.heats',
    );
    expectValidationError(
      await send(
        t,
        api.heats.putMine,
        { params: params(), body: { ...body, heats: [{ heatId: heats[0]!.id, role: 'lead' }] } },
        as(dancer),
      ),
    );
    expectError(
      await t.call(
        api.heats.putMine,
        { params: params(), body: { ...body, heats: [] } },
        as(outsider),
      ),
      403,
      'not_participant',
    );
    expectError(
      await t.call(api.heats.getMine, { params: params() }, as(outsider)),
      403,
      'not_participant',
    );
  });

  it('a new sheet cannot drop a heat that dancers declared (409 heat_in_use)', async () => {
    const res = await t.call(api.heats.put, { params: params(), body: SHEET }, as(organiser));
    expectError(res, 409, 'heat_in_use');
    expect((res.body.error?.details as { labels: string[] }).labels).toContain(
      'Novice · Jack & Jill · Prelims · Heat 3',
    );
  });
});
