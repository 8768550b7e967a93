/**
 * An outside review of the Data Integrity verdicts, through the whole pipeline (verify(), so the
 * precomputed canonicalization paths are the ones a user meets), against OB 3.0 verification.md
 * step 2 and integrity.md ("the verifier MAY use any one proof"), VC Data Integrity 1.0 §2.1
 * (created, expires, domain, challenge, previousProof), §4.4 Verify Proof, §4.5 Proof Sets and
 * Chains, §5.10 Verification Relationship Validation, and VC DI EdDSA/ECDSA §3.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential, signWith, type Ed25519Signer } from '../proofs/support.ts';
import { generateEcSigner, signEcdsaRdfc } from '../proofs/suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
let alice: Ed25519Signer;
let mallory: Ed25519Signer;
beforeAll(async () => {
  [alice, mallory] = await Promise.all([generateSigner(), generateSigner()]);
});

const run = (vc: unknown, web = new FakeWeb()) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
const outcome = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);
const show = (r: Awaited<ReturnType<typeof run>>) => JSON.stringify(r.checks, null, 1);

describe('review: the proof and its key', () => {
  it('eddsa-rdfc-2022 by a did:key (Ed25519) issuer: valid', async () => {
    const r = await run(await signCredential(credential(alice.did), alice));
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('ecdsa-rdfc-2019 by a did:key (P-256) issuer: valid; by another P-256 key: invalid', async () => {
    const ec = await generateEcSigner('P-256');
    expect((await run(await signEcdsaRdfc(credential(ec.did), ec))).verdict).toBe('valid');
    const other = await generateEcSigner('P-256');
    const r = await run(await signEcdsaRdfc(credential(ec.did), other));
    expect(outcome(r, 'issuer-key')?.outcome, show(r)).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('a did:jwk issuer (Ed25519), method #0: valid', async () => {
    const { multibaseDecode } = await import('../../../src/core/keys/base58.ts');
    const raw = multibaseDecode(alice.multibase)!.subarray(2);
    const did = `did:jwk:${Buffer.from(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') })).toString('base64url')}`;
    const r = await run(await signCredential(credential(did), alice, { verificationMethod: `${did}#0` }));
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('proofPurpose authentication (or any but assertionMethod): invalid', async () => {
    const r = await run(await signCredential(credential(alice.did), alice, { proofPurpose: 'authentication' }));
    expect(outcome(r, 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_PROOF_PURPOSE' });
  });

  it('a verificationMethod the issuer does not control: invalid', async () => {
    const r = await run(await signCredential(credential(alice.did), mallory));
    expect(outcome(r, 'signature')?.outcome).toBe('pass');
    expect(outcome(r, 'issuer-key')).toMatchObject({ outcome: 'fail', code: 'ERR_KEY_NOT_OWNED' });
  });

  it('did:web issuer: valid when assertionMethod lists the method; invalid when only authentication does (DI §5.10)', async () => {
    const did = 'did:web:issuer.test';
    const vm = `${did}#key-1`;
    const method = { id: vm, type: 'Multikey', controller: did, publicKeyMultibase: alice.multibase };
    const good = new FakeWeb().json('https://issuer.test/.well-known/did.json', { id: did, verificationMethod: [method], assertionMethod: [vm] });
    const vc = await signCredential(credential(did), alice, { verificationMethod: vm });
    expect((await run(vc, good)).verdict).toBe('valid');
    const other = `${did}#key-2`;
    const authOnly = new FakeWeb().json('https://issuer.test/.well-known/did.json', {
      id: did,
      verificationMethod: [method, { id: other, type: 'Multikey', controller: did, publicKeyMultibase: mallory.multibase }],
      authentication: [vm],
      assertionMethod: [other],
    });
    const r = await run(vc, authOnly);
    expect(outcome(r, 'signature')?.outcome).toBe('pass');
    expect(outcome(r, 'issuer-key')?.outcome, show(r)).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('a key past the first 256 of a very long issuer key list is unconfirmed, not called foreign', async () => {
    const { issuerBinding } = await import('../../../src/core/keys/binding.ts');
    const { describeKey } = await import('../../../src/core/keys/jwk.ts');
    const { multikeyToJwk } = await import('../../../src/core/keys/multikey.ts');
    const issuer = 'https://big.test/issuer';
    const filler = Array.from({ length: 260 }, (_, i) => ({ id: `${issuer}#f${i}`, type: 'Multikey', publicKeyMultibase: mallory.multibase.slice(0, -1) + 'x' }));
    const mine = { id: `${issuer}#mine`, type: 'Multikey', publicKeyMultibase: alice.multibase };
    const web = new FakeWeb().json(issuer, { id: issuer, verificationMethod: [...filler, mine] });
    const key = describeKey(multikeyToJwk(alice.multibase)!, 'the test key', `${issuer}#mine`);
    const { createContext } = await import('../../../src/core/verify/context.ts');
    const b = await issuerBinding(issuer, key, createContext({ fetch: web.fetch, now: NOW }));
    expect(b.status).toBe('unresolvable');
  });

  // integrity.md lets a verifier "use any one proof"; VC DI 1.0 §4.5 verifies the set only when each proof is: not valid, not forged.
  it('a proof set with one good proof by the issuer and one broken proof: indeterminate (VC DI 1.0 §4.5)', async () => {
    const signed = await signCredential(credential(alice.did), alice);
    const good = signed.proof as Record<string, unknown>;
    const broken = { ...good, proofValue: `z${'1'.repeat(60)}` };
    for (const proof of [[good, broken], [broken, good]]) {
      const r = await run({ ...signed, proof });
      expect(r.verdict, show(r)).toBe('indeterminate');
    }
  });

  it('a proof set with the issuer proof and an entry that is not a proof object at all: indeterminate, the entry is one more failing proof', async () => {
    const signed = await signCredential(credential(alice.did), alice);
    const r = await run({ ...signed, proof: [signed.proof, 'not a proof'] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect((await run({ ...signed, proof: ['not a proof'] })).verdict).toBe('invalid');
  });

  it('a proof set whose only issuer proof is broken and another key signs: not valid', async () => {
    const signed = await signCredential(credential(alice.did), mallory);
    const mine = (await signCredential(credential(alice.did), alice)).proof as Record<string, unknown>;
    const r = await run({ ...signed, proof: [signed.proof, { ...mine, proofValue: `z${'1'.repeat(60)}` }] });
    expect(r.verdict, show(r)).toBe('invalid');
  });
});

describe('review: proof options (VC DI 1.0 §2.1)', () => {
  it('domain and challenge present, none expected: valid (§4.4 checks them only against given options)', async () => {
    const vc = await signWith(credential(alice.did), alice, { domain: 'https://verifier.example', challenge: 'abc123' });
    const r = await run(vc);
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('created in the future: valid (no rule in §4.4; a skewed clock must not fail a badge)', async () => {
    const vc = await signWith(credential(alice.did), alice, { created: '2027-06-01T00:00:00Z' });
    expect((await run(vc)).verdict).toBe('valid');
  });

  it('expires in the past: not valid, the proof no longer vouches for the credential; in the future: valid', async () => {
    const past = await signWith(credential(alice.did), alice, { expires: '2026-01-01T00:00:00Z' });
    const r = await run(past);
    expect(outcome(r, 'signature'), show(r)).toMatchObject({ outcome: 'indeterminate' });
    expect(outcome(r, 'signature')?.message).toContain('expired');
    expect(r.verdict).toBe('indeterminate');
    const future = await signWith(credential(alice.did), alice, { expires: '2030-01-01T00:00:00Z' });
    expect((await run(future)).verdict).toBe('valid');
  });

  it('an expired proof beside a current one: valid; an altered credential with an expired proof: invalid', async () => {
    const past = await signWith(credential(alice.did), alice, { expires: '2026-01-01T00:00:00Z' });
    // A proof set: the expired proof, then a current one over the same credential.
    const both = await signCredential(past, alice);
    const r = await run(both);
    expect(r.verdict, show(r)).toBe('valid');
    expect(outcome(r, 'signature')?.message).toContain('Proof 2 of 2');
    expect(outcome(r, 'signature')?.message).toContain('proof 1 of 2 (eddsa-rdfc-2022) does not count: The proof verifies, but it expired');
    const altered = { ...past, name: 'Something else' };
    expect((await run(altered)).verdict).toBe('invalid');
  });

  it('a chained proof (previousProof) is not called forged: indeterminate when it is the only evidence', async () => {
    const vc = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-1' });
    const r = await run(vc);
    expect(outcome(r, 'signature')?.outcome, show(r)).not.toBe('pass');
    expect(r.verdict).not.toBe('valid');
  });
});

describe('review: signed data is never silently dropped (VC DI 1.0 §4.1 / §2.4.3, JSON-LD safe mode)', () => {
  it('a term its contexts do not define, added after signing: invalid', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    for (const added of [{ undefinedTerm: 'x' }, { credentialSubject: { ...(vc.credentialSubject as object), grade: 'A+' } }]) {
      const r = await run({ ...vc, ...added });
      expect(r.verdict, show(r)).toBe('invalid');
      expect(outcome(r, 'signature')?.outcome).toBe('fail');
    }
  });

  it('a VC 1.1 credential (no @vocab) with an undefined term, added after signing: invalid', async () => {
    const V1 = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://w3id.org/security/data-integrity/v2'];
    const c = credential(alice.did, { '@context': V1, issuanceDate: '2024-01-01T00:00:00Z' });
    delete c.validFrom;
    const vc = await signCredential(c, alice);
    expect((await run(vc)).verdict, show(await run(vc))).toBe('valid');
    const r = await run({ ...vc, extraClaim: 'not signed' });
    expect(r.verdict).toBe('invalid');
  });

  it('an extra context with @vocab: the new term is signed, and altering it fails the signature', async () => {
    const c = credential(alice.did, { '@context': [...(credential(alice.did)['@context'] as string[]), { '@vocab': 'https://issuer.test/vocab#' }], customThing: 'signed' });
    const vc = await signCredential(c, alice);
    expect((await run(vc)).verdict).toBe('valid');
    const r = await run({ ...vc, customThing: 'altered' });
    expect(outcome(r, 'signature')?.outcome).toBe('fail');
  });
});

describe('review: EndorsementCredential (verification.md §EndorsementCredential Verification)', () => {
  it('verifies a signed EndorsementCredential on its own', async () => {
    const e = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:0b8e5d1c-1111-4a4a-9999-000000000001',
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: alice.did, type: ['Profile'], name: 'Endorser' },
      validFrom: '2024-01-01T00:00:00Z',
      name: 'Endorsement',
      credentialSubject: { id: 'https://example.com/achievements/1', type: ['EndorsementSubject'], endorsementComment: 'Good' },
    };
    const r = await run(await signCredential(e, alice));
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.format).toBe('ob3.0-data-integrity');
  });
});
