#!/usr/bin/env node
// Draws the app icons (a spotlight on a stage, white on violet) as PNGs with no dependency:
// 4×4 supersampled shapes, encoded with zlib. Run after changing the design; the output is
// committed in public/icons/.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const VIOLET = [124, 58, 237];
const DEEP = [91, 33, 182];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const encodePng = (size, rgba) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** Colour at a point of the unit square: [r, g, b, a] with a in 0..1. */
function shade(x, y, { rounded, scale }) {
  // Background: full bleed, or a rounded square with transparent corners.
  if (rounded) {
    const r = 0.22;
    const dx = Math.max(r - x, 0, x - (1 - r));
    const dy = Math.max(r - y, 0, y - (1 - r));
    if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  }
  const t = y; // vertical gradient
  let color = VIOLET.map((c, i) => c + (DEEP[i] - c) * t);
  // Content, scaled around the centre (maskable icons keep it in the safe zone).
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const white = (alpha) => {
    color = color.map((c) => c + (255 - c) * alpha);
  };
  // Beam: a trapezoid from the lamp down to the stage.
  if (v > 0.24 && v < 0.76) {
    const k = (v - 0.24) / 0.52;
    const half = 0.06 + k * 0.24;
    if (Math.abs(u - 0.5) < half) white(0.28 + 0.1 * (1 - k));
  }
  // Stage: an ellipse of light.
  const ex = (u - 0.5) / 0.31;
  const ey = (v - 0.76) / 0.075;
  if (ex * ex + ey * ey < 1) white(0.95);
  // Lamp.
  const lx = u - 0.5;
  const ly = v - 0.2;
  if (lx * lx + ly * ly < 0.085 * 0.085) white(1);
  return [...color, 1];
}

function render(size, options) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = shade(
            (x + (sx + 0.5) / n) / size,
            (y + (sy + 0.5) / n) / size,
            options,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (y * size + x) * 4;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return encodePng(size, rgba);
}

const icons = [
  ['icon-192.png', 192, { rounded: true, scale: 1 }],
  ['icon-512.png', 512, { rounded: true, scale: 1 }],
  // Maskable: full bleed, content inside the 80% safe circle.
  ['icon-maskable-512.png', 512, { rounded: false, scale: 0.72 }],
  ['apple-touch-icon.png', 180, { rounded: false, scale: 0.86 }],
];
for (const [name, size, options] of icons) {
  writeFileSync(path.join(out, name), render(size, options));
  process.stdout.write(`wrote public/icons/${name}\n`);
}
