/**
 * The command-line verifier as a user runs it: `node bin/lanyard.mjs …` (what `npm run verify --`
 * and the `lanyard` bin run). Every conformance input is read with --json --offline; hostile inputs
 * of our own each give a verdict with JSON on stdout and exit 0 or 1, never a crash.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPng, itxt, concat, SIGNATURE } from '../core/input/png-builder.ts';
import { caseId, CONFORMANCE_DIR, loadExpected, mapArgs } from '../support/conformance.ts';
import { FORMATS, PENDING } from '../core/conformance-formats.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/lanyard.mjs');
const expected = loadExpected();

interface Run { code: number; stdout: string; stderr: string }
function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A small pool: the CLI starts a fresh Node per run. */
async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

describe('lanyard CLI over the conformance corpus (--json --offline)', () => {
  it('reads every input: parse and format as listed, verdict and checks as expected', { timeout: 240_000 }, async () => {
    // Cases that share their options run in ONE call, many inputs through one engine (as the
    // extension's background runs them): each verdict must still be the one expected for it alone.
    const groups = new Map<string, { args: string[]; cases: typeof expected.cases }>();
    for (const c of expected.cases) {
      const maps = mapArgs(expected, c).flatMap((m) => ['--map', `${m.prefix}=${m.dir}`]);
      const recips = (c.recipients ?? []).flatMap((r) => ['--recipient', r]);
      const args = ['--json', '--offline', '--now', c.now ?? expected.now, ...maps, ...recips];
      const key = JSON.stringify(args);
      if (!groups.has(key)) groups.set(key, { args, cases: [] });
      groups.get(key)!.cases.push(c);
    }
    const runs = await pool([...groups.values()], 3, (g) => run([...g.cases.map((c) => path.join(CONFORMANCE_DIR, c.input)), ...g.args]));
    const problems: string[] = [];
    let seen = 0;
    [...groups.values()].forEach((g, gi) => {
      const r = runs[gi]!;
      const outs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; verdict: string; format: string; checks: { id: string; outcome: string }[] });
      if (outs.length !== g.cases.length) problems.push(`${g.args.join(' ')}: ${outs.length} reports for ${g.cases.length} inputs`);
      const allValid = outs.every((o) => o.verdict === 'valid');
      if (r.code !== (allValid ? 0 : 1)) problems.push(`${g.args.join(' ')}: exit ${r.code}`);
      g.cases.forEach((c, i) => {
        const out = outs[i];
        if (!out) return;
        seen++;
        if (out.source !== path.join(CONFORMANCE_DIR, c.input)) problems.push(`${caseId(c)}: report for ${out.source}`);
        const outcome = (id: string) => out.checks.find((k) => k.id === id)?.outcome;
        const parseOk = c.fail?.includes('parse') ? outcome('parse') === 'fail' : c.verdict !== 'indeterminate' || c.pass?.includes('parse') ? outcome('parse') === 'pass' : true;
        if (!parseOk) problems.push(`${caseId(c)}: parse ${outcome('parse')}`);
        if (outcome('parse') === 'pass' && out.format !== FORMATS[c.input]) problems.push(`${caseId(c)}: format ${out.format}`);
        if (PENDING.has(caseId(c))) {
          if (c.verdict !== 'valid' && out.verdict === 'valid') problems.push(`${caseId(c)}: valid by accident`);
          return;
        }
        if (out.verdict !== c.verdict) problems.push(`${caseId(c)}: verdict ${out.verdict}, expected ${c.verdict}`);
        for (const p of c.pass ?? []) if (outcome(p) !== 'pass') problems.push(`${caseId(c)}: ${p} ${outcome(p)}`);
        for (const f of c.fail ?? []) if (outcome(f) !== 'fail') problems.push(`${caseId(c)}: ${f} ${outcome(f)}`);
      });
    });
    expect(problems).toEqual([]);
    expect(seen).toBe(expected.cases.length);
  });

  it('prints the README example as valid and exits 0', { timeout: 60_000 }, async () => {
    const h = path.join(CONFORMANCE_DIR, 'hosts/example.org');
    const r = await run([path.join(CONFORMANCE_DIR, 'ob20/simple.jwt'), '--json', '--offline', '--now', '2026-11-26T00:00:00Z', '--map', `https://example.org/=${h}`, '--map', `http://example.org/=${h}`, '--recipient', 'nobody@example.org']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'valid', recipient: 'nobody@example.org' });
  });
});

describe('lanyard CLI on hostile inputs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-cli-'));
  const file = (name: string, data: string | Uint8Array) => {
    const p = path.join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const assertion = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/beths-robotics-badge.json', recipient: { type: 'email', hashed: false, identity: 'a@b.c' }, badge: 'https://example.org/robotics-badge.json', issuedOn: '2016-12-31T23:59:59Z', verification: { type: 'hosted' } });
  const full = buildPng(itxt('openbadges', assertion));
  const cases: [string, string, 'pass' | 'fail'][] = [
    ['an empty file', file('empty.json', ''), 'fail'],
    ['random bytes', file('random.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)), 'fail'],
    ['JSON nested 100,000 deep', file('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)), 'fail'],
    ['a truncated PNG', file('truncated.png', full.slice(0, full.length - 30)), 'fail'],
    ['a PNG signature only', file('sig.png', SIGNATURE), 'fail'],
    ['a compressed iTXt', file('compressed.png', buildPng(itxt('openbadges', assertion, { compressed: true }))), 'pass'],
    ['two openbadges chunks', file('two.png', buildPng(itxt('openbadges', assertion), itxt('openbadges', '{"not":"this"}'))), 'pass'],
    ['an SVG whose script holds a fake credential', file('script.svg', `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><script><![CDATA[ var s = '<openbadges:credential verify="eyJhbGciOiJub25lIn0.e30.x">'; ]]></script><rect/></svg>`), 'fail'],
    ['broken JSON', file('broken.json', '{"@context": "https://w3id.org/openbadges/v2", '), 'fail'],
  ];
  it.each(cases)('%s gives a verdict with JSON printed', { timeout: 60_000 }, async (_, p, parse) => {
    const r = await run([p, '--json', '--offline']);
    expect([0, 1]).toContain(r.code);
    const out = JSON.parse(r.stdout);
    expect(out.checks.find((c: { id: string }) => c.id === 'parse').outcome).toBe(parse);
    if (parse === 'fail') expect(out.verdict).toBe('invalid');
    expect(r.stdout).not.toContain(assertion.slice(0, 60));
  });
  it('does not judge a PNG whose two openbadges chunks differ as its first: indeterminate, no badge (OB 2.0 §Baking: one)', { timeout: 60_000 }, async () => {
    const r = await run([path.join(dir, 'two.png'), '--json', '--offline']);
    const out = JSON.parse(r.stdout);
    expect(out.verdict).toBe('indeterminate');
    expect(out.badge).toBeNull();
    expect(r.stdout).toContain('two different badges');
  });
  it('exits 2 for bad usage and an unreadable file, with nothing on stdout', { timeout: 120_000 }, async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'lanyard-empty-'));
    for (const args of [[], ['--bogus', 'x'], ['--now', 'yesterday', 'f'], [path.join(dir, 'missing.json')], [empty]]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
  it('prints a human report without --json: verdict first, one line per check', { timeout: 60_000 }, async () => {
    const r = await run([path.join(dir, 'compressed.png'), '--offline']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^INDETERMINATE/);
    expect(lines.filter((l) => /^\s+[✓✗?!-] /.test(l)).length).toBe(8);
  });
});
