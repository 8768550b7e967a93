/**
 * parse_us: median microseconds to `unpack` + `detectFormat` one baked PNG (the 1EdTech OB 2.0
 * simple badge: signature, chunk walk, CRC of the badge chunk, UTF-8, JSON), after a warm-up.
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
  return { parse_us: Math.round(times[times.length >> 1]! * 10) / 10 };
}
