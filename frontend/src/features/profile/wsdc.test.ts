import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api/client';
import { startI18n } from '../../lib/i18n';
import { divisionSummary, isLookupId, lookupFailure, wsdcFact } from './wsdc';

describe('WSDC autofill wording', () => {
  beforeAll(async () => {
    // The tests run without a DOM: applying a language sets the page's `lang`.
    vi.stubGlobal('document', { documentElement: {} });
    await startI18n('en');
  });

  it('sums the divisions up per role, saying when a role has no points', () => {
    expect(divisionSummary({ leaderDivision: 'intermediate', followerDivision: 'novice' })).toBe(
      'Leader: Intermediate · Follower: Novice',
    );
    expect(divisionSummary({ leaderDivision: 'all_star', followerDivision: null })).toBe(
      'Leader: All-Star · Follower: no points yet',
    );
  });

  it('looks up 1–7 digits only', () => {
    expect(['1', '99999', '1234567'].every(isLookupId)).toBe(true);
    expect(['', '12345678', '12a', ' '].some(isLookupId)).toBe(false);
  });

  it('tells not found from unavailable, and offers a retry only where it may help', () => {
    const notFound = new ApiError('wsdc_not_found', 'none', 404);
    expect(lookupFailure(notFound, '12')).toEqual({
      message: 'The WSDC registry has no dancer number 12. Check the number.',
      retry: false,
    });
    const down = lookupFailure(new ApiError('wsdc_unavailable', 'down', 502), '12');
    expect(down.retry).toBe(true);
    expect(down.message).toMatch(/not answering/);
    expect(lookupFailure(new ApiError('network_error', 'offline', 0), '12').retry).toBe(true);
  });

  it('puts the number and the divisions on one line of the public profile', () => {
    const base = { wsdcId: '99999', leaderDivision: null, followerDivision: null };
    expect(wsdcFact(base)).toBe('WSDC #99999');
    expect(wsdcFact({ ...base, leaderDivision: 'intermediate', followerDivision: 'novice' })).toBe(
      'WSDC #99999: leader Intermediate, follower Novice',
    );
    expect(wsdcFact({ ...base, wsdcId: null, followerDivision: 'novice' })).toBeNull();
  });
});
