import { WsdcLookupId, type Division } from '@spotlight/contracts';
import { isApiError } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { DIVISION_LABELS } from './labels';

/** Whether a typed WSDC number may be looked up (the lookup endpoint's own rule). */
export const isLookupId = (value: string) => WsdcLookupId.safeParse(value).success;

/** "Leader: Intermediate · Follower: Novice"; a role without placements says so. */
export function divisionSummary(divisions: {
  leaderDivision: Division | null;
  followerDivision: Division | null;
}): string {
  const label = (division: Division | null) =>
    division ? DIVISION_LABELS[division] : 'no points yet';
  return `Leader: ${label(divisions.leaderDivision)} · Follower: ${label(divisions.followerDivision)}`;
}

/** What a failed lookup tells the dancer, and whether trying again may help. */
export function lookupFailure(error: unknown, wsdcId: string): { message: string; retry: boolean } {
  const code = isApiError(error) ? error.code : undefined;
  if (code === 'wsdc_not_found') {
    return {
      message: `The WSDC registry has no dancer number ${wsdcId}. Check the number.`,
      retry: false,
    };
  }
  if (code === 'wsdc_unavailable' || code === 'network_error') {
    return {
      message: 'The WSDC registry is not answering right now. Try again in a minute.',
      retry: true,
    };
  }
  return { message: errorMessage(error), retry: code !== 'rate_limited' };
}

/** A public profile's WSDC line: "WSDC #99999: leader Intermediate, follower Novice". */
export function wsdcFact(user: {
  wsdcId: string | null;
  leaderDivision: Division | null;
  followerDivision: Division | null;
}): string | null {
  if (!user.wsdcId) return null;
  const roles = [
    user.leaderDivision && `leader ${DIVISION_LABELS[user.leaderDivision]}`,
    user.followerDivision && `follower ${DIVISION_LABELS[user.followerDivision]}`,
  ].filter(Boolean);
  return roles.length ? `WSDC #${user.wsdcId}: ${roles.join(', ')}` : `WSDC #${user.wsdcId}`;
}
