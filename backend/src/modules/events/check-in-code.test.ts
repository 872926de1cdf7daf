import { describe, expect, it } from 'vitest';
import { createCheckInCodes } from './check-in-code';

const codes = createCheckInCodes('a-server-secret-of-at-least-32-characters', 60);
const minute = 60_000;
const t0 = Date.UTC(2030, 0, 1, 18, 0, 0);

describe('check-in codes', () => {
  it('rotate every window; the previous one still passes, an older one never does', () => {
    const first = codes.current(7, t0);
    expect(first.expiresAt.getTime()).toBe(t0 + minute);
    const next = codes.current(7, t0 + minute);
    expect(next.token).not.toBe(first.token);
    expect(codes.verify(7, first.token, t0 + 30_000)).toBe(true);
    // A dancer who scans just before the screen changes still gets in.
    expect(codes.verify(7, first.token, t0 + minute + 59_000)).toBe(true);
    // A photo sent home is dead two windows later.
    expect(codes.verify(7, first.token, t0 + 2 * minute)).toBe(false);
  });

  it("are one event's only, and signed with the server's key", () => {
    const { token } = codes.current(7, t0);
    expect(codes.verify(8, token, t0)).toBe(false);
    const other = createCheckInCodes('another-server-secret-of-32-characters!!', 60);
    expect(other.verify(7, token, t0)).toBe(false);
  });

  it('refuse any change to the text, including base64 spare bits', () => {
    const { token } = codes.current(7, t0);
    const [window, mac] = token.split('.') as [string, string];
    // The last base64url character carries 4 spare bits here (16 bytes → 22 characters).
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(mac.at(-1)!);
    const sibling = alphabet[last ^ 1]!;
    for (const forged of [
      `${window}.${mac.slice(0, -1)}${sibling}`,
      `${window}.${mac}=`,
      `${window}.${mac.slice(1)}`,
      `${(parseInt(window, 36) + 1).toString(36)}.${mac}`,
      '',
    ]) {
      expect(codes.verify(7, forged, t0)).toBe(false);
    }
  });
});
