/**
 * OB 3.0 badges signed here in each new suite, through the whole engine (verify/pipeline.ts):
 * the verdict, and the issuer-key rule of DESIGN.md (a did:key method binds to the same did:key
 * issuer, and to no other issuer).
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { generateEcSigner, signEcdsaRdfc, signEd25519Signature2018 } from './suites-sign.ts';
import { credential, generateSigner, OB3 } from './support.ts';
import { JFF_2018, PLUGFEST } from './suite-vectors.ts';

/** VC 2.0 does not define Ed25519Signature2018's terms: its issuers add the suite's context (bundled from its npm package). */
const with2018 = (issuer: string) => credential(issuer, { '@context': [...OB3, 'https://w3id.org/security/suites/ed25519-2018/v1'] });

const now = new Date('2026-11-26T00:00:00Z');
const check = (r: Awaited<ReturnType<typeof verify>>, id: string) => r.checks.find((c) => c.id === id);

describe('published JFF Plugfest badges, through the engine', () => {
  it.each(Object.entries({ ...PLUGFEST, 'Plugfest 2, Diwala (Ed25519Signature2018)': JFF_2018 }))('%s: valid', async (_n, vc) => {
    const r = await verify(JSON.stringify(vc), { now });
    expect(r.checks.filter((c) => c.outcome === 'fail' || c.outcome === 'indeterminate')).toEqual([]);
    expect(r.verdict).toBe('valid');
  });
});

describe('OB 3.0 credentials in the new suites, through the engine', () => {
  it.each(['P-256', 'P-384'] as const)('ecdsa-rdfc-2019 %s: valid, the did:key issuer bound', async (crv) => {
    const signer = await generateEcSigner(crv);
    const r = await verify(JSON.stringify(await signEcdsaRdfc(credential(signer.did), signer)), { now });
    expect(check(r, 'signature'), check(r, 'signature')?.message).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('Ed25519Signature2018: valid, the did:key issuer bound', async () => {
    const signer = await generateSigner();
    const r = await verify(JSON.stringify(await signEd25519Signature2018(with2018(signer.did), signer)), { now });
    expect(check(r, 'signature'), check(r, 'signature')?.message).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('a did:key method while the issuer is another did:key: the signature holds, the key is not the issuer’s', async () => {
    const [signer, issuer] = await Promise.all([generateEcSigner('P-256'), generateEcSigner('P-256')]);
    const r = await verify(JSON.stringify(await signEcdsaRdfc(credential(issuer.did), signer)), { now });
    expect(check(r, 'signature')).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'fail' });
    expect(r.verdict).toBe('invalid');
  });

  it('a tampered badge is invalid in each suite', async () => {
    const ec = await generateEcSigner('P-384');
    const ed = await generateSigner();
    for (const signed of [await signEcdsaRdfc(credential(ec.did), ec), await signEd25519Signature2018(with2018(ed.did), ed)]) {
      const tampered = structuredClone(signed) as Record<string, any>;
      tampered.credentialSubject.achievement.name = 'Leadership';
      const r = await verify(JSON.stringify(tampered), { now });
      expect(check(r, 'signature')).toMatchObject({ outcome: 'fail' });
      expect(r.verdict).toBe('invalid');
    }
  });

  it('an unimplemented suite makes the verdict indeterminate, not invalid', async () => {
    const ec = await generateEcSigner('P-256');
    const signed = (await signEcdsaRdfc(credential(ec.did), ec)) as Record<string, any>;
    signed.proof.cryptosuite = 'bbs-2023';
    const r = await verify(JSON.stringify(signed), { now });
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate' });
    expect(check(r, 'signature')?.message).toContain('bbs-2023');
    expect(r.verdict).toBe('indeterminate');
  });
});
