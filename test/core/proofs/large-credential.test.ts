/**
 * A signed credential too large to canonicalize here (work-bound.ts MAX_DOCUMENT_VALUES). Verifying
 * a Data Integrity proof costs time linear in the document's values (expansion, RDFC-1.0, the signed
 * reading): an OB 3.0 credential with 100,000 tags (0.9 MB) held the worker 4.7 s, and a hover link
 * may read 8 MiB (~40 s); the deadline bounds waiting, not work. Past the bound the signature is
 * `indeterminate`, saying it is too large to check here, never `invalid`; the largest real
 * credentials (a few hundred values) verify as before.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_VALUES, valueCount } from '../../../src/core/jsonld/work-bound.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from './support.ts';

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

const NOW = new Date('2026-01-01T00:00:00Z');
const withTags = (n: number) => {
  const base = credential(alice.did);
  const subject = base.credentialSubject as { achievement: Record<string, unknown> };
  return { ...base, credentialSubject: { ...subject, achievement: { ...subject.achievement, tag: Array.from({ length: n }, (_, i) => `tag${i}`) } } };
};

describe('a signed credential too large to check here', () => {
  it('a genuine credential with 60,000 tags is indeterminate, "too large to check here", never invalid', async () => {
    const vc = await signCredential(withTags(60_000), alice);
    expect(valueCount(vc)).toBeGreaterThan(MAX_DOCUMENT_VALUES);
    const r = await verify(JSON.stringify(vc), { now: NOW });
    const signature = r.checks.find((c) => c.id === 'signature');
    expect(signature).toMatchObject({ outcome: 'indeterminate' });
    expect(signature?.message).toMatch(/too large to check here/);
    expect(r.verdict).toBe('indeterminate');
  }, 120_000);

  it('an altered one too: indeterminate (what was signed is not read), not a verdict on the signature', async () => {
    const vc = await signCredential(withTags(60_000), alice);
    const r = await verify(JSON.stringify({ ...vc, name: 'Forged' }), { now: NOW });
    expect(r.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'indeterminate' });
  }, 120_000);

  it('a genuine credential just under the bound still verifies', async () => {
    const vc = await signCredential(withTags(MAX_DOCUMENT_VALUES - 200), alice);
    expect(valueCount(vc)).toBeLessThanOrEqual(MAX_DOCUMENT_VALUES);
    const r = await verify(JSON.stringify(vc), { now: NOW });
    expect(r.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'pass' });
  }, 120_000);

  it('the largest real credentials are far below the bound (90× margin or more)', () => {
    for (const f of ['test/fixtures/conformance/ob30/complete.json', 'test/fixtures/real/1edtech-dcpv/ob30_complete_v1.json', 'test/fixtures/real/1edtech-dcpv/clr20_complex.json']) {
      expect(valueCount(JSON.parse(readFileSync(f, 'utf8'))) * 90, f).toBeLessThan(MAX_DOCUMENT_VALUES);
    }
  });

  it('counting stops past the limit', () => {
    expect(valueCount(Array.from({ length: 1000 }, () => 1), 10)).toBe(11);
    expect(valueCount({ a: [1, 'x', null], b: {} })).toBe(6);
  });
});
