import { FlowNetwork } from './mcmf';
import type { Prepared } from './prepare';

/** Location costs by locationRank (same city, same country, anyone). */
export const LOCATION_COST = [0, 1, 3] as const;
/** Each further heat of the same dancer costs this much more: spread coverage across dancers. */
const EXTRA_HEAT_COST = 2;

/** Karma cost: high karma (filmed others, was filmed little) is cheaper to serve. */
export const karmaCost = (karma: number): number => Math.min(6, Math.max(0, 3 - karma));

export interface BuiltNetwork {
  net: FlowNetwork;
  source: number;
  sink: number;
  /** Arcs recorder (or its clash-group node) → heat, with who films which heat. */
  filmArcs: { arc: number[]; recorder: number[]; heat: number[] };
  /** Per demand, the arcs that feed it from its heat's city, country and "anyone" nodes (-1: none). */
  demandArcs: Int32Array;
}

/**
 * Heats split into groups of mutually clashing heats (cliques), in schedule order. A recorder
 * films at most one heat per group, a constraint every valid assignment meets, so the network
 * stays a relaxation and its max flow an upper bound.
 */
export function clashGroups(p: Prepared): Int32Array {
  const order = p.heats.map((_, i) => i);
  const key = (i: number): [number, string, number] => {
    const heat = p.heats[i]!;
    return [
      heat.startsAt ?? Infinity,
      `${heat.divisionId}\u0000${heat.typeId}\u0000${heat.roundId}`,
      heat.number,
    ];
  };
  order.sort((i, j) => {
    const [ta, sa, na] = key(i);
    const [tb, sb, nb] = key(j);
    if (ta !== tb) return ta - tb;
    if (sa !== sb) return sa < sb ? -1 : 1;
    return na - nb || i - j;
  });
  const group = new Int32Array(p.heats.length);
  let members: number[] = [];
  let current = -1;
  for (const h of order) {
    const clash = p.clash[h]!;
    if (current < 0 || !members.every((m) => clash.includes(m))) {
      current++;
      members = [];
    }
    members.push(h);
    group[h] = current;
  }
  return group;
}

/** Small ids for the distinct values of `keys` ('' → -1). */
function indexKeys(keys: string[]): { ids: Int32Array; count: number } {
  const seen = new Map<string, number>();
  const ids = Int32Array.from(keys, (k) => {
    if (!k) return -1;
    let id = seen.get(k);
    if (id === undefined) seen.set(k, (id = seen.size));
    return id;
  });
  return { ids, count: seen.size };
}

/**
 * The flow network: source → recorder (cap left) → clash group (1) → the heat's location tree
 * (city → country → anyone) → demand (1, location cost) → dancer → sink (karma cost, rising
 * with each further heat of the same dancer).
 */
export function buildNetwork(
  p: Prepared,
  eligible: (r: number, h: number) => boolean,
  useGroups = true,
): BuiltNetwork {
  const net = new FlowNetwork();
  const source = net.node();
  const sink = net.node();
  const H = p.heats.length;
  const group = clashGroups(p);
  const city = indexKeys(p.cityKey);
  const country = indexKeys(p.countryKey);
  const countryOfCity = new Int32Array(city.count).fill(-1);
  p.dancers.forEach((_, d) => city.ids[d]! >= 0 && (countryOfCity[city.ids[d]!] = country.ids[d]!));
  const hasDemand = new Uint8Array(H);
  for (const demand of p.demands) hasDemand[demand.heat] = 1;
  const anyNode = new Int32Array(H).fill(-1);
  const countryNode = new Int32Array(H * country.count).fill(-1);
  const cityNode = new Int32Array(H * city.count).fill(-1);
  const BIG = 1 << 30;

  const anyOf = (h: number): number => {
    if (anyNode[h]! < 0) anyNode[h] = net.node();
    return anyNode[h]!;
  };
  const countryOf = (h: number, k: number): number => {
    const at = h * country.count + k;
    if (countryNode[at]! < 0) net.arc((countryNode[at] = net.node()), anyOf(h), BIG, 0);
    return countryNode[at]!;
  };
  const cityOf = (h: number, c: number): number => {
    const at = h * city.count + c;
    if (cityNode[at]! >= 0) return cityNode[at]!;
    const k = countryOfCity[c]!;
    net.arc((cityNode[at] = net.node()), k >= 0 ? countryOf(h, k) : anyOf(h), BIG, 0);
    return cityNode[at]!;
  };
  const entryOf = (r: number, h: number): number => {
    if (city.ids[r]! >= 0) return cityOf(h, city.ids[r]!);
    if (country.ids[r]! >= 0) return countryOf(h, country.ids[r]!);
    return anyOf(h);
  };

  const filmArcs: BuiltNetwork['filmArcs'] = { arc: [], recorder: [], heat: [] };
  const groupNode = new Int32Array(H).fill(-1);
  const groupSize = new Int32Array(H);
  for (const r of p.recorders) {
    const heats: number[] = [];
    for (let h = 0; h < H; h++) if (hasDemand[h] && eligible(r, h)) heats.push(h);
    if (heats.length === 0) continue;
    const rn = net.node();
    net.arc(source, rn, p.capLeft[r]!, 0);
    groupNode.fill(-1);
    groupSize.fill(0);
    if (useGroups) for (const h of heats) groupSize[group[h]!]!++;
    for (const h of heats) {
      let from = rn;
      const g = group[h]!;
      if (groupSize[g]! > 1) {
        if (groupNode[g]! < 0) net.arc(rn, (groupNode[g] = net.node()), 1, 0);
        from = groupNode[g]!;
      }
      filmArcs.arc.push(net.arc(from, entryOf(r, h), 1, 0));
      filmArcs.recorder.push(r);
      filmArcs.heat.push(h);
    }
  }

  const wanted = new Int32Array(p.dancers.length);
  for (const demand of p.demands) wanted[demand.dancer]!++;
  const dancerNode = new Int32Array(p.dancers.length).fill(-1);
  const demandArcs = new Int32Array(p.demands.length * 3).fill(-1);
  p.demands.forEach(({ dancer: d, heat: h }, i) => {
    const dn = net.node();
    const c = city.ids[d]!;
    const k = country.ids[d]!;
    const feeds = [
      c >= 0 ? cityNode[h * city.count + c]! : -1,
      k >= 0 ? countryNode[h * country.count + k]! : -1,
      anyNode[h]!,
    ];
    feeds.forEach((node, level) => {
      if (node >= 0) demandArcs[i * 3 + level] = net.arc(node, dn, 1, LOCATION_COST[level]!);
    });
    if (dancerNode[d]! < 0) {
      dancerNode[d] = net.node();
      for (let n = 0; n < wanted[d]!; n++)
        net.arc(dancerNode[d]!, sink, 1, karmaCost(p.karma[d]!) + EXTRA_HEAT_COST * n);
    }
    net.arc(dn, dancerNode[d]!, 1, 0);
  });
  return { net, source, sink, filmArcs, demandArcs };
}
