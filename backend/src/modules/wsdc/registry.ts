/**
 * The adapter of the WSDC points registry (points.worldsdc.com), the only code that talks to
 * it. The registry's page posts a form, `num=<WSDC number>`, to /lookup2020/find and gets JSON:
 *
 *   { dancer_wsdcid, dancer_first, dancer_last, short_dominate_role,
 *     leader:   { placements: { "West Coast Swing": { NOV: { division: { id, name,
 *                 abbreviation }, total_points, competitions: [...] }, INT: {...} } } },
 *     follower: { placements: [] } }            // a role without placements: an empty list
 *
 * An unknown number gets a 404 or an empty answer. Laravel answers 419 when it wants a CSRF
 * token; that, a 5xx, a redirect, a body that is not the JSON above, a network error or a
 * timeout all mean "unavailable": the caller cannot tell the dancer does not exist.
 */
import type { Division, WsdcDancer } from '@spotlight/contracts';
import { z } from 'zod';

/** The skill ladder, lowest to highest, by the registry's division codes. */
const LADDER: Record<string, Division> = {
  NEW: 'newcomer',
  NOV: 'novice',
  INT: 'intermediate',
  ADV: 'advanced',
  ALS: 'all_star',
  CHMP: 'champion',
};
const RANK: Record<Division, number> = {
  newcomer: 0,
  novice: 1,
  intermediate: 2,
  advanced: 3,
  all_star: 4,
  champion: 5,
};

/** The style whose divisions count; the registry also lists other swing styles. */
const STYLE = 'West Coast Swing';

/** Larger answers are not a dancer (a champion's whole record is some hundreds of kB). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const Role = z
  .object({
    placements: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).nullish(),
  })
  .nullish();

const Answer = z.object({
  dancer_wsdcid: z.union([z.number().int(), z.string().regex(/^[0-9]+$/)]),
  dancer_first: z.string(),
  dancer_last: z.string(),
  leader: Role,
  follower: Role,
});

const DivisionEntry = z.object({
  division: z.object({ abbreviation: z.string().optional() }).nullish(),
});

/**
 * The highest ladder division (Newcomer … Champion) a role has West Coast Swing placements
 * in; null when it has none. Codes off the ladder (Juniors, Masters, Sophisticated,
 * Professional, Invitational, Teacher) are age or invitation divisions and do not count.
 */
export function highestDivision(placements: unknown): Division | null {
  if (!placements || Array.isArray(placements) || typeof placements !== 'object') return null;
  const style = (placements as Record<string, unknown>)[STYLE];
  if (!style || Array.isArray(style) || typeof style !== 'object') return null;
  let best: Division | null = null;
  for (const [key, value] of Object.entries(style)) {
    const entry = DivisionEntry.safeParse(value);
    const code = (entry.success ? entry.data.division?.abbreviation : undefined) ?? key;
    const division = LADDER[code.toUpperCase()];
    if (division && (best === null || RANK[division] > RANK[best])) best = division;
  }
  return best;
}

/** The dancer in a registry answer; null when the answer lists nobody (an unknown number). */
export function parseAnswer(wsdcId: string, json: unknown): WsdcDancer | null {
  if (json === null || json === false || json === '') return null;
  if (Array.isArray(json) && json.length === 0) return null;
  if (typeof json === 'object' && !Array.isArray(json) && !('dancer_wsdcid' in json)) {
    if (Object.keys(json).length === 0) return null;
  }
  const answer = Answer.parse(json);
  // The registry answers for the number asked; another one would be someone else.
  if (String(answer.dancer_wsdcid) !== String(Number(wsdcId))) return null;
  return {
    wsdcId: String(answer.dancer_wsdcid),
    firstName: answer.dancer_first.trim(),
    lastName: answer.dancer_last.trim(),
    leaderDivision: highestDivision(answer.leader?.placements),
    followerDivision: highestDivision(answer.follower?.placements),
  };
}

export class RegistryUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RegistryUnavailable';
  }
}

export interface WsdcRegistry {
  /** The dancer, or null when the registry lists nobody with that number; throws RegistryUnavailable. */
  find(wsdcId: string): Promise<WsdcDancer | null>;
}

export function createWsdcRegistry({
  url,
  timeoutMs,
}: {
  url: string;
  timeoutMs: number;
}): WsdcRegistry {
  return {
    async find(wsdcId) {
      let response: Response;
      let text: string;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        response = await fetch(url, {
          method: 'POST',
          body: new URLSearchParams({ num: wsdcId }),
          headers: {
            accept: 'application/json',
            // Laravel answers JSON, not a page, to a request that says it is one of its own.
            'x-requested-with': 'XMLHttpRequest',
            'user-agent': 'spotlight.cam WSDC lookup',
          },
          redirect: 'manual',
          signal,
        });
        if (Number(response.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
          throw new RegistryUnavailable('answer too large');
        }
        text = await response.text();
      } catch (error) {
        if (error instanceof RegistryUnavailable) throw error;
        throw new RegistryUnavailable(signal.aborted ? 'timeout' : `network: ${String(error)}`);
      }
      if (response.status === 404) return null;
      if (response.status !== 200) throw new RegistryUnavailable(`status ${response.status}`);
      if (text.length > MAX_BODY_BYTES) throw new RegistryUnavailable('answer too large');
      if (text.trim() === '') return null;
      try {
        return parseAnswer(wsdcId, JSON.parse(text));
      } catch {
        throw new RegistryUnavailable('answer is not the registry JSON');
      }
    },
  };
}
