import jsQR from 'jsqr';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { checkInPath } from './scan';

const ORIGIN = 'https://spotlight.example';

/** The QR code of `text` as RGBA pixels, the way a camera frame reaches jsQR. */
function qrPixels(text: string, scale = 4, margin = 4) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + margin * 2) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - margin;
      const my = Math.floor(y / scale) - margin;
      const dark =
        mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(mx, my);
      if (dark) pixels.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return { pixels, size };
}

describe('the door code', () => {
  const url = `${ORIGIN}/events/3/check-in?token=3.29733.Ab-c_d%2Be`;

  it('reads back from the QR code it is drawn as', () => {
    const { pixels, size } = qrPixels(url);
    expect(jsQR(pixels, size, size)?.data).toBe(url);
  });

  it('becomes a path in this app, keeping only the event and the token', () => {
    expect(checkInPath(url, ORIGIN)).toBe('/events/3/check-in?token=3.29733.Ab-c_d%2Be');
    // Another site's link with the same shape still opens here, never there.
    expect(checkInPath('https://evil.example/events/3/check-in?token=x', ORIGIN)).toBe(
      '/events/3/check-in?token=x',
    );
  });

  it('is not a check-in code when the path or the token is wrong', () => {
    expect(checkInPath('hello', ORIGIN)).toBeUndefined();
    expect(checkInPath(`${ORIGIN}/events/3/check-in`, ORIGIN)).toBeUndefined();
    expect(checkInPath(`${ORIGIN}/events/abc/check-in?token=x`, ORIGIN)).toBeUndefined();
    expect(checkInPath(`${ORIGIN}/matches/3?token=x`, ORIGIN)).toBeUndefined();
  });
});
