/**
 * `lanyard FILE... | DIR` as a user runs it (node bin/lanyard.mjs): many inputs through one engine,
 * one report per input in input order, a summary on stderr, exit 0/1/2; --version and --help; the
 * human report escaping control and bidi characters; and a verdict independent of what was verified before.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigner, signCredential } from '../../src/core/proofs/sign.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/lanyard.mjs');
const NOW = ['--now', '2026-11-26T00:00:00Z'];
const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');
const TAMPERED = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json');

interface Run { code: number; stdout: string; stderr: string }
function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

interface Line { source: string; verdict?: string; error?: string; checks?: { id: string; outcome: string; message: string }[]; badge?: { name: string } | null }
const lines = (r: Run): Line[] => r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
const outcome = (l: Line, id: string) => l.checks?.find((c) => c.id === id)?.outcome;

const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-many-'));
const file = (name: string, data: string | Uint8Array): string => {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
};

describe('lanyard --version and --help', () => {
  it('prints the package version and exits 0', { timeout: 60_000 }, async () => {
    const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`lanyard ${version}`);
  });
  it('prints the usage on stdout and exits 0, naming many inputs and directories', { timeout: 60_000 }, async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: lanyard <file \| dir \| url \| ->\.\.\./);
    expect(r.stdout).toContain('--version');
    expect(r.stderr).toBe('');
  });
});

describe('lanyard with many inputs', () => {
  it('reports each input in order, one JSON line each naming its source, then a summary on stderr; exit 1 when one is invalid', { timeout: 90_000 }, async () => {
    const r = await run([GOOD, TAMPERED, GOOD, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(1);
    const out = lines(r);
    expect(out.map((l) => [l.source, l.verdict])).toEqual([[GOOD, 'valid'], [TAMPERED, 'invalid'], [GOOD, 'valid']]);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('lanyard: 3 inputs: 2 valid, 1 invalid, 0 indeterminate');
  });

  it('exits 0 only when every input is valid', { timeout: 90_000 }, async () => {
    const r = await run([GOOD, GOOD, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(0);
    expect(lines(r).map((l) => l.verdict)).toEqual(['valid', 'valid']);
  });

  it('exits 2 when an input cannot be read, and still reports the others in order', { timeout: 90_000 }, async () => {
    const missing = path.join(dir, 'missing.json');
    const r = await run([GOOD, missing, TAMPERED, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(2);
    const out = lines(r);
    expect(out.map((l) => l.source)).toEqual([GOOD, missing, TAMPERED]);
    expect(out[1]).toEqual({ source: missing, error: 'cannot read: no such file or directory', code: 'ENOENT' });
    expect(out[2]?.verdict).toBe('invalid');
    expect(r.stderr).toContain(`cannot read ${missing}: no such file or directory`);
    expect(r.stderr).toContain('1 unreadable');
  });

  it('reads a directory recursively, in name order', { timeout: 90_000 }, async () => {
    const good = readFileSync(GOOD);
    const root = path.join(dir, 'tree');
    for (const n of ['b.json', 'a/c.json', 'a/b.json', '.hidden.json', 'a/d/e.json']) file(path.join('tree', n), good);
    const r = await run([root, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(0);
    expect(lines(r).map((l) => path.relative(root, l.source))).toEqual(['a/b.json', 'a/c.json', 'a/d/e.json', 'b.json']);
  });

  it('prints one human report per input, each with its source', { timeout: 90_000 }, async () => {
    const r = await run([GOOD, TAMPERED, '--offline', ...NOW]);
    expect(r.code).toBe(1);
    const reports = r.stdout.trim().split('\n\n');
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatch(/^VALID /);
    expect(reports[0]!.split('\n')[1]).toBe(`source: ${GOOD}`);
    expect(reports[1]).toMatch(/^INVALID /);
  });
});

describe('lanyard human report on hostile text', () => {
  it('shows control and bidi characters of a badge as visible escapes', { timeout: 90_000 }, async () => {
    const evil = 'Safe\u202Egnp.exe\u2066 \u001b[2J\nVALID fake line\u0085';
    const cred = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:4b0a4b8e-7a4c-4b6e-9a53-0d7b7f0f0b1a', type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://issuer.example/1', type: ['Profile'], name: `Issuer\u202B` }, validFrom: '2024-01-01T00:00:00Z', name: evil,
      credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'], achievement: { id: 'https://issuer.example/a/1', type: ['Achievement'], name: evil, description: 'd', criteria: { narrative: 'n' } } },
    };
    const r = await run([file('evil.json', JSON.stringify(cred)), '--offline', ...NOW]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('Safe\\u202Egnp.exe\\u2066 \\u001B[2J\\u000AVALID fake line\\u0085');
    expect(r.stdout).toContain('issuer: Issuer\\u202B');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('VALID'))).toEqual([]);
  });
});

describe('lanyard: a verdict does not depend on what was verified before', () => {
  it('a primer JSON-LD document then a tampered credential in one call: the tampered one is not valid', { timeout: 120_000 }, async () => {
    const OB3 = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
    const signer = await generateSigner();
    const achievement = { id: 'https://example.com/achievements/1', type: ['Achievement'], name: 'Teamwork', description: 'Works in teams', criteria: { narrative: 'Nominated by peers' } };
    const cred = {
      '@context': OB3, id: 'urn:uuid:6f1c1f2e-3a0b-4c55-9d1e-8b2f7f0c9a11', type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: signer.did, type: ['Profile'], name: 'Example Issuer' }, validFrom: '2024-01-01T00:00:00Z', name: 'Teamwork',
      credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'], achievement },
    };
    const signed = await signCredential(cred, signer);
    // Issue 11: a property-scoped context that redefines OB 3.0's protected name and description, used once
    // (value null) in an unsigned document; then the same redefinition as an embedded context on the signed
    // credential's achievement, with name and description swapped (the RDF is unchanged, the display is not).
    const swap = { name: 'https://schema.org/description', description: 'https://schema.org/name' };
    const primer = { ...cred, '@context': [...OB3, { primer: { '@id': 'http://ex.org/primer', '@context': swap } }], credentialSubject: { ...cred.credentialSubject, achievement: { ...achievement, primer: null } } };
    const tampered = { ...signed, credentialSubject: { ...cred.credentialSubject, achievement: { '@context': swap, ...achievement, name: achievement.description, description: achievement.name } } };
    const [p, g, t] = [file('x/primer.json', JSON.stringify(primer)), file('x/genuine.json', JSON.stringify(signed)), file('x/tampered.json', JSON.stringify(tampered))];

    const alone = lines(await run([t, '--json', '--offline', ...NOW]));
    const r = await run([p, g, t, g, '--json', '--offline', ...NOW]);
    const out = lines(r);
    expect(out.map((l) => l.source)).toEqual([p, g, t, g]);
    expect(outcome(out[0]!, 'parse')).toBe('pass');
    expect(out[1]?.verdict).toBe('valid');
    expect(out[2]?.verdict).not.toBe('valid');
    expect(outcome(out[2]!, 'signature')).toBe('fail');
    expect(out[3]?.verdict).toBe('valid');
    // The same result as when it is verified alone.
    expect(out[2]?.checks?.map((c) => [c.id, c.outcome])).toEqual(alone[0]?.checks?.map((c) => [c.id, c.outcome]));
    expect(r.code).toBe(1);
  });
});
