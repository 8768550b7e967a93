/**
 * Issue 11, through the command line: the protected-term bypass with the priming document given
 * first in the same `lanyard` call, so that both go through one engine and its shared caches (as the
 * extension's background verifies one badge after another). The genuine credential is valid before
 * and after; both tampered variants are invalid, whatever came before them. The credentials are
 * built as in test/core/jsonld/protected-bypass.test.ts (JSON-LD 1.1 API §4.1.2: an embedded context
 * may not redefine a protected term).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OB3, credential } from '../core/proofs/support.ts';
import { generateSigner, signCredential } from '../../src/core/proofs/sign.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/lanyard.mjs');
const SWAP = { name: 'https://schema.org/description', description: 'https://schema.org/name' };
const PRIMER_CONTEXT = [...OB3, { primer: { '@id': 'https://example.com/primer', '@context': SWAP } }];

type Doc = Record<string, any>;
const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-bypass-'));
const files: Record<string, string> = {};

function run(args: string[]): Promise<{ code: number; lines: { source: string; verdict: string; checks: { id: string; outcome: string }[] }[] }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args, '--json', '--offline', '--now', '2026-11-26T00:00:00Z'], { maxBuffer: 16 << 20, timeout: 120_000 }, (err, stdout) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, lines: stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) });
    });
  });
}

beforeAll(async () => {
  const [alice, mallory] = await Promise.all([generateSigner(), generateSigner()]);
  const c = credential(alice.did, { '@context': PRIMER_CONTEXT });
  (c.issuer as Doc).description = 'A real university';
  c.evidence = [{ id: 'https://example.com/evidence/1', name: 'Portfolio' }];
  const genuine = (await signCredential(c, alice)) as Doc;
  // Variant 1: the primer (null, no RDF) on a node reached first, the swap embedded on the issuer.
  const one = structuredClone(genuine);
  one.evidence[0].primer = null;
  one.issuer = { '@context': SWAP, ...one.issuer, name: one.issuer.description, description: one.issuer.name };
  // Variant 2: no primer in the document; the swap on the achievement itself.
  const two = structuredClone(genuine);
  const a = two.credentialSubject.achievement;
  two.credentialSubject.achievement = { '@context': SWAP, ...a, name: a.description, description: a.name };
  // The priming document: another issuer's credential that uses the primer on an untyped achievement.
  const p = credential(mallory.did, { '@context': PRIMER_CONTEXT });
  (p.credentialSubject as Doc).achievement = { id: 'https://example.com/achievements/2', name: 'Other', primer: null };
  const primer = await signCredential(p, mallory);
  for (const [name, doc] of Object.entries({ genuine, one, two, primer })) {
    files[name] = path.join(dir, `${name}.json`);
    writeFileSync(files[name]!, JSON.stringify(doc));
  }
}, 60_000);

describe('the protected-term bypass through one lanyard call', () => {
  it('genuine, primer, both tampered variants, genuine again: only the tampered ones are invalid, with the signature failed', async () => {
    const r = await run([files.genuine!, files.primer!, files.one!, files.two!, files.genuine!]);
    expect(r.lines.map((l) => path.basename(l.source))).toEqual(['genuine.json', 'primer.json', 'one.json', 'two.json', 'genuine.json']);
    const [first, , one, two, last] = r.lines;
    expect(first!.verdict).toBe('valid');
    for (const t of [one!, two!]) {
      expect(t.verdict).toBe('invalid');
      expect(t.checks.find((c) => c.id === 'signature')?.outcome).toBe('fail');
    }
    expect(last!.verdict).toBe('valid');
    expect(r.code).toBe(1);
  }, 180_000);

  it('the primer then variant 2 alone: still invalid', async () => {
    const r = await run([files.primer!, files.two!]);
    expect(r.lines[1]!.verdict).toBe('invalid');
  }, 180_000);
});
