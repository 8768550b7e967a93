/**
 * The suites beside eddsa-rdfc-2022 (issue 11 point 4), on published credentials: the W3C
 * vc-di-ecdsa test vectors (ecdsa-rdfc-2019 P-256/P-384, ecdsa-sd-2023 derived proofs) and a
 * JFF Plugfest 2 badge signed with Ed25519Signature2018. Each: the genuine one verifies, a
 * tampered one and a wrong key fail; suites Lanyard does not implement are indeterminate.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { context } from './support.ts';
import { ECDSA_P256, ECDSA_P256_EMPLOY, ECDSA_P384, ECDSA_P384_EMPLOY, edited, JFF_2018, PLUGFEST, SD_BASE, SD_EMPLOY, SD_PRC, vectorContexts } from './suite-vectors.ts';

const best = async (vc: Record<string, unknown>) => (await verifyDataIntegrity(vc, context(), { contexts: vectorContexts })).best!;

// Keys of the vectors: the signer of the P-256 vectors, the issuer of the employ example (another P-256 key), the P-384 signer.
const P256_SIGNER = 'did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP';
const P256_OTHER = 'did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76';
const P384_SIGNER = 'did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ';
const method = (did: string) => `${did}#${did.slice('did:key:'.length)}`;

describe('Ed25519Signature2018 (JFF Plugfest 2 badge)', () => {
  it('verifies, and its did:key method is the did:key issuer', async () => {
    const r = await best(JFF_2018);
    expect(r.signature).toMatchObject({ outcome: 'pass' });
    expect(r.signature.message).toContain('Ed25519Signature2018');
    expect(r.issuerKey).toMatchObject({ status: 'bound' });
  });

  it('fails when the achievement is edited', async () => {
    const r = await best(edited(JFF_2018, (c) => (c.credentialSubject.achievement.name = 'Something else')));
    expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('fails with another Ed25519 key', async () => {
    const other = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const r = await best(edited(JFF_2018, (c) => (c.proof.verificationMethod = method(other))));
    expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('fails when the jws signature is altered, or its payload attached', async () => {
    const jws = (JFF_2018.proof as { jws: string }).jws;
    const [h, , s] = jws.split('.') as [string, string, string];
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
    expect((await best(edited(JFF_2018, (c) => (c.proof.jws = `${h}..${flipped}`)))).signature).toMatchObject({ outcome: 'fail' });
    expect((await best(edited(JFF_2018, (c) => (c.proof.jws = `${h}.eyJ4IjoxfQ.${s}`)))).signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('refuses alg none, HMAC and a JOSE algorithm the suite does not sign with, before any key', async () => {
    const sig = (JFF_2018.proof as { jws: string }).jws.split('.')[2];
    for (const header of [{ alg: 'none' }, { alg: 'HS256', b64: false, crit: ['b64'] }, { alg: 'ES256', b64: false, crit: ['b64'] }, { alg: 'EdDSA', b64: false, crit: ['b64', 'zip'] }]) {
      const h = Buffer.from(JSON.stringify(header)).toString('base64url');
      const r = await best(edited(JFF_2018, (c) => (c.proof.jws = `${h}..${header.alg === 'none' ? '' : sig}`)));
      expect(r.signature.outcome, JSON.stringify(header)).toBe('fail');
      if (header.alg !== 'EdDSA') expect(r.signature.code).toBe(ErrorCodes.ALG_NOT_ALLOWED);
    }
  });
});

describe('JFF x vc-edu Plugfest badges (w3c-ccg/vc-ed)', () => {
  it.each(Object.entries(PLUGFEST))('%s verifies, bound to its did:key issuer', async (_name, vc) => {
    const r = await best(vc);
    expect(r.signature, r.signature.message).toMatchObject({ outcome: 'pass' });
    expect(r.issuerKey).toMatchObject({ status: 'bound' });
  });

  it('fails each one once its achievement is renamed', async () => {
    for (const vc of Object.values(PLUGFEST)) {
      const r = await best(edited(vc, (c) => (c.credentialSubject.achievement.name = 'Renamed')));
      expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    }
  });
});

describe('ecdsa-rdfc-2019 (W3C vc-di-ecdsa test vectors)', () => {
  it.each([
    ['P-256', ECDSA_P256],
    ['P-384', ECDSA_P384],
    ['P-256, employment example', ECDSA_P256_EMPLOY],
    // Blank nodes: RDFC-1.0 must hash with SHA-384 for a P-384 key (VC DI ECDSA §2 "Algorithms").
    ['P-384, employment example', ECDSA_P384_EMPLOY],
  ])('verifies the %s vector', async (_name, vc) => {
    const r = await best(vc);
    expect(r.signature, r.signature.message).toMatchObject({ outcome: 'pass' });
    expect(r.signature.message).toContain('ecdsa-rdfc-2019');
  });

  it('fails a tampered credential, on either curve', async () => {
    for (const vc of [ECDSA_P256, ECDSA_P384_EMPLOY]) {
      const r = await best(edited(vc, (c) => (c.validFrom = '2019-12-03T00:00:01Z')));
      expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    }
  });

  it('fails with another P-256 key, and a P-384 signature with a P-256 key', async () => {
    expect((await best(edited(ECDSA_P256, (c) => (c.proof.verificationMethod = method(P256_OTHER))))).signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect((await best(edited(ECDSA_P384, (c) => (c.proof.verificationMethod = method(P256_SIGNER))))).signature).toMatchObject({ outcome: 'fail' });
    expect((await best(edited(ECDSA_P256, (c) => (c.proof.verificationMethod = method(P384_SIGNER))))).signature).toMatchObject({ outcome: 'fail' });
  });

  it('refuses an Ed25519 key for an ECDSA suite', async () => {
    const r = await best(edited(ECDSA_P256, (c) => (c.proof.verificationMethod = method('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'))));
    expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.ALG_NOT_ALLOWED });
  });

  it('binds the key only to its own did:key issuer', async () => {
    // The employment example names did:key P256_OTHER as issuer but was signed with P256_SIGNER: not the issuer's key.
    expect((await best(ECDSA_P256_EMPLOY)).issuerKey).toMatchObject({ status: 'not-listed' });
    const own = edited(ECDSA_P256, (c) => (c.issuer = P256_SIGNER));
    // Changing the issuer changes the signed document: the signature fails, so no binding is claimed.
    expect((await best(own)).signature.outcome).toBe('fail');
  });
});

describe('ecdsa-sd-2023 derived credentials (W3C vc-di-ecdsa test vectors)', () => {
  it.each([
    ['employment', SD_EMPLOY],
    ['permanent resident card', SD_PRC],
  ])('verifies the %s disclosure', async (_n, vc) => {
    const r = await best(vc);
    expect(r.signature, r.signature.message).toMatchObject({ outcome: 'pass' });
    expect(r.signature.message).toContain('ecdsa-sd-2023');
  });

  it('fails when a disclosed value is changed (non-mandatory statement)', async () => {
    const r = await best(edited(SD_EMPLOY, (c) => (c.credentialSubject.birthCountry = 'Canada')));
    expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(r.signature.message).toMatch(/disclosed statement|altered/);
  });

  it('fails when a mandatory value (the issuer, in this example) is changed', async () => {
    const r = await best(edited(SD_EMPLOY, (c) => (c.issuer.image = 'data:image/png;base64,AAAA')));
    expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(r.signature.message).toContain('base signature');
  });

  it('fails when a statement is withheld or added', async () => {
    expect((await best(edited(SD_EMPLOY, (c) => delete c.credentialSubject.birthCountry)))).toMatchObject({ signature: { outcome: 'fail' } });
    expect((await best(edited(SD_EMPLOY, (c) => (c.credentialSubject.givenName = 'JOHN'))))).toMatchObject({ signature: { outcome: 'fail' } });
  });

  it('fails with another issuer key', async () => {
    const r = await best(edited(SD_PRC, (c) => (c.proof.verificationMethod = method(P256_OTHER))));
    expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('leaves a P-384 issuer key unsettled: no vector defines that variant', async () => {
    const r = await best(edited(SD_PRC, (c) => (c.proof.verificationMethod = method(P384_SIGNER))));
    expect(r.signature).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
  });

  it('fails a corrupted proof value, and calls the holder’s base proof indeterminate (not forged)', async () => {
    const pv = (SD_EMPLOY.proof as { proofValue: string }).proofValue;
    const cut = await best(edited(SD_EMPLOY, (c) => (c.proof.proofValue = pv.slice(0, -12))));
    expect(cut.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    const base = await best(SD_BASE);
    expect(base.signature).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(base.signature.message).toContain('ecdsa-sd-2023');
  });
});

describe('bundled suite contexts', () => {
  it('holds the Ed25519 2018 suite context (npm) and the JWK context (W3C)', async () => {
    const { bundledContexts } = await import('../../../src/core/jsonld/contexts.ts');
    expect(bundledContexts().has('https://w3id.org/security/suites/ed25519-2018/v1')).toBe(true);
    expect(bundledContexts().has('https://w3id.org/security/jwk/v1')).toBe(true);
  });

  it('canonicalizes a document that uses the JWK context', async () => {
    const { canonize } = await import('../../../src/core/jsonld/canonize.ts');
    const doc = { '@context': 'https://w3id.org/security/jwk/v1', id: 'did:example:1#k', type: 'JsonWebKey', controller: 'did:example:1', publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc' } };
    const nq = await canonize(doc);
    expect(nq).toContain('<https://w3id.org/security#publicKeyJwk> "{\\"crv\\":\\"Ed25519\\",\\"kty\\":\\"OKP\\",\\"x\\":\\"abc\\"}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>');
    expect(nq).toContain('<https://w3id.org/security#JsonWebKey>');
  });
});

describe('suites Lanyard does not implement', () => {
  const proofOf = (proof: Record<string, unknown>) => edited(ECDSA_P256, (c) => (c.proof = { created: '2024-01-01T00:00:00Z', verificationMethod: method(P256_SIGNER), proofPurpose: 'assertionMethod', ...proof }));

  it.each([
    [{ type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', proofValue: 'u2V0ChVhA' }, 'bbs-2023'],
    [{ type: 'JsonWebSignature2020', jws: 'eyJhbGciOiJFUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..c2ln' }, 'JsonWebSignature2020'],
    [{ type: 'RsaSignature2018', jws: 'eyJhbGciOiJQUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..c2ln' }, 'RsaSignature2018'],
    // EcdsaSecp256k1Signature2019 signs with ES256K by definition (the header of Blockcerts' own example, test/fixtures/real/blockcerts-cert-verifier-js).
    [{ type: 'EcdsaSecp256k1Signature2019', jws: 'eyJhbGciOiJFUzI1NksiLCJiNjQiOmZhbHNlLCJjcml0IjpbImI2NCJdfQ..c2ln' }, 'EcdsaSecp256k1Signature2019'],
    [{ type: 'MerkleProof2019', proofValue: 'z7veGu1qoKR3AS5Aa' }, 'MerkleProof2019'],
    [{ type: 'DataIntegrityProof', cryptosuite: 'merkle-proof-2019', proofValue: 'z7veGu1qoKR3AS5Aa' }, 'merkle-proof-2019'],
  ])('%o is indeterminate, naming the suite', async (proof, name) => {
    const r = await best(proofOf(proof));
    expect(r.signature).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(r.signature.message).toContain(name);
  });

  it('still fails such a suite signed with alg none or HMAC', async () => {
    for (const alg of ['none', 'HS256']) {
      const h = Buffer.from(JSON.stringify({ alg })).toString('base64url');
      for (const type of ['JsonWebSignature2020', 'EcdsaSecp256k1Signature2019']) {
        const r = await best(proofOf({ type, jws: `${h}..` }));
        expect(r.signature, `${type} ${alg}`).toMatchObject({ outcome: 'fail', code: ErrorCodes.ALG_NOT_ALLOWED });
      }
    }
  });

  it('still fails such a proof made for another purpose than assertion', async () => {
    const r = await best(proofOf({ type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', proofValue: 'u2V0ChVhA', proofPurpose: 'authentication' }));
    expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.PROOF_PURPOSE });
  });

  it('fails a name that is no suite at all', async () => {
    for (const proof of [{ type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2020', proofValue: 'z3' }, { type: 'MySignature2024', proofValue: 'z3' }]) {
      expect((await best(proofOf(proof))).signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.ALG_NOT_ALLOWED });
    }
  });
});
