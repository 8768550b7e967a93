import { describe, expect, it } from 'vitest';
import { verifyOb3DataIntegrity } from '../../../src/core/formats/ob3-data-integrity.ts';
import { verdictOf } from '../../../src/core/result.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { createContext } from '../../../src/core/verify/context.ts';
import { credential, NOW } from '../keys/jwt-fixtures.ts';
import { generateSigner, signCredential } from '../../../src/core/proofs/sign.ts';

async function run(json: Record<string, unknown>, format: 'ob3.0-data-integrity' | 'ob3.0-unsigned') {
  const checks = new CheckList();
  const badge = await verifyOb3DataIntegrity({ type: 'json', text: JSON.stringify(json), json }, createContext({ now: NOW }), checks, format);
  return { badge, checks, verdict: verdictOf(checks.toArray()) };
}

describe('OB 3.0 Data Integrity format verifier', () => {
  it('fails a proof that does not verify, and skips what follows', async () => {
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:key:z6Mk#z6Mk', proofValue: 'z1' };
    const r = await run(credential('did:key:z6Mk', { proof }), 'ob3.0-data-integrity');
    expect(r.checks.get('signature')?.outcome).toBe('fail');
    expect(r.checks.get('validity')?.outcome).toBe('skipped');
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.name).toBe('Forklift Safety');
  });

  it('verifies a credential signed with a did:key issuer, end to end', async () => {
    const signer = await generateSigner();
    const vc = await signCredential(credential(signer.did), signer);
    const r = await run(vc, 'ob3.0-data-integrity');
    expect(r.checks.get('signature')?.outcome).toBe('pass');
    expect(r.checks.get('issuer-key')?.outcome).toBe('pass');
    expect(r.checks.get('hosted')?.outcome).toBe('skipped');
    expect(r.verdict).toBe('valid');
  });

  it('fails a credential with no proof at all', async () => {
    const r = await run(credential('https://issuer.test/i'), 'ob3.0-unsigned');
    expect(r.checks.get('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });

  it('fails broken structure and expired dates', async () => {
    const s = await run(credential('https://issuer.test/i', { issuer: undefined, proof: {} }), 'ob3.0-data-integrity');
    expect(s.checks.get('structure')?.outcome).toBe('fail');
    const signer = await generateSigner();
    const d = await run(await signCredential(credential(signer.did, { validUntil: '2026-01-01T00:00:00Z' }), signer), 'ob3.0-data-integrity');
    expect(d.checks.get('signature')?.outcome).toBe('pass');
    expect(d.checks.get('validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });
});
