/**
 * The --json contract scripts read (README "The command-line verifier"): one line per input, each
 * naming its `source` first; a verdict line has the engine's result (`verdict`, `format`, `checks`,
 * `recipient`, `badge`, `input`) and never the input's bytes; an unreadable input is exactly
 * `{source, error, code}`. A key renamed or dropped here breaks every script that reads it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');

describe('--json output shape', () => {
  it('a verdict line, a not-a-badge line and an unreadable line, keys in a fixed order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-shape-'));
    const junk = path.join(dir, 'junk.txt');
    writeFileSync(junk, 'hello');
    let stdout = '';
    const code = await main([GOOD, junk, path.join(dir, 'missing.json'), '--json', '--offline', '--now', '2026-11-26T00:00:00Z', '--recipient', 'nobody@example.org'], { out: (t) => void (stdout += t), err: () => undefined });
    expect(code).toBe(2);
    const [good, bad, missing, ...rest] = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    expect(rest).toEqual([]);
    expect(Object.keys(good!)).toEqual(['source', 'verdict', 'format', 'checks', 'recipient', 'badge', 'input']);
    expect(good).toMatchObject({ source: GOOD, verdict: 'valid', format: 'ob3.0-data-integrity', input: { kind: 'json', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(good!.checks.slice(0, 8).map((c: { id: string }) => c.id)).toEqual(['parse', 'structure', 'signature', 'issuer-key', 'hosted', 'validity', 'revocation', 'recipient']);
    for (const c of good!.checks) expect(Object.keys(c).filter((k) => k !== 'code')).toEqual(['id', 'outcome', 'message']);
    // The input itself is never echoed: the badge's original is its kind and size.
    expect(good!.badge.original).toEqual({ kind: 'json', size: good!.input.size });
    expect(Object.keys(bad!)).toEqual(['source', 'verdict', 'format', 'checks', 'recipient', 'badge', 'input']);
    expect(bad).toMatchObject({ source: junk, verdict: 'invalid', badge: null, recipient: null });
    expect(missing).toEqual({ source: path.join(dir, 'missing.json'), error: 'cannot read: no such file or directory', code: 'ENOENT' });
  });
});
