/**
 * ecdsa-jcs-2019 (VC DI ECDSA §3.4): the W3C test vectors with P-256 and P-384
 * (test/fixtures/suites/vc-di-ecdsa_ecdsa-jcs-2019-*), OB 3.0 credentials signed here with both
 * curves, and what must still fail: an edit, a member added after signing, a proof @context that is
 * not the start of the document's, another curve's signature length, another key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { context, credential } from './support.ts';
import { generateEcSigner, signEcdsaJcs } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const vector = (curve: 'p256' | 'p384'): Record<string, any> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/suites/vc-di-ecdsa_ecdsa-jcs-2019-${curve}_signedJCSECDSA${curve.toUpperCase()}.json`, import.meta.url), 'utf8'));

describe('ecdsa-jcs-2019', () => {
  it.each(['p256', 'p384'] as const)('verifies the W3C %s test vector with its did:key, and fails it edited', async (curve) => {
    const r = await verifyDataIntegrity(vector(curve), context());
    expect(r.best?.signature, JSON.stringify(r.best)).toMatchObject({ outcome: 'pass' });
    expect(r.best?.cryptosuite).toBe('ecdsa-jcs-2019');
    expect(r.best?.issuerKey?.status).toBe('unresolvable'); // a did:key; the issuer https://vc.example/issuers/5678 is out of reach
    const edited = { ...vector(curve), name: 'Another Credential' };
    expect((await verifyDataIntegrity(edited, context())).best?.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it.each(['P-256', 'P-384'] as const)('verifies an OB 3.0 credential signed here with %s, end to end; a member added after signing is forged', async (crv) => {
    const signer = await generateEcSigner(crv);
    const vc = await signEcdsaJcs(credential(signer.did), signer);
    const r = await verify(JSON.stringify(vc), { now: NOW });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toContain('ecdsa-jcs-2019');
    const added = await verify(JSON.stringify({ ...vc, extra: 'not signed' }), { now: NOW });
    expect(added.verdict).toBe('invalid');
  });

  it("fails a proof whose @context does not start the credential's, another key's signature, and a P-256 signature under a P-384 key", async () => {
    const signer = await generateEcSigner('P-256');
    const vc = (await signEcdsaJcs(credential(signer.did), signer)) as Record<string, any>;
    const moved = await verifyDataIntegrity({ ...vc, '@context': [...vc['@context'], 'https://w3id.org/security/data-integrity/v2'].reverse() }, context());
    expect(moved.best?.signature).toMatchObject({ outcome: 'fail' });
    expect(moved.best?.signature.message).toContain('@context');
    const mallory = await generateEcSigner('P-256');
    const forged = await verifyDataIntegrity({ ...vc, proof: { ...(await signEcdsaJcs(credential(signer.did), mallory)).proof as object, verificationMethod: signer.didMethod } }, context());
    expect(forged.best?.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    const p384 = await generateEcSigner('P-384');
    const wrongCurve = await verifyDataIntegrity({ ...vc, proof: { ...vc.proof, verificationMethod: p384.didMethod } }, context());
    expect(wrongCurve.best?.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});
