/**
 * The code on the screen at the venue's door. It is an HMAC of the event and a time window,
 * so it needs no storage, and it rotates: a code is valid in its own window and the next one
 * (a dancer who scans just before the screen changes still gets in), and then never again, so
 * a photo sent to a friend at home expires within two windows.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export interface CheckInCodes {
  /** The code for now, and when the screen should show the next one. */
  current(eventId: number, now?: number): { token: string; expiresAt: Date };
  /** Whether `token` is this event's code for now or for the window before. */
  verify(eventId: number, token: string, now?: number): boolean;
}

export function createCheckInCodes(secret: string, windowSeconds: number): CheckInCodes {
  // A key of its own, derived from the server's secret: a session token can never be a code.
  const key = Buffer.from(hkdfSync('sha256', secret, 'spotlight.cam', 'check-in code v1', 32));
  const period = windowSeconds * 1000;
  const sign = (eventId: number, window: number) =>
    `${window.toString(36)}.${createHmac('sha256', key)
      .update(`${eventId}:${window}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url')}`;

  return {
    current(eventId, now = Date.now()) {
      const window = Math.floor(now / period);
      return { token: sign(eventId, window), expiresAt: new Date((window + 1) * period) };
    },
    verify(eventId, token, now = Date.now()) {
      const window = Math.floor(now / period);
      const given = Buffer.from(token);
      // The text is compared, not the decoded bytes: base64 has spare bits, and a token that
      // differs only in them must not pass.
      return [window, window - 1].some((w) => {
        const expected = Buffer.from(sign(eventId, w));
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
    },
  };
}
