/**
 * Builds small PNGs for the input tests: a real 1×1 image (IHDR, IDAT, IEND) with text chunks
 * placed where the test wants them. CRC-32 is computed here (Lanyard does not check the badge chunk's: png-badge-crc.test.ts).
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** length ‖ type ‖ data ‖ CRC32(type ‖ data) (PNG §5.3). */
export function chunk(type: string, data: Uint8Array, opts: { badCrc?: boolean } = {}): Uint8Array {
  const head = new Uint8Array(8);
  const view = new DataView(head.buffer);
  view.setUint32(0, data.length);
  head.set(latin1(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat(latin1(type), data)) ^ (opts.badCrc ? 1 : 0));
  return concat(head, data, crc);
}

export interface ItxtOptions {
  compressed?: boolean;
  language?: string;
  translated?: string;
}

/** iTXt (PNG §11.3.4.5): keyword NUL flag method language NUL translated NUL text. */
export function itxt(keyword: string, text: string, o: ItxtOptions = {}): Uint8Array {
  const body = o.compressed ? new Uint8Array(deflateSync(utf8(text))) : utf8(text);
  const header = concat(latin1(keyword), Uint8Array.of(0, o.compressed ? 1 : 0, 0), latin1(o.language ?? ''), Uint8Array.of(0), utf8(o.translated ?? ''), Uint8Array.of(0));
  return chunk('iTXt', concat(header, body));
}

/** tEXt (PNG §11.3.4.3): keyword NUL Latin-1 text. */
export const text = (keyword: string, value: string): Uint8Array => chunk('tEXt', concat(latin1(keyword), Uint8Array.of(0), latin1(value)));

/** zTXt (PNG §11.3.4.4): keyword NUL method(0) zlib(Latin-1 text). */
export const ztxt = (keyword: string, value: string): Uint8Array =>
  chunk('zTXt', concat(latin1(keyword), Uint8Array.of(0, 0), new Uint8Array(deflateSync(latin1(value)))));

export const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function ihdr(): Uint8Array {
  const d = new Uint8Array(13);
  const v = new DataView(d.buffer);
  v.setUint32(0, 1); // width
  v.setUint32(4, 1); // height
  d[8] = 8; // bit depth
  d[9] = 0; // greyscale
  return chunk('IHDR', d);
}

/** A 1×1 greyscale PNG with `textChunks` between IHDR and IDAT. */
export function buildPng(...textChunks: Uint8Array[]): Uint8Array {
  const idat = chunk('IDAT', new Uint8Array(deflateSync(Uint8Array.of(0, 0x80))));
  return concat(SIGNATURE, ihdr(), ...textChunks, idat, chunk('IEND', new Uint8Array(0)));
}
