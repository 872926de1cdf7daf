import { describe, expect, it } from 'vitest';
import { ApiError } from './api/client';
import { errorMessage } from './errors';

describe('errorMessage', () => {
  it('says how long a lockout lasts, from Retry-After', () => {
    const locked = new ApiError(
      'rate_limited',
      'Too many failed sign-ins; wait and try again',
      429,
      undefined,
      840,
    );
    expect(errorMessage(locked, 'en-GB')).toBe(
      'Too many failed sign-ins. Try again in 14 minutes.',
    );
  });

  it('leaves other answers as the server wrote them', () => {
    expect(errorMessage(new ApiError('forbidden', 'Not yours', 403))).toBe('Not yours');
    expect(errorMessage(new ApiError('rate_limited', 'Slow down', 429))).toBe('Slow down');
  });
});
