#!/usr/bin/env node
// Draws the toolbar and store icons (public/icons/icon-{16,32,48,128}.png) with no image library:
// a blue tile, a lanyard strap and a gold medal with a check mark, supersampled 4×4 per pixel.
// Run once after changing the drawing: node scripts/gen-icons.mjs
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const BLUE = [36, 88, 200], STRAP = [207, 224, 255], WHITE = [255, 255, 255], GOLD = [245, 183, 0];

function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function inRoundRect(x, y, inset, r) {
  const cx = Math.max(inset + r, Math.min(1 - inset - r, x)), cy = Math.max(inset + r, Math.min(1 - inset - r, y));
  return Math.hypot(x - cx, y - cy) <= r;
}
/** The colour at a point of the unit square, or null outside the tile. */
function paint(x, y) {
  if (!inRoundRect(x, y, 0.02, 0.2)) return null;
  const r = Math.hypot(x - 0.5, y - 0.62);
  const check = Math.min(segDist(x, y, 0.41, 0.62, 0.48, 0.69), segDist(x, y, 0.48, 0.69, 0.6, 0.55));
  if (r <= 0.2) return check <= 0.035 ? WHITE : GOLD;
  if (r <= 0.26) return WHITE;
  const strap = Math.min(segDist(x, y, 0.24, 0, 0.44, 0.42), segDist(x, y, 0.76, 0, 0.56, 0.42));
  return strap <= 0.055 ? STRAP : BLUE;
}

function png(size) {
  const S = 4, raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let j = 0; j < S; j++) for (let i = 0; i < S; i++) {
        const c = paint((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
        if (c) { acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 1; }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let k = 0; k < 3; k++) raw[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      raw[o + 3] = Math.round((255 * acc[3]) / (S * S));
    }
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`icon-${size}.png`, dir), png(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to public/icons/`);
