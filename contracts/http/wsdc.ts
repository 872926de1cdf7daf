import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { Division } from './users';

/** A WSDC number as the registry knows them: digits only, at most 7 (the registry is near 25,000). */
export const WsdcLookupId = z
  .string()
  .trim()
  .regex(/^[0-9]{1,7}$/, 'Digits only, at most 7 (your WSDC number)');

export const WsdcLookupParams = z.object({ wsdcId: WsdcLookupId });

/**
 * A dancer as the WSDC points registry lists them: the name, and per role the highest skill
 * division (Newcomer to Champion) in which they placed; null when they have no placements in
 * that role. Age and invitational divisions (Juniors, Masters, Sophisticated…) do not count.
 */
export const WsdcDancer = z.object({
  wsdcId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  leaderDivision: Division.nullable(),
  followerDivision: Division.nullable(),
});
export type WsdcDancer = z.infer<typeof WsdcDancer>;

export const wsdcEndpoints = {
  lookup: defineEndpoint({
    method: 'GET',
    path: '/api/wsdc/:wsdcId',
    auth: 'user',
    tag: 'wsdc',
    summary:
      "A dancer's name and highest division per role from the WSDC points registry (cached; 502 when the registry does not answer)",
    params: WsdcLookupParams,
    response: WsdcDancer,
    errors: ['validation_error', 'wsdc_not_found', 'wsdc_unavailable', 'rate_limited'],
  }),
} as const;
