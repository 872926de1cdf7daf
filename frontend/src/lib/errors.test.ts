import { describe, expect, it } from 'vitest';
import { ApiError } from './api/client';
import { errorMessage, errorMessageFor } from './errors';

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

describe('errorMessageFor', () => {
  const messages = { blocked: 'You cannot reach this dancer.', rate_limited: 'never shown' };

  it('uses the action’s words for its codes, the server’s for the rest', () => {
    expect(errorMessageFor(new ApiError('blocked', 'blocked', 403), messages)).toBe(
      'You cannot reach this dancer.',
    );
    expect(errorMessageFor(new ApiError('not_participant', 'Join first', 403), messages)).toBe(
      'Join first',
    );
    expect(errorMessageFor(new Error('boom'), messages)).toBe('boom');
  });

  it('keeps a rate limit’s wait from Retry-After', () => {
    const limited = new ApiError('rate_limited', 'Too many requests', 429, undefined, 60);
    expect(errorMessageFor(limited, messages, 'en-GB')).toBe(
      'Too many requests. Try again in 1 minute.',
    );
  });
});
