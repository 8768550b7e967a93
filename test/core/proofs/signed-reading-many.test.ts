/**
 * A signed credential whose subject lists tens of thousands of identifier entries (OB 3.0
 * §AchievementSubject `identifier`, a list the issuer writes). Each signed statement about them was
 * matched against the JSON values left by a linear search and a splice (signed-reading.ts
 * unaccounted): work grew as entries², 60,000 entries took 122 s after canonicalization, in the
 * worker and from a badge link on a hover site. The values left are now counted by key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { unreadInCredential } from '../../../src/core/proofs/signed-reading.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from './support.ts';

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

const NOW = new Date('2026-01-01T00:00:00Z');
const withIdentifiers = (n: number, value = (i: number) => `p${i}@ex.org`) => {
  const base = credential(alice.did);
  const identifier = Array.from({ length: n }, (_, i) => ({ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: value(i) }));
  return { ...base, credentialSubject: { ...(base.credentialSubject as object), identifier } };
};

describe('signed reading: many identifier entries', () => {
  // A credential this large is no longer canonicalized to verify it (work-bound.ts MAX_DOCUMENT_VALUES:
  // large-credential.test.ts), so the signed reading is checked on its own at this size.
  it('60,000 signed identifier entries are read in seconds, not minutes', async () => {
    const doc = withIdentifiers(60_000);
    const canon = await canonize(doc);
    const t = performance.now();
    expect(unreadInCredential(canon, doc)).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(60_000); // 122 s before the fix; 40,000 took 30 to 69 s
  }, 240_000);

  it('9,000 signed identifier entries (within the bound) verify', async () => {
    const vc = await signCredential(withIdentifiers(9_000), alice);
    const r = await verify(JSON.stringify(vc), { now: NOW });
    expect(r.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'pass' });
  }, 120_000);

  it('each JSON value still accounts for one statement: an entry signed twice but read once is found', async () => {
    // Two identifier entries with the same address are two signed blank nodes; a JSON that lists one reads one of them.
    const signed = await signCredential(withIdentifiers(3, (i) => (i < 2 ? 'same@ex.org' : 'other@ex.org')), alice);
    const subject = signed.credentialSubject as { identifier: unknown[] };
    const r = await verify(JSON.stringify({ ...signed, credentialSubject: { ...subject, identifier: subject.identifier.slice(1) } }), { now: NOW });
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).not.toBe('pass');
  }, 60_000);
});
