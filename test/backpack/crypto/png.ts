/**
 * PNG images for the test backpack: a round badge drawn from a seed, baked with an `iTXt` chunk
 * (OB 2.0 Baking §PNG: keyword `openbadges`; OB 3.0 §5.3.1: keyword `openbadgecredential`;
 * uncompressed, empty language tag and translated keyword), and read back when a baked image is
 * imported. The chunk goes right after IHDR, where Badgr's bakery puts it.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A `size`×`size` RGBA badge: a coloured disc with a lighter ring, transparent outside. */
export function badgeImage(seed: string, size = 96): Buffer {
  const h = createHash('sha256').update(seed).digest();
  const [r, g, b] = [64 + ((h[0] ?? 0) % 160), 64 + ((h[1] ?? 0) % 160), 64 + ((h[2] ?? 0) % 160)];
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c) / c;
      const o = row + 1 + x * 4;
      if (d > 1) continue;
      const ring = d > 0.8 ? 60 : 0;
      raw[o] = Math.min(255, r + ring);
      raw[o + 1] = Math.min(255, g + ring);
      raw[o + 2] = Math.min(255, b + ring);
      raw[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

interface Chunk {
  type: string;
  data: Buffer;
  start: number;
  end: number;
}

function chunks(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const out: Chunk[] = [];
  for (let p = 8; p + 12 <= png.length; ) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const end = p + 12 + len;
    if (end > png.length) throw new Error('truncated PNG');
    out.push({ type, data: png.subarray(p + 8, p + 8 + len), start: p, end });
    p = end;
    if (type === 'IEND') break;
  }
  return out;
}

/** Bakes `text` under `keyword`, replacing an earlier chunk with that keyword (only one is allowed). */
export function bakePng(png: Buffer, keyword: 'openbadges' | 'openbadgecredential', text: string): Buffer {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const parts: Buffer[] = [SIGNATURE];
  for (const c of chunks(png)) {
    if (c.type === 'iTXt' && c.data.subarray(0, keyword.length + 1).equals(Buffer.from(keyword + '\0', 'latin1'))) continue;
    parts.push(png.subarray(c.start, c.end));
    if (c.type === 'IHDR') parts.push(chunk('iTXt', data));
  }
  return Buffer.concat(parts);
}

/** The text of the first `iTXt` (uncompressed) or legacy `tEXt` chunk with this keyword. */
export function readPngText(png: Buffer, keyword: string): string | undefined {
  const prefix = Buffer.from(keyword + '\0', 'latin1');
  for (const c of chunks(png)) {
    if (!c.data.subarray(0, prefix.length).equals(prefix)) continue;
    if (c.type === 'tEXt') return c.data.subarray(prefix.length).toString('latin1');
    if (c.type !== 'iTXt' || c.data[prefix.length] !== 0) continue;
    // keyword\0 flag method lang\0 translated\0 text
    let p = prefix.length + 2;
    p = c.data.indexOf(0, p) + 1;
    p = c.data.indexOf(0, p) + 1;
    if (p <= 0) continue;
    return c.data.subarray(p).toString('utf8');
  }
  return undefined;
}
