import type { ClashRules, HeatSlot } from './types';

const MINUTE = 60_000;

/**
 * Whether someone in heat `a` cannot be at heat `b` (to dance or to film). The same heat always
 * clashes. With both start times, the windows [start - bufferBefore, start + heatMinutes +
 * bufferAfter) overlap; windows that only touch do not clash. Without both times, heats of the
 * same division, type and round clash when their numbers are within ±numberWindow.
 */
export function heatsClash(a: HeatSlot, b: HeatSlot, rules: ClashRules): boolean {
  if (a.id === b.id) return true;
  if (a.startsAt !== null && b.startsAt !== null) {
    const before = rules.bufferBeforeMinutes * MINUTE;
    const after = (rules.heatMinutes + rules.bufferAfterMinutes) * MINUTE;
    return a.startsAt - before < b.startsAt + after && b.startsAt - before < a.startsAt + after;
  }
  return (
    a.divisionId === b.divisionId &&
    a.typeId === b.typeId &&
    a.roundId === b.roundId &&
    Math.abs(a.number - b.number) <= rules.numberWindow
  );
}

/**
 * The clash relation of a list of heats as lists of indices (each heat is in its own list).
 * Heats without times are bucketed by division/type/round and timed ones are swept by start,
 * so an event with many heats costs far less than all pairs.
 */
export function clashLists(heats: HeatSlot[], rules: ClashRules): number[][] {
  const lists: number[][] = heats.map((_, i) => [i]);
  const link = (i: number, j: number): void => {
    lists[i]!.push(j);
    lists[j]!.push(i);
  };
  const timed: number[] = [];
  const series = new Map<string, number[]>();
  heats.forEach((heat, i) => {
    if (heat.startsAt !== null) timed.push(i);
    const key = `${heat.divisionId}\u0000${heat.typeId}\u0000${heat.roundId}`;
    const bucket = series.get(key);
    if (bucket) bucket.push(i);
    else series.set(key, [i]);
  });
  // The number rule applies unless both heats are timed.
  for (const bucket of series.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const a = heats[bucket[x]!]!;
        const b = heats[bucket[y]!]!;
        if (a.startsAt !== null && b.startsAt !== null) continue;
        if (heatsClash(a, b, rules)) link(bucket[x]!, bucket[y]!);
      }
    }
  }
  timed.sort((i, j) => heats[i]!.startsAt! - heats[j]!.startsAt! || i - j);
  const reach = (rules.bufferBeforeMinutes + rules.heatMinutes + rules.bufferAfterMinutes) * MINUTE;
  for (let x = 0; x < timed.length; x++) {
    const a = heats[timed[x]!]!;
    for (let y = x + 1; y < timed.length; y++) {
      const b = heats[timed[y]!]!;
      if (b.startsAt! - a.startsAt! >= reach) break;
      if (heatsClash(a, b, rules)) link(timed[x]!, timed[y]!);
    }
  }
  for (const list of lists) list.sort((p, q) => p - q);
  return lists;
}
