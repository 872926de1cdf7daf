import { greedyChoice } from './greedy';
import { buildNetwork, type BuiltNetwork } from './network';
import { canFilm, locationRank, prepare, type Prepared } from './prepare';
import { repair } from './repair';
import { buildResult } from './result';
import type { MatchingInput, MatchingResult } from './types';

/**
 * The optimal matcher: a min-cost max flow (cover the most demands, then the cheapest in
 * karma and location), turned into concrete pairs, repaired where a recorder got two heats
 * that clash across clash groups, and topped up by augmenting moves. See docs/matching.md.
 */
export function matchOptimal(input: MatchingInput): MatchingResult {
  const startedAt = performance.now();
  const p = prepare(input);
  // Clash-group nodes tighten the relaxation but double the network; on big events the repair
  // step recovers the little they would add (see docs/matching.md).
  const groups = p.recorders.length * p.heats.length <= GROUPS_UP_TO;
  const built = buildNetwork(p, (r, h) => p.blocked[r]![h] === 0, groups);
  const bound = built.net.run(built.source, built.sink);
  const chosen = decompose(p, built);
  repair(p, chosen);
  // Never worse than the baseline: when repair left the flow short of its bound, greedy may win.
  const greedy = count(chosen) < bound ? greedyChoice(p) : null;
  const best = greedy && count(greedy) > count(chosen) ? greedy : chosen;
  return buildResult(p, best, bound, startedAt);
}

/** Recorders × heats up to which the network has clash-group nodes. */
const GROUPS_UP_TO = 100_000;

const count = (chosen: Int32Array): number => chosen.reduce((n, r) => (r >= 0 ? n + 1 : n), 0);

/**
 * Concrete recorder per demand from the flow. The flow fixed, per heat, which recorders film it
 * and which demands are served (and from which level of the location tree); within the heat any
 * recorder may film any of its demands, so each demand, city-fed first, takes the closest
 * remaining recorder. A declined pair is skipped; a demand left without one is for repair().
 */
function decompose(p: Prepared, built: BuiltNetwork): Int32Array {
  const chosen = new Int32Array(p.demands.length).fill(-1);
  const recordersOf = new Map<number, number[]>();
  const { arc, recorder, heat } = built.filmArcs;
  arc.forEach((id, k) => {
    if (built.net.flow(id) <= 0) return;
    const list = recordersOf.get(heat[k]!) ?? [];
    list.push(recorder[k]!);
    recordersOf.set(heat[k]!, list);
  });
  const demandsOf = new Map<number, Array<{ i: number; level: number }>>();
  p.demands.forEach((demand, i) => {
    const level = [0, 1, 2].find((l) => {
      const id = built.demandArcs[i * 3 + l]!;
      return id >= 0 && built.net.flow(id) > 0;
    });
    if (level === undefined) return;
    const list = demandsOf.get(demand.heat) ?? [];
    list.push({ i, level });
    demandsOf.set(demand.heat, list);
  });
  for (const [heat, list] of demandsOf) {
    const pool = (recordersOf.get(heat) ?? []).sort((a, b) => a - b);
    list.sort((a, b) => a.level - b.level || a.i - b.i);
    for (const { i } of list) {
      const d = p.demands[i]!.dancer;
      let best = -1;
      let bestRank = 3;
      pool.forEach((r, at) => {
        if (r < 0 || !canFilm(p, r, d, heat)) return;
        const rank = locationRank(p, r, d);
        if (rank < bestRank) [best, bestRank] = [at, rank];
      });
      if (best < 0) continue;
      chosen[i] = pool[best]!;
      pool[best] = -1;
    }
  }
  return chosen;
}
