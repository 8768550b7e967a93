/**
 * Proofs added in front of the issuer's (VC Data Integrity 1.0 §2.1.1: a proof set is unordered).
 * Lanyard checks the first 16 proofs of a set (verify.ts); §4.5 verifies a set only when each of its
 * proofs is. Anyone holding a genuine credential can add proofs to it without breaking the issuer's
 * signature: added proofs that do not verify make the set unsettled, never forged (proof-set.ts), and
 * that must hold when they push the issuer's proof past the ones Lanyard checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from './support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

type Proof = Record<string, unknown>;
const run = (vc: unknown) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW });
const sig = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');
const show = (r: Awaited<ReturnType<typeof run>>) => JSON.stringify(r.checks, null, 1);

describe('proofs added in front of the issuer proof', () => {
  it('16 proofs that do not verify, then the issuer proof: not forged (indeterminate), the unchecked proof said', async () => {
    const issued = await signCredential(credential(alice.did), alice);
    const other = await signCredential(credential(alice.did, { name: 'Another badge' }), alice);
    const bad = { ...(issued.proof as Proof), proofValue: (other.proof as Proof).proofValue };
    for (const count of [1, 15, 16, 20]) {
      const r = await run({ ...issued, proof: [...Array.from({ length: count }, () => bad), issued.proof] });
      expect(r.verdict, `${count}: ${show(r)}`).toBe('indeterminate');
      expect(sig(r)?.outcome).toBe('indeterminate');
    }
    const r = await run({ ...issued, proof: [...Array.from({ length: 16 }, () => bad), issued.proof] });
    expect(sig(r)?.message).toContain('none of the first 16 proofs verifies, and 1 more was not checked');
  });

  it('16 proofs of a refused suite, then the issuer proof: indeterminate', async () => {
    const issued = await signCredential(credential(alice.did), alice);
    const refused = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-none', verificationMethod: alice.didMethod, proofPurpose: 'assertionMethod', proofValue: 'z1' };
    const r = await run({ ...issued, proof: [...Array.from({ length: 16 }, () => refused), issued.proof] });
    expect(r.verdict, show(r)).toBe('indeterminate');
  });

  it('17 proofs, none of which verifies: still not valid', async () => {
    const issued = await signCredential(credential(alice.did), alice);
    const other = await signCredential(credential(alice.did, { name: 'Another badge' }), alice);
    const bad = { ...(issued.proof as Proof), proofValue: (other.proof as Proof).proofValue };
    const r = await run({ ...issued, proof: Array.from({ length: 17 }, () => bad) });
    expect(r.verdict, show(r)).not.toBe('valid');
    // 16 alone that do not verify: forged, as before.
    const r16 = await run({ ...issued, proof: Array.from({ length: 16 }, () => bad) });
    expect(r16.verdict, show(r16)).toBe('invalid');
    expect(sig(r16)).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});
