/**
 * The command line and the extension give the same verdict for the same input: every real issuer's
 * credential in test/fixtures/real (provenance in test/fixtures/README.md) and the conformance corpus's
 * baked images, through `lanyard --json` in one call (one engine, shared caches) and through the
 * extension's background verifier (src/background/services/verifier.ts, one verifier for all, its
 * fact cache in IndexedDB), both fetching from the same fixture hosts. Verdict and every check's outcome agree.
 * Then every case of the conformance corpus (expected.json: each with its own maps, time and
 * recipients), which the first comparison left out but for its baked images.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/background/services/verifier.ts';
import { createMapFetch } from '../../src/cli/map-fetch.ts';
import { main } from '../../src/cli/main.ts';
import { openDb } from '../../src/platform/db.ts';
import { loadEngine } from '../support/engine.ts';
import { CONFORMANCE_DIR, inputPath, loadExpected, mapArgs, type ConformanceCase } from '../support/conformance.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const REAL = path.join(FIXTURES, 'real');
const NOW = '2026-12-01T00:00:00Z';
const MAPS = [
  ['https://raw.githubusercontent.com/', path.join(REAL, 'hosts/raw.githubusercontent.com')],
  ['https://digitalcredentials.github.io/', path.join(REAL, 'hosts/digitalcredentials.github.io')],
  ['https://example.com/', path.join(CONFORMANCE_DIR, 'hosts/example.com')],
  ['https://1edtech.edu/', path.join(CONFORMANCE_DIR, 'hosts/1edtech.edu')],
  ['https://example.org/', path.join(CONFORMANCE_DIR, 'hosts/example.org')],
  ['http://example.org/', path.join(CONFORMANCE_DIR, 'hosts/example.org')],
] as const;
const RECIPIENT = 'nobody@example.org';

const inputs = [
  ...['1edtech-dcpv', 'dcc-vc-test-fixtures', 'dcc-verifier-core', 'sphereon-oid4vc'].flatMap((d) => readdirSync(path.join(REAL, d)).sort().map((f) => path.join(REAL, d, f))),
  ...readdirSync(path.join(CONFORMANCE_DIR, 'baking')).sort().map((f) => path.join(CONFORMANCE_DIR, 'baking', f)),
];

type Summary = { verdict: string; checks: string[] };
const summary = (r: { verdict: string; checks: { id: string; outcome: string }[] }): Summary => ({ verdict: r.verdict, checks: r.checks.map((c) => `${c.id}:${c.outcome}`) });

describe('lanyard and the extension agree', () => {
  it('on every real issuer\'s credential and every baked image', { timeout: 120_000 }, async () => {
    let stdout = '';
    const code = await main([...inputs, '--json', '--offline', '--now', NOW, '--recipient', RECIPIENT, ...MAPS.flatMap(([p, d]) => ['--map', `${p}=${d}`])], { out: (t) => void (stdout += t), err: () => undefined });
    const cli = stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; verdict: string; checks: { id: string; outcome: string }[] });
    expect(cli.map((l) => l.source)).toEqual(inputs);
    expect(code).toBe(1);

    const db = await openDb({ name: `parity-${Date.now()}` });
    const fetch = createMapFetch(MAPS.map(([prefix, dir]) => ({ prefix, dir })), { offline: true, timeoutMs: 5000 });
    const verifier = createVerifier({ engine: loadEngine, fetch, results: db.results, now: () => new Date(NOW) });
    const disagree: string[] = [];
    for (const [i, file] of inputs.entries()) {
      const ext = summary(await verifier.verify(new Uint8Array(readFileSync(file)), [RECIPIENT]));
      const mine = summary(cli[i]!);
      if (JSON.stringify(ext) !== JSON.stringify(mine)) disagree.push(`${path.relative(FIXTURES, file)}: extension ${JSON.stringify(ext)}, cli ${JSON.stringify(mine)}`);
    }
    expect(disagree).toEqual([]);
    // Not all alike: the comparison covers each verdict.
    expect(new Set(cli.map((l) => l.verdict))).toEqual(new Set(['valid', 'invalid', 'indeterminate']));
  });
});

describe('lanyard and the extension agree on the conformance corpus', () => {
  it('every case of expected.json, with its own maps, time and recipients', { timeout: 120_000 }, async () => {
    const expected = loadExpected();
    // Cases that share their options: one lanyard call and one extension verifier each.
    const groups = new Map<string, ConformanceCase[]>();
    for (const c of expected.cases) {
      const key = JSON.stringify([c.maps, c.recipients ?? [], c.now ?? expected.now]);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const disagree: string[] = [];
    let compared = 0;
    for (const cases of groups.values()) {
      const c0 = cases[0]!;
      const now = c0.now ?? expected.now;
      const maps = mapArgs(expected, c0);
      const recipients = c0.recipients ?? [];
      let stdout = '';
      await main([...cases.map(inputPath), '--json', '--offline', '--now', now, ...recipients.flatMap((r) => ['--recipient', r]), ...maps.flatMap((m) => ['--map', `${m.prefix}=${m.dir}`])], { out: (t) => void (stdout += t), err: () => undefined });
      const cli = stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; verdict: string; checks: { id: string; outcome: string }[] });
      expect(cli.map((l) => l.source)).toEqual(cases.map(inputPath));
      const db = await openDb({ name: `parity-corpus-${compared}-${Date.now()}` });
      const verifier = createVerifier({ engine: loadEngine, fetch: createMapFetch(maps, { offline: true, timeoutMs: 5000 }), results: db.results, now: () => new Date(now) });
      for (const [i, c] of cases.entries()) {
        const ext = summary(await verifier.verify(new Uint8Array(readFileSync(inputPath(c))), recipients));
        const mine = summary(cli[i]!);
        compared++;
        if (JSON.stringify(ext) !== JSON.stringify(mine)) disagree.push(`${c.input} (maps ${c.maps.join(',')}): extension ${JSON.stringify(ext)}, cli ${JSON.stringify(mine)}`);
      }
    }
    expect(disagree).toEqual([]);
    expect(compared).toBe(expected.cases.length);
  });
});
