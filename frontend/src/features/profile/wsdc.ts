import { WsdcLookupId, type Division } from '@spotlight/contracts';
import i18next from 'i18next';
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
    division ? DIVISION_LABELS[division] : i18next.t('profile.wsdc.noPoints');
  return i18next.t('profile.wsdc.summary', {
    leader: label(divisions.leaderDivision),
    follower: label(divisions.followerDivision),
  });
}

/** What a failed lookup tells the dancer, and whether trying again may help. */
export function lookupFailure(error: unknown, wsdcId: string): { message: string; retry: boolean } {
  const code = isApiError(error) ? error.code : undefined;
  if (code === 'wsdc_not_found') {
    return { message: i18next.t('profile.wsdc.notFound', { id: wsdcId }), retry: false };
  }
  if (code === 'wsdc_unavailable' || code === 'network_error') {
    return { message: i18next.t('profile.wsdc.unavailable'), retry: true };
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
    user.leaderDivision &&
      i18next.t('profile.wsdc.leader', { division: DIVISION_LABELS[user.leaderDivision] }),
    user.followerDivision &&
      i18next.t('profile.wsdc.follower', { division: DIVISION_LABELS[user.followerDivision] }),
  ].filter(Boolean);
  return roles.length
    ? i18next.t('profile.wsdc.factRoles', { id: user.wsdcId, roles: roles.join(', ') })
    : i18next.t('profile.wsdc.fact', { id: user.wsdcId });
}
