/**
 * Dates of a proof and of a verification method read as a credential's own are (validity.ts
 * instantOf, far-years.test.ts): a year past 9999 is after every date, a negative one before. Hostile
 * round 34: a proof `expires` or a method `expires` in year 10000 was "not a date with a time zone",
 * and a genuine badge read indeterminate; a `revoked` long ago must still revoke. Keys made here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential, signWith, type Ed25519Signer } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const DID = 'did:web:issuer.test';
const VM = `${DID}#key-1`;
let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

const run = (vc: unknown, web = new FakeWeb()) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
const didDocument = (extra: Record<string, unknown>) =>
  new FakeWeb().json('https://issuer.test/.well-known/did.json', { id: DID, verificationMethod: [{ id: VM, type: 'Multikey', controller: DID, publicKeyMultibase: alice.multibase, ...extra }], assertionMethod: [VM] });

describe('far dates on proofs and keys', () => {
  it('a proof that expires in year 10000 still vouches: valid', async () => {
    const r = await run(await signWith(credential(alice.did), alice, { expires: '10000-01-01T00:00:00Z' }));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
  });

  it('a key that expires in year 10000 is the issuer\'s: valid; one revoked in year -1 is not', async () => {
    const vc = await signCredential(credential(DID), alice, { verificationMethod: VM });
    const far = await run(vc, didDocument({ expires: '10000-01-01T00:00:00Z' }));
    expect(far.verdict, JSON.stringify(far.checks)).toBe('valid');
    const revoked = await run(vc, didDocument({ revoked: '-0001-01-01T00:00:00Z' }));
    expect(revoked.verdict).not.toBe('valid');
    expect(revoked.checks.find((c) => c.id === 'issuer-key')?.message).toMatch(/was revoked on -0001-01-01T00:00:00Z/);
  });
});
