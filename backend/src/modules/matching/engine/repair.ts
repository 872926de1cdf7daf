import { karmaCost, LOCATION_COST } from './network';
import { canFilm, locationRank, type Prepared } from './prepare';

/** Work cap of the augmenting search, so a pathological input still ends fast. */
const SEARCH_BUDGET = 20_000_000;

/**
 * Makes `chosen` keep every hard rule, then covers what it can of the rest. First, a recorder
 * who got two heats that clash (possible across clash groups, which the flow cannot see) keeps
 * the cheaper demands. Then each uncovered demand, best karma first, takes a free recorder, or
 * a recorder who hands one of theirs to a free recorder (an augmenting path of length two).
 */
export function repair(p: Prepared, chosen: Int32Array): void {
  const clashes = (a: number, b: number): boolean => p.clash[a]!.includes(b);
  const filming: number[][] = p.dancers.map(() => []);
  const cost = (i: number): number => {
    const { dancer } = p.demands[i]!;
    return karmaCost(p.karma[dancer]!) + LOCATION_COST[locationRank(p, chosen[i]!, dancer)];
  };
  const held: number[][] = p.dancers.map(() => []);
  chosen.forEach((r, i) => r >= 0 && held[r]!.push(i));
  held.forEach((list, r) => {
    list.sort((a, b) => cost(a) - cost(b) || a - b);
    for (const i of list) {
      const h = p.demands[i]!.heat;
      const mine = filming[r]!;
      if (mine.length >= p.capLeft[r]! || mine.some((j) => clashes(p.demands[j]!.heat, h)))
        chosen[i] = -1;
      else mine.push(i);
    }
  });

  const free = (r: number, h: number, except = -1): boolean =>
    filming[r]!.every((j) => j === except || !clashes(p.demands[j]!.heat, h));
  const assign = (i: number, r: number): void => {
    chosen[i] = r;
    filming[r]!.push(i);
  };
  const unassign = (i: number): void => {
    const r = chosen[i]!;
    filming[r] = filming[r]!.filter((j) => j !== i);
    chosen[i] = -1;
  };

  const open = p.demands.map((_, i) => i).filter((i) => chosen[i]! < 0);
  open.sort((a, b) => {
    const x = p.demands[a]!;
    const y = p.demands[b]!;
    return p.karma[y.dancer]! - p.karma[x.dancer]! || a - b;
  });
  let budget = SEARCH_BUDGET;
  for (const u of open) {
    if (budget <= 0) break;
    const { dancer: d, heat: h } = p.demands[u]!;
    const spare = p.recorders.filter((r) => filming[r]!.length < p.capLeft[r]!);
    budget -= p.recorders.length;
    let best = -1;
    let bestRank = 3;
    for (const r of spare) {
      if (!canFilm(p, r, d, h) || !free(r, h)) continue;
      const rank = locationRank(p, r, d);
      if (rank < bestRank) [best, bestRank] = [r, rank];
    }
    if (best >= 0) {
      assign(u, best);
      continue;
    }
    if (spare.length === 0) continue;
    swap: for (const r of p.recorders) {
      if (!canFilm(p, r, d, h)) continue;
      const blocking = filming[r]!.filter((j) => clashes(p.demands[j]!.heat, h));
      if (blocking.length > 1) continue;
      const full = filming[r]!.length >= p.capLeft[r]!;
      const handOver = blocking.length === 1 ? blocking : full ? [...filming[r]!] : [];
      for (const x of handOver) {
        const { dancer: xd, heat: xh } = p.demands[x]!;
        for (const r2 of spare) {
          budget--;
          if (r2 === r || !canFilm(p, r2, xd, xh) || !free(r2, xh)) continue;
          unassign(x);
          assign(x, r2);
          assign(u, r);
          break swap;
        }
      }
      if (--budget <= 0) break;
    }
  }
}
