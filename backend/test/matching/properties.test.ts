import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchGreedy,
  matchOptimal,
  violations,
  type Assignment,
  type MatchingInput,
} from '../../src/modules/matching/engine';
import { buildDancer, buildHeat, buildInput } from './builders';

const PLACES = [
  ['Berlin', 'Germany'],
  ['Hamburg', 'Germany'],
  ['Paris', 'France'],
  [null, null],
] as const;

/** Small random events: a few series, some heats timed, random dancers, kept and declined pairs. */
const events = fc
  .record({
    heats: fc.array(
      fc.record({
        series: fc.integer({ min: 0, max: 2 }),
        number: fc.integer({ min: 1, max: 4 }),
        minute: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 3 }),
      }),
      { minLength: 1, maxLength: 9 },
    ),
    dancers: fc.array(
      fc.record({
        heats: fc.uniqueArray(fc.nat(8), { maxLength: 4 }),
        willing: fc.boolean(),
        place: fc.nat(PLACES.length - 1),
        done: fc.nat(4),
        received: fc.nat(4),
      }),
      { minLength: 2, maxLength: 14 },
    ),
    cap: fc.integer({ min: 1, max: 3 }),
    window: fc.integer({ min: 0, max: 2 }),
    buffer: fc.integer({ min: 0, max: 6 }),
    pairs: fc.array(fc.tuple(fc.nat(8), fc.nat(13), fc.nat(13), fc.boolean()), { maxLength: 6 }),
  })
  .map((e): MatchingInput => {
    const heats = e.heats.map((h, i) =>
      buildHeat(`h${i}`, {
        divisionId: `div${h.series}`,
        number: h.number,
        startsAt: h.minute === null ? null : Date.UTC(2026, 5, 1, 10, h.minute),
      }),
    );
    const dancers = e.dancers.map((d, i) => {
      const [city, country] = PLACES[d.place]!;
      return buildDancer(
        `p${i}`,
        d.heats.filter((h) => h < heats.length).map((h) => `h${h}`),
        {
          willingToRecord: d.willing,
          city,
          country,
          recordingsDone: d.done,
          recordingsReceived: d.received,
        },
      );
    });
    const at = (n: number) => n % dancers.length;
    const pairs = e.pairs.map(([h, d, r, kept]): [Assignment, boolean] => [
      { heatId: `h${h % heats.length}`, dancerId: `p${at(d)}`, recorderId: `p${at(r)}` },
      kept,
    ]);
    const base = buildInput({
      heats,
      dancers,
      maxRecordingsPerRecorder: e.cap,
      rules: {
        heatMinutes: 3,
        bufferBeforeMinutes: e.buffer,
        bufferAfterMinutes: e.buffer,
        numberWindow: e.window,
      },
    });
    // Kept ones are earlier valid suggestions; declined ones may be anything.
    const kept: Assignment[] = [];
    for (const [pair, isKept] of pairs) {
      if (isKept && violations({ ...base, kept }, [pair]).length === 0) kept.push(pair);
    }
    return { ...base, kept, declined: pairs.filter(([, k]) => !k).map(([pair]) => pair) };
  });

describe('matching properties (fast-check)', () => {
  it('no assignment breaks a hard rule; optimal covers at least what greedy does, within the bound', () => {
    fc.assert(
      fc.property(events, (input) => {
        const optimal = matchOptimal(input);
        const greedy = matchGreedy(input);
        expect(violations(input, optimal.assignments)).toEqual([]);
        expect(violations(input, greedy.assignments)).toEqual([]);
        expect(optimal.stats.covered).toBeGreaterThanOrEqual(greedy.stats.covered);
        for (const { stats } of [optimal, greedy]) {
          expect(stats.covered).toBeLessThanOrEqual(stats.upperBound);
          expect(stats.upperBound).toBeLessThanOrEqual(stats.eligible);
          expect(stats.eligible).toBeLessThanOrEqual(stats.demands);
        }
        const declined = new Set(
          input.declined.map((d) => `${d.heatId}|${d.dancerId}|${d.recorderId}`),
        );
        for (const a of optimal.assignments)
          expect(declined.has(`${a.heatId}|${a.dancerId}|${a.recorderId}`)).toBe(false);
        expect(
          optimal.assignments.length + optimal.uncovered.length + optimal.stats.keptCovered,
        ).toBe(optimal.stats.demands);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('violations', () => {
  it('names each broken rule', () => {
    const input = buildInput({
      heats: [buildHeat('h1'), buildHeat('h2', { number: 2 }), buildHeat('h7', { number: 7 })],
      dancers: [
        buildDancer('anna', ['h1', 'h7']),
        buildDancer('bob', ['h2']),
        buildDancer('olga', [], { willingToRecord: false }),
        buildDancer('rolf', []),
      ],
      maxRecordingsPerRecorder: 1,
      declined: [{ heatId: 'h7', dancerId: 'anna', recorderId: 'rolf' }],
    });
    const found = violations(input, [
      { heatId: 'h1', dancerId: 'anna', recorderId: 'anna' },
      { heatId: 'h1', dancerId: 'anna', recorderId: 'bob' },
      { heatId: 'h2', dancerId: 'bob', recorderId: 'olga' },
      { heatId: 'h7', dancerId: 'anna', recorderId: 'rolf' },
      { heatId: 'h1', dancerId: 'bob', recorderId: 'rolf' },
    ]);
    expect(found).toEqual([
      'anna filming anna in h1: a dancer cannot film themselves',
      "anna filming anna in h1: clashes with the recorder's own heat h1",
      'bob filming anna in h1: the heat is already filmed for this dancer',
      "bob filming anna in h1: clashes with the recorder's own heat h2",
      'olga filming bob in h2: the recorder opted out of recording',
      'rolf filming anna in h7: this pair was declined',
      'rolf filming bob in h1: the dancer does not dance this heat',
      'rolf: more than 1 recordings',
    ]);
  });
});
