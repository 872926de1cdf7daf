import { describe, expect, it } from 'vitest';
import {
  matchGreedy,
  matchOptimal,
  violations,
  type MatchingInput,
} from '../../src/modules/matching/engine';
import { buildDancer, buildHeat, buildInput } from './builders';

const pairs = (result: ReturnType<typeof matchOptimal>) =>
  result.assignments.map((a) => `${a.heatId}:${a.dancerId}<-${a.recorderId}`).sort();

/**
 * Greedy serves Anna first (more karma) with the closest recorder, Rolf, who is then used up;
 * Bob's heat clashes with Paul's own, so Bob goes unfilmed. Paul filming Anna frees Rolf for Bob.
 */
function greedyTrap(): MatchingInput {
  return buildInput({
    heats: [
      buildHeat('h1'),
      buildHeat('h2', { divisionId: 'int' }),
      buildHeat('h3', { divisionId: 'int', number: 2 }),
    ],
    dancers: [
      buildDancer('anna', ['h1'], { willingToRecord: false, recordingsDone: 5 }),
      buildDancer('bob', ['h2'], { willingToRecord: false }),
      buildDancer('rolf', []),
      buildDancer('paul', ['h3'], { city: 'Paris', country: 'FR' }),
    ],
    maxRecordingsPerRecorder: 1,
  });
}

describe('matchOptimal against greedy', () => {
  it('covers a demand greedy leaves out', () => {
    const input = greedyTrap();
    const greedy = matchGreedy(input);
    const optimal = matchOptimal(input);
    expect(greedy.stats.covered).toBe(1);
    expect(greedy.uncovered.map((u) => u.dancerId)).toEqual(['bob', 'paul']);
    // Paul's own heat has only Rolf, and Rolf has one recording: 2 of 3 is the best there is.
    expect(optimal.stats).toMatchObject({ demands: 3, covered: 2, upperBound: 2 });
    expect(pairs(optimal)).toEqual(['h1:anna<-paul', 'h2:bob<-rolf']);
    expect(violations(input, optimal.assignments)).toEqual([]);
  });

  it('never gives one recorder two heats that clash with each other', () => {
    // Rolf could film both adjacent heats, but not both at once; Nina can film only h2.
    const input = buildInput({
      heats: [buildHeat('h1'), buildHeat('h2', { number: 2 }), buildHeat('h9', { number: 9 })],
      dancers: [
        buildDancer('anna', ['h1'], { willingToRecord: false }),
        buildDancer('bob', ['h2'], { willingToRecord: false }),
        buildDancer('rolf', []),
        buildDancer('nina', ['h9'], { city: 'Hamburg' }),
      ],
    });
    const optimal = matchOptimal(input);
    expect(optimal.stats.covered).toBe(3);
    const rolfFilms = optimal.assignments
      .filter((a) => a.recorderId === 'rolf')
      .map((a) => a.heatId);
    expect(rolfFilms).toContain('h9');
    expect(rolfFilms).toHaveLength(2);
    expect(violations(input, optimal.assignments)).toEqual([]);
    expect(violations(input, matchGreedy(input).assignments)).toEqual([]);
  });

  it('films the dancer with more karma first when recorders are short', () => {
    const input = buildInput({
      heats: [buildHeat('h1'), buildHeat('h2', { number: 5 })],
      dancers: [
        buildDancer('taker', ['h1'], { willingToRecord: false, recordingsReceived: 4 }),
        buildDancer('giver', ['h2'], { willingToRecord: false, recordingsDone: 4 }),
        buildDancer('rolf', []),
      ],
      maxRecordingsPerRecorder: 1,
    });
    for (const match of [matchOptimal, matchGreedy]) {
      const result = match(input);
      expect(pairs(result)).toEqual(['h2:giver<-rolf']);
      expect(result.uncovered.map((u) => u.dancerId)).toEqual(['taker']);
    }
  });

  it('spreads scarce recorders over dancers instead of filming all of one dancer', () => {
    const input = buildInput({
      heats: [buildHeat('a1'), buildHeat('a2', { number: 5 }), buildHeat('b1', { number: 9 })],
      dancers: [
        buildDancer('anna', ['a1', 'a2'], { willingToRecord: false, recordingsDone: 1 }),
        buildDancer('bob', ['b1'], { willingToRecord: false }),
        buildDancer('rolf', [], { city: 'Hamburg' }),
        buildDancer('nina', [], { city: 'Hamburg' }),
      ],
      maxRecordingsPerRecorder: 1,
    });
    const optimal = matchOptimal(input);
    expect(optimal.assignments.map((a) => a.dancerId).sort()).toEqual(['anna', 'bob']);
    expect(optimal.stats.fairnessSpread).toBe(0.25);
  });
});

describe('incremental runs', () => {
  it('keeps accepted assignments, counts them against the cap and never suggests them again', () => {
    const input = greedyTrap();
    input.kept = [{ heatId: 'h1', dancerId: 'anna', recorderId: 'rolf' }];
    const result = matchOptimal(input);
    // Rolf's one recording is taken; Paul cannot film Bob's heat, which clashes with his own.
    expect(result.assignments).toEqual([]);
    expect(result.stats).toMatchObject({ demands: 3, covered: 1, keptCovered: 1, upperBound: 1 });
    expect(result.uncovered.map((u) => u.dancerId)).toEqual(['bob', 'paul']);
  });

  it('never suggests a declined pair again', () => {
    const input = greedyTrap();
    input.maxRecordingsPerRecorder = 3;
    input.declined = [{ heatId: 'h2', dancerId: 'bob', recorderId: 'rolf' }];
    for (const match of [matchOptimal, matchGreedy]) {
      const result = match(input);
      expect(pairs(result)).toEqual(['h1:anna<-rolf', 'h3:paul<-rolf']);
      expect(result.uncovered).toEqual([
        { heatId: 'h2', dancerId: 'bob', reason: 'no_free_recorder' },
      ]);
      expect(violations(input, result.assignments)).toEqual([]);
    }
  });

  it('a kept recording blocks the recorder for heats clashing with it', () => {
    const input = buildInput({
      heats: [buildHeat('h1'), buildHeat('h2', { number: 2 })],
      dancers: [
        buildDancer('anna', ['h1'], { willingToRecord: false }),
        buildDancer('bob', ['h2'], { willingToRecord: false }),
        buildDancer('rolf', []),
      ],
      kept: [{ heatId: 'h1', dancerId: 'anna', recorderId: 'rolf' }],
    });
    expect(matchOptimal(input).assignments).toEqual([]);
  });
});

describe('explanations', () => {
  const explain = (recorder: { city: string | null; country: string | null }) => {
    const input = buildInput({
      heats: [buildHeat('h1')],
      dancers: [
        buildDancer('anna', ['h1'], { willingToRecord: false }),
        buildDancer('ben', [], recorder),
      ],
    });
    return matchOptimal(input).assignments[0]!.explanation;
  };

  it('says where the recorder comes from and why', () => {
    expect(explain({ city: 'Berlin', country: 'DE' })).toEqual({
      kind: 'same_city',
      recorderName: 'Ben',
      recorderCity: 'Berlin',
      text: 'Ben, also from Berlin, will film you.',
    });
    expect(explain({ city: 'Hamburg', country: 'DE' })).toMatchObject({
      kind: 'same_country',
      text: 'No free recorder in your city; Ben from Hamburg (Germany) will film you.',
    });
    expect(explain({ city: 'Paris', country: 'FR' })).toMatchObject({
      kind: 'anyone',
      text: 'No free recorder in your city or country; Ben from Paris (France) will film you.',
    });
    expect(explain({ city: null, country: null })).toMatchObject({
      kind: 'anyone',
      recorderCity: null,
      text: 'No free recorder in your city or country; Ben will film you.',
    });
  });

  it('prefers the recorder from the same city', () => {
    const input = buildInput({
      heats: [buildHeat('h1')],
      dancers: [
        buildDancer('anna', ['h1'], { willingToRecord: false }),
        buildDancer('pierre', [], { city: 'Paris', country: 'FR' }),
        buildDancer('ben', []),
        buildDancer('hans', [], { city: 'Hamburg' }),
      ],
    });
    expect(matchOptimal(input).assignments.map((a) => a.recorderId)).toEqual(['ben']);
    expect(matchGreedy(input).assignments.map((a) => a.recorderId)).toEqual(['ben']);
  });
});

describe('edge cases', () => {
  it('an empty event, or a cap of 0, gives no suggestions and honest stats', () => {
    for (const match of [matchOptimal, matchGreedy]) {
      expect(match(buildInput({})).stats).toMatchObject({ demands: 0, covered: 0, upperBound: 0 });
      const capless = { ...greedyTrap(), maxRecordingsPerRecorder: 0 };
      const result = match(capless);
      expect(result.assignments).toEqual([]);
      expect(result.stats).toMatchObject({ demands: 3, covered: 0, eligible: 0, upperBound: 0 });
    }
  });
});

describe('determinism', () => {
  it('gives the same answer whatever the order of the input', () => {
    const input = greedyTrap();
    input.maxRecordingsPerRecorder = 2;
    const reversed = {
      ...input,
      heats: [...input.heats].reverse(),
      dancers: [...input.dancers].reverse(),
    };
    const strip = (r: ReturnType<typeof matchOptimal>) => ({ ...r, stats: { ...r.stats, ms: 0 } });
    expect(strip(matchOptimal(reversed))).toEqual(strip(matchOptimal(input)));
    expect(strip(matchGreedy(reversed))).toEqual(strip(matchGreedy(input)));
  });
});
