/**
 * Realistic West Coast Swing competition days from a seed: divisions by size, Jack & Jill for
 * nearly everyone, Strictly and Classic for some, later rounds for fewer, about 24 dancers a
 * heat, about 20% of heats with a scheduled time (one floor, a heat every 4 minutes), half the
 * dancers willing to record, cities mostly from around the host city.
 */
import type { Dancer, HeatSlot, MatchingInput } from '../../backend/src/modules/matching/engine';

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES: Array<[string | null, string | null, number]> = [
  ['Berlin', 'Germany', 24],
  ['Hamburg', 'Germany', 8],
  ['Munich', 'Germany', 7],
  ['Cologne', 'Germany', 4],
  ['Paris', 'France', 8],
  ['Lyon', 'France', 3],
  ['London', 'United Kingdom', 7],
  ['Manchester', 'United Kingdom', 2],
  ['Amsterdam', 'Netherlands', 5],
  ['Warsaw', 'Poland', 5],
  ['Krakow', 'Poland', 2],
  ['Prague', 'Czechia', 4],
  ['Stockholm', 'Sweden', 3],
  ['Madrid', 'Spain', 3],
  ['Milan', 'Italy', 3],
  ['Zurich', 'Switzerland', 3],
  ['Vienna', 'Austria', 3],
  [null, 'Germany', 2],
  [null, null, 2],
];
const DIVISIONS: Array<[string, number]> = [
  ['Newcomer', 15],
  ['Novice', 25],
  ['Intermediate', 22],
  ['Advanced', 14],
  ['All-Star', 10],
  ['Champion', 4],
  ['Masters', 6],
  ['Juniors', 4],
];
/** [type, round, probability a dancer enters]: about 3 heats a dancer on average. */
const ENTRIES: Array<[string, string, number]> = [
  ['J&J', 'Prelims', 1],
  ['Strictly', 'Prelims', 0.5],
  ['Classic', 'Prelims', 0.15],
  ['J&J', 'Quarters', 0.45],
  ['J&J', 'Semis', 0.35],
  ['J&J', 'Finals', 0.2],
  ['Strictly', 'Finals', 0.2],
  ['Classic', 'Finals', 0.1],
  ['Showcase', 'Finals', 0.05],
];
const PER_HEAT = 24;
const DAY = Date.UTC(2026, 5, 13, 9, 0);

function pick<T>(random: () => number, items: Array<[...unknown[], number]>): T {
  const total = items.reduce((s, item) => s + (item[item.length - 1] as number), 0);
  let x = random() * total;
  for (const item of items) {
    x -= item[item.length - 1] as number;
    if (x < 0) return item as T;
  }
  return items[items.length - 1] as T;
}

/** `willing`: the share of dancers willing to record (half by default). */
export function generateEvent(dancerCount: number, seed: number, willing = 0.5): MatchingInput {
  const random = prng(seed);
  const dancers: Dancer[] = [];
  const entrants = new Map<string, number[]>();
  for (let i = 0; i < dancerCount; i++) {
    const [city, country] = pick<[string | null, string | null, number]>(random, PLACES);
    const [division] = pick<[string, number]>(random, DIVISIONS);
    dancers.push({
      id: `d${String(i).padStart(5, '0')}`,
      name: `Dancer ${i}`,
      city,
      country,
      willingToRecord: random() < willing,
      recordingsDone: Math.floor(random() * random() * 8),
      recordingsReceived: Math.floor(random() * random() * 8),
      heats: [],
    });
    for (const [type, round, p] of ENTRIES) {
      if (random() >= p) continue;
      const key = `${division}|${type}|${round}`;
      entrants.set(key, [...(entrants.get(key) ?? []), i]);
    }
  }
  const heats: HeatSlot[] = [];
  const series = [...entrants.keys()].sort();
  const timedSeries = new Set(series.filter(() => random() < 0.2));
  let clock = DAY;
  for (const key of series) {
    const [division, type, round] = key.split('|') as [string, string, string];
    const list = entrants.get(key)!;
    const count = Math.max(1, Math.round(list.length / PER_HEAT));
    for (let n = 1; n <= count; n++) {
      const heat: HeatSlot = {
        id: `${key}|${n}`,
        divisionId: division,
        typeId: type,
        roundId: round,
        number: n,
        startsAt: timedSeries.has(key) ? (clock += 4 * 60_000) : null,
        label: `${division} ${type} ${round} heat ${n}`,
      };
      heats.push(heat);
    }
    // Shuffle entrants into heats.
    for (let k = list.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [list[k], list[j]] = [list[j]!, list[k]!];
    }
    list.forEach((d, k) => dancers[d]!.heats.push(`${key}|${(k % count) + 1}`));
  }
  return {
    heats,
    dancers,
    rules: { heatMinutes: 3, bufferBeforeMinutes: 5, bufferAfterMinutes: 5, numberWindow: 1 },
    maxRecordingsPerRecorder: 3,
    kept: [],
    declined: [],
  };
}
