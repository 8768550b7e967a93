/**
 * Reads test/fixtures/conformance/expected.json (the public corpus, see its README) and gives each
 * case its identity (input, maps and recipients together), its map list and its fetch.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMapFetch } from '../../src/cli/map-fetch.ts';
import type { Fetch } from '../../src/core/verify/context.ts';

export const CONFORMANCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/conformance');

export interface ConformanceCase {
  input: string;
  maps: string[];
  recipients?: string[];
  verdict: 'valid' | 'invalid' | 'indeterminate';
  pass?: string[];
  fail?: string[];
  now?: string;
  note?: string;
}

export interface Expected {
  now: string;
  checkIds?: string[];
  maps: Record<string, string[]>;
  cases: ConformanceCase[];
}

export function loadExpected(): Expected {
  const file = path.join(CONFORMANCE_DIR, 'expected.json');
  if (!existsSync(file)) throw new Error(`The conformance corpus is missing: ${file} (test/fixtures/conformance is part of the repository)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Expected;
}

export const caseId = (c: ConformanceCase): string =>
  `${c.input} maps=[${c.maps.join(',')}] recipients=[${(c.recipients ?? []).join(',')}]`;

/** `--map` arguments for a case: each map name expands to PREFIX=DIR pairs, DIR under the corpus. */
export function mapArgs(expected: Expected, c: ConformanceCase): { prefix: string; dir: string }[] {
  return c.maps.flatMap((name) => {
    const list = expected.maps[name];
    if (!list) throw new Error(`expected.json names an unknown map ${name}`);
    return list.map((m) => {
      const eq = m.indexOf('=');
      return { prefix: m.slice(0, eq), dir: path.join(CONFORMANCE_DIR, m.slice(eq + 1)) };
    });
  });
}

export function caseFetch(expected: Expected, c: ConformanceCase): Fetch {
  return createMapFetch(mapArgs(expected, c), { offline: true, timeoutMs: 1000 });
}

export const inputPath = (c: ConformanceCase): string => path.join(CONFORMANCE_DIR, c.input);
