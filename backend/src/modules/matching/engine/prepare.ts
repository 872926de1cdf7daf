import { clashLists } from './clash';
import type { Dancer, HeatSlot, MatchingInput } from './types';

/** One (dancer, heat) pair that wants a recorder and has none kept. */
export interface Demand {
  dancer: number;
  heat: number;
}

/** The input indexed once, in a canonical order (by id), so every run is deterministic. */
export interface Prepared {
  heats: HeatSlot[];
  dancers: Dancer[];
  heatIndex: Map<string, number>;
  dancerIndex: Map<string, number>;
  /** Per heat, the heats it clashes with (itself included), ascending. */
  clash: number[][];
  /** Willing recorders with cap left, ascending dancer index. */
  recorders: number[];
  /** Per dancer: recordings still allowed this run (cap minus kept). */
  capLeft: Int32Array;
  /** Per dancer (as recorder): heats they may not film (own dancing, kept filming); null if not a recorder. */
  blocked: Array<Uint8Array | null>;
  /** Per dancer: karma = recordingsDone - recordingsReceived. */
  karma: Int32Array;
  /** Per dancer: normalised city key (country + city) and country, '' when unknown. */
  cityKey: string[];
  countryKey: string[];
  demands: Demand[];
  /** Demands (valid dancer and heat) already covered by kept assignments. */
  keptCovered: number;
  /** Declined (heat, dancer, recorder) as pairKey numbers. */
  declined: Set<number>;
}

const norm = (value: string | null): string => (value ?? '').trim().toLowerCase();

/** (heat, dancer, recorder) as one number, exact while heats × dancers² < 2^53. */
export const pairKey = (dancerCount: number, heat: number, dancer: number, recorder: number) =>
  (heat * dancerCount + dancer) * dancerCount + recorder;

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function dedupeById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return [...items].sort(byId).filter((item) => !seen.has(item.id) && !!seen.add(item.id));
}

export function prepare(input: MatchingInput): Prepared {
  const heats = dedupeById(input.heats);
  const dancers = dedupeById(input.dancers);
  const heatIndex = new Map(heats.map((heat, i) => [heat.id, i]));
  const dancerIndex = new Map(dancers.map((dancer, i) => [dancer.id, i]));
  const clash = clashLists(heats, input.rules);
  const H = heats.length;
  const danced: number[][] = dancers.map((dancer) => {
    const own = new Set<number>();
    for (const id of dancer.heats) {
      const h = heatIndex.get(id);
      if (h !== undefined) own.add(h);
    }
    return [...own].sort((a, b) => a - b);
  });

  const capLeft = new Int32Array(dancers.length).fill(input.maxRecordingsPerRecorder);
  const keptFilming: number[][] = dancers.map(() => []);
  const keptDemand = new Set<string>();
  for (const kept of input.kept) {
    const h = heatIndex.get(kept.heatId);
    const r = dancerIndex.get(kept.recorderId);
    const d = dancerIndex.get(kept.dancerId);
    if (r !== undefined) {
      capLeft[r] = capLeft[r]! - 1;
      if (h !== undefined) keptFilming[r]!.push(h);
    }
    if (h !== undefined && d !== undefined) keptDemand.add(`${d}:${h}`);
  }

  const blocked: Array<Uint8Array | null> = dancers.map((dancer, r) => {
    if (!dancer.willingToRecord || capLeft[r]! <= 0) return null;
    const mask = new Uint8Array(H);
    for (const h of danced[r]!) for (const c of clash[h]!) mask[c] = 1;
    for (const h of keptFilming[r]!) for (const c of clash[h]!) mask[c] = 1;
    return mask;
  });
  const recorders: number[] = [];
  blocked.forEach((mask, r) => mask && recorders.push(r));

  const demands: Demand[] = [];
  let keptCovered = 0;
  danced.forEach((own, d) => {
    for (const h of own) {
      if (keptDemand.has(`${d}:${h}`)) keptCovered++;
      else demands.push({ dancer: d, heat: h });
    }
  });

  const declined = new Set<number>();
  for (const pair of input.declined) {
    const h = heatIndex.get(pair.heatId);
    const d = dancerIndex.get(pair.dancerId);
    const r = dancerIndex.get(pair.recorderId);
    if (h !== undefined && d !== undefined && r !== undefined)
      declined.add(pairKey(dancers.length, h, d, r));
  }

  return {
    heats,
    dancers,
    heatIndex,
    dancerIndex,
    clash,
    recorders,
    capLeft,
    blocked,
    karma: Int32Array.from(dancers, (d) => d.recordingsDone - d.recordingsReceived),
    cityKey: dancers.map((d) => (norm(d.city) ? `${norm(d.country)}|${norm(d.city)}` : '')),
    countryKey: dancers.map((d) => norm(d.country)),
    demands,
    keptCovered,
    declined,
  };
}

/** Location relation of recorder r to dancer d: 0 same city, 1 same country, 2 anyone. */
export function locationRank(p: Prepared, r: number, d: number): 0 | 1 | 2 {
  const city = p.cityKey[d]!;
  if (city && city === p.cityKey[r]) return 0;
  const country = p.countryKey[d]!;
  if (country && country === p.countryKey[r]) return 1;
  return 2;
}

/** Whether r may film demand (d, h) at all, ignoring caps and what r films this run. */
export function canFilm(p: Prepared, r: number, d: number, h: number): boolean {
  const mask = p.blocked[r];
  if (!mask || r === d || mask[h] !== 0) return false;
  return p.declined.size === 0 || !p.declined.has(pairKey(p.dancers.length, h, d, r));
}
