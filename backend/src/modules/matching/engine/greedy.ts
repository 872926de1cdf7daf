import { canFilm, locationRank, prepare, type Prepared } from './prepare';
import { buildResult } from './result';
import type { MatchingInput, MatchingResult } from './types';

/**
 * The baseline, as the existing tools do it: dancers by karma (highest first), each of their
 * heats in turn takes the best free recorder at that moment (same city, then same country, then
 * anyone; fewest recordings first), and never looks back.
 */
export function matchGreedy(input: MatchingInput): MatchingResult {
  const startedAt = performance.now();
  const p = prepare(input);
  const chosen = greedyChoice(p);
  return buildResult(p, chosen, simpleBound(p), startedAt);
}

/** Greedy recorder (dancer index, or -1) per demand of p.demands; exported for the optimal's seed. */
export function greedyChoice(p: Prepared): Int32Array {
  const chosen = new Int32Array(p.demands.length).fill(-1);
  const used = new Int32Array(p.dancers.length);
  const filming: number[][] = p.dancers.map(() => []);
  const order = p.demands.map((_, i) => i);
  order.sort((i, j) => {
    const a = p.demands[i]!;
    const b = p.demands[j]!;
    return p.karma[b.dancer]! - p.karma[a.dancer]! || a.dancer - b.dancer || a.heat - b.heat;
  });
  for (const i of order) {
    const { dancer: d, heat: h } = p.demands[i]!;
    let best = -1;
    let bestRank = 3;
    for (const r of p.recorders) {
      if (used[r]! >= p.capLeft[r]! || !canFilm(p, r, d, h)) continue;
      const rank = locationRank(p, r, d);
      if (rank > bestRank || (rank === bestRank && used[r]! >= used[best]!)) continue;
      if (filming[r]!.some((f) => p.clash[f]!.includes(h))) continue;
      best = r;
      bestRank = rank;
    }
    if (best < 0) continue;
    chosen[i] = best;
    used[best]!++;
    filming[best]!.push(h);
  }
  return chosen;
}

/** A ceiling any assignment respects: each demand once, each recorder up to its cap. */
export function simpleBound(p: Prepared): number {
  let capacity = 0;
  for (const r of p.recorders) capacity += p.capLeft[r]!;
  return Math.min(capacity, p.demands.length);
}
