/**
 * parse_us: median microseconds to `unpack` + `detectFormat` one baked PNG (the 1EdTech OB 2.0
 * simple badge: signature, chunk walk, CRC of the badge chunk, UTF-8, JSON), after a warm-up.
 * hostile_png_ms: median milliseconds to `unpack` the worst chunk walk an import allows, 8 MiB of
 * empty tEXt chunks (some 560,000) before the badge's: about a second of the worker before the walk
 * kept only badge chunks, compared in place (src/core/input/png.ts), about 30 ms after.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectFormat } from '../src/core/input/detect.ts';
import { unpack } from '../src/core/input/index.ts';

const FIXTURE = path.resolve(process.cwd(), 'test/fixtures/conformance/baking/ob20_simple-badge.png');
const WARMUP = 200;
const RUNS = 500;

export default async function (): Promise<Record<string, number>> {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  const once = async (): Promise<void> => {
    const u = await unpack(bytes);
    if (detectFormat(u.credential) !== 'ob2.0-hosted') throw new Error('bench parse: unexpected format');
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await once();
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return { parse_us: Math.round(times[times.length >> 1]! * 10) / 10, hostile_png_ms: await hostilePng(bytes) };
}

/** The fixture with 8 MiB of 15-byte tEXt chunks (keyword "a", text "b") after its IHDR. */
async function hostilePng(fixture: Uint8Array): Promise<number> {
  const one = Uint8Array.of(0, 0, 0, 3, 0x74, 0x45, 0x58, 0x74, 0x61, 0, 0x62, 0xdc, 0x49, 0xa2, 0x3b);
  const ihdrEnd = 8 + 25;
  const n = Math.floor((8 * 1024 * 1024 - fixture.length) / one.length);
  const png = new Uint8Array(fixture.length + n * one.length);
  png.set(fixture.subarray(0, ihdrEnd));
  for (let i = 0; i < n; i++) png.set(one, ihdrEnd + i * one.length);
  png.set(fixture.subarray(ihdrEnd), ihdrEnd + n * one.length);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const u = await unpack(png);
    times.push(performance.now() - start);
    if (u.kind !== 'png') throw new Error('bench parse: the hostile PNG was not read');
  }
  times.sort((a, b) => a - b);
  return Math.round(times[2]! * 10) / 10;
}
