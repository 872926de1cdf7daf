import { explain } from './explain';
import { canFilm, locationRank, type Prepared } from './prepare';
import type { MatchingResult } from './types';

/**
 * The MatchingResult for `chosen[i]` = recorder (dancer index) of p.demands[i], or -1.
 * `upperBound` is the caller's proven ceiling on new coverage.
 */
export function buildResult(
  p: Prepared,
  chosen: Int32Array,
  upperBound: number,
  startedAt: number,
): MatchingResult {
  const assignments: MatchingResult['assignments'] = [];
  const uncovered: MatchingResult['uncovered'] = [];
  const wanted = new Int32Array(p.dancers.length);
  const got = new Int32Array(p.dancers.length);
  let eligible = 0;
  p.demands.forEach((demand, i) => {
    const dancer = p.dancers[demand.dancer]!;
    const heat = p.heats[demand.heat]!;
    const r = chosen[i]!;
    if (hasCandidate(p, demand.dancer, demand.heat)) {
      eligible++;
      wanted[demand.dancer]!++;
    }
    if (r < 0) {
      uncovered.push({ heatId: heat.id, dancerId: dancer.id, reason: 'no_free_recorder' });
      return;
    }
    got[demand.dancer]!++;
    const recorder = p.dancers[r]!;
    assignments.push({
      heatId: heat.id,
      dancerId: dancer.id,
      recorderId: recorder.id,
      explanation: explain(dancer, recorder, locationRank(p, r, demand.dancer)),
    });
  });
  const shares: number[] = [];
  wanted.forEach((w, d) => w > 0 && shares.push(Math.min(1, got[d]! / w)));
  const mean = shares.reduce((s, x) => s + x, 0) / (shares.length || 1);
  const variance = shares.reduce((s, x) => s + (x - mean) ** 2, 0) / (shares.length || 1);
  const covered = p.keptCovered + assignments.length;
  return {
    assignments,
    uncovered,
    stats: {
      demands: p.keptCovered + p.demands.length,
      covered,
      keptCovered: p.keptCovered,
      eligible: p.keptCovered + eligible,
      upperBound: p.keptCovered + Math.min(upperBound, eligible),
      fairnessSpread: Math.round(Math.sqrt(variance) * 1e4) / 1e4,
      ms: Math.round((performance.now() - startedAt) * 10) / 10,
    },
  };
}

/** Whether any recorder could film this demand, ignoring caps and other demands. */
export function hasCandidate(p: Prepared, d: number, h: number): boolean {
  return p.recorders.some((r) => canFilm(p, r, d, h));
}
