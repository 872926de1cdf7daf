import { describe, expect, it } from 'vitest';
import { clashLists, heatsClash } from '../../src/modules/matching/engine';
import { buildHeat, RULES } from './builders';

const at = (minute: number) => Date.UTC(2026, 5, 1, 10, minute);

describe('heatsClash', () => {
  it('a heat always clashes with itself', () => {
    const heat = buildHeat('h1', { startsAt: at(0) });
    expect(heatsClash(heat, heat, RULES)).toBe(true);
  });

  it('with times, windows of heat length plus buffers decide', () => {
    const a = buildHeat('a', { startsAt: at(0) });
    // window a: [-5, 8); b at 12: [7, 20) overlaps; c at 13: [8, 21) only touches.
    expect(heatsClash(a, buildHeat('b', { startsAt: at(12), number: 9 }), RULES)).toBe(true);
    expect(heatsClash(a, buildHeat('c', { startsAt: at(13), number: 2 }), RULES)).toBe(false);
    expect(heatsClash(buildHeat('c', { startsAt: at(13) }), a, RULES)).toBe(false);
  });

  it('buffers widen the window; without buffers only the heats themselves count', () => {
    const noBuffers = { ...RULES, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
    const a = buildHeat('a', { startsAt: at(0) });
    const b = buildHeat('b', { startsAt: at(3), number: 2 });
    expect(heatsClash(a, b, noBuffers)).toBe(false);
    expect(heatsClash(a, b, { ...noBuffers, bufferAfterMinutes: 1 })).toBe(true);
    expect(heatsClash(a, b, { ...noBuffers, bufferBeforeMinutes: 1 })).toBe(true);
  });

  it('without times, the same division, type and round clash within ±numberWindow', () => {
    const h3 = buildHeat('h3', { number: 3 });
    expect(heatsClash(h3, buildHeat('h2', { number: 2 }), RULES)).toBe(true);
    expect(heatsClash(h3, buildHeat('h4', { number: 4 }), RULES)).toBe(true);
    expect(heatsClash(h3, buildHeat('h5', { number: 5 }), RULES)).toBe(false);
    expect(heatsClash(h3, buildHeat('h5', { number: 5 }), { ...RULES, numberWindow: 2 })).toBe(
      true,
    );
    expect(heatsClash(h3, buildHeat('x', { number: 3, roundId: 'finals' }), RULES)).toBe(false);
    expect(heatsClash(h3, buildHeat('y', { number: 3, typeId: 'strictly' }), RULES)).toBe(false);
    expect(heatsClash(h3, buildHeat('z', { number: 3, divisionId: 'int' }), RULES)).toBe(false);
  });

  it('when only one heat has a time, the number rule applies', () => {
    const timed = buildHeat('t', { number: 3, startsAt: at(0) });
    expect(heatsClash(timed, buildHeat('u', { number: 4 }), RULES)).toBe(true);
    expect(heatsClash(timed, buildHeat('v', { number: 6 }), RULES)).toBe(false);
  });

  it('clashLists agrees with heatsClash on every pair', () => {
    const heats = [
      buildHeat('a', { number: 1 }),
      buildHeat('b', { number: 2, startsAt: at(0) }),
      buildHeat('c', { number: 3, startsAt: at(10) }),
      buildHeat('d', { number: 4 }),
      buildHeat('e', { number: 1, roundId: 'finals', startsAt: at(30) }),
    ];
    const lists = clashLists(heats, RULES);
    heats.forEach((a, i) =>
      heats.forEach((b, j) => expect(lists[i]!.includes(j)).toBe(heatsClash(a, b, RULES))),
    );
  });
});
