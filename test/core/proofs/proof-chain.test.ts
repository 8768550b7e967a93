/**
 * Proof chains (VC Data Integrity 1.0 §2.1.2, §4.5 steps 3.1-3.4; src/core/proofs/proof-chain.ts): a
 * chained proof is checked over the document carrying, as its `proof`, the proofs its previousProof
 * names. The W3C EdDSA vectors (test/fixtures/suites/vc-di-eddsa_proof-set-chain_*.json) verify;
 * chains signed here with the test keys verify; whatever Lanyard cannot tell one way (a dangling or
 * ambiguous reference, a cycle, a JCS suite, a chain too deep) is indeterminate, never valid; a
 * chained proof over other proofs than those it names, or altered, does not verify.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { MAX_CHAIN_BYTES, MAX_DEPTH } from '../../../src/core/proofs/proof-chain.ts';
import { hashData } from '../../../src/core/proofs/ed25519.ts';
import { base58btcEncode } from '../../../src/core/proofs/sign.ts';
import { proofConfig, unsecured } from '../../../src/core/proofs/suites.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential, generateSigner, signWith, type Ed25519Signer } from './support.ts';
import { vectorContexts } from './suite-vectors.ts';
import { generateEcSigner, signEcdsaRdfc, type EcSigner } from './suites-sign.ts';

type Proof = Record<string, unknown>;
const vector = (n: 1 | 2): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/suites/vc-di-eddsa_proof-set-chain_signedProofChain${n}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const proofsOf = (vc: Record<string, unknown>): Proof[] => (Array.isArray(vc.proof) ? (vc.proof as Proof[]) : [vc.proof as Proof]);
const NOW = new Date('2026-11-26T00:00:00Z');
const run = (vc: unknown) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW });
const sig = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');
const show = (r: Awaited<ReturnType<typeof run>>) => JSON.stringify(r.checks, null, 1);

/** VC DI 1.0 §4.2 Add Proof with previousProof: signs the document with the named proofs as its `proof`, then adds the new proof to all of them. */
async function chain(vc: Record<string, unknown>, signer: Ed25519Signer, extra: Proof & { previousProof: unknown }, signedOver?: Proof[]): Promise<Record<string, unknown>> {
  const all = proofsOf(vc);
  const named = signedOver ?? (Array.isArray(extra.previousProof) ? extra.previousProof : [extra.previousProof]).map((id) => all.find((p) => p.id === id)!);
  const proof: Proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2025-02-01T00:00:00Z', verificationMethod: signer.didMethod, proofPurpose: 'assertionMethod', ...extra };
  const [p, d] = await Promise.all([canonize(proofConfig(proof, vc['@context'])), canonize({ ...unsecured(vc), proof: named })]);
  const s = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, hashData(p, d) as Uint8Array<ArrayBuffer>));
  return { ...vc, proof: [...all, { ...proof, proofValue: `z${base58btcEncode(s)}` }] };
}

let alice: Ed25519Signer;
let bob: Ed25519Signer;
let ec: EcSigner;
beforeAll(async () => {
  [alice, bob, ec] = await Promise.all([generateSigner(), generateSigner(), generateEcSigner('P-384')]);
});

describe('the W3C EdDSA proof chain vectors (w3c/vc-di-eddsa TestVectors/proof-set-chain)', () => {
  it('signedProofChain1: two proofs and a third chained to both, each verifies', async () => {
    const r = await verifyDataIntegrity(vector(1), context(), { contexts: vectorContexts });
    expect(r.proofs.map((p) => p.signature.outcome), JSON.stringify(r)).toEqual(['pass', 'pass', 'pass']);
  });

  it('signedProofChain2: a fourth proof chained to the third, each verifies', async () => {
    const r = await verifyDataIntegrity(vector(2), context(), { contexts: vectorContexts });
    expect(r.proofs.map((p) => p.signature.outcome), JSON.stringify(r)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('a chained proof no longer verifies once a proof it names is changed, and the set is not verified', async () => {
    const v = vector(2);
    const proofs = proofsOf(v);
    const altered = proofs.map((p, i) => (i === 2 ? { ...p, created: '2023-02-27T22:06:38Z' } : p));
    const r = await verifyDataIntegrity({ ...v, proof: altered }, context(), { contexts: vectorContexts });
    expect(r.proofs.map((p) => p.signature.outcome)).toEqual(['pass', 'pass', 'fail', 'fail']);
  });

  it('a proof the chain names removed: the chained proof is not checked, the dangling reference named', async () => {
    const v = vector(1);
    const r = await verifyDataIntegrity({ ...v, proof: proofsOf(v).slice(1) }, context(), { contexts: vectorContexts });
    expect(r.proofs[1]!.signature).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(r.proofs[1]!.signature.message).toContain('urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544, which the credential does not carry');
  });
});

describe('chains signed with the test keys, through the whole pipeline', () => {
  it('the issuer\'s proof and a proof chained to it (another party\'s) both verify: valid', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const vc = await chain(issued, bob, { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-1' });
    const r = await run(vc);
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('an ecdsa-rdfc-2019 P-384 proof chained to the issuer\'s (RDFC-1.0 with SHA-384 over the chain): valid; signed over the document alone: not valid', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const options = { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-1' };
    const chained = await signEcdsaRdfc(issued, ec, options, { ...unsecured(issued), proof: [issued.proof] });
    const r = await run({ ...issued, proof: [issued.proof, chained.proof] });
    expect(r.verdict, show(r)).toBe('valid');
    const alone = await signEcdsaRdfc(issued, ec, options);
    const s = await run({ ...issued, proof: [issued.proof, alone.proof] });
    expect(s.verdict, show(s)).toBe('indeterminate');
    expect(sig(s)?.message).toContain('Proof 2 of 2 (ecdsa-rdfc-2019) does not verify');
  });

  it('a chained proof signed over the document alone (no previous proof attached) does not verify: the set is not valid', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const vc = await chain(issued, bob, { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-1' }, []);
    const r = await run(vc);
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(sig(r)?.message).toContain('Proof 2 of 2 (eddsa-rdfc-2022) does not verify');
  });

  it('the credential altered after the chain: invalid', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const vc = await chain(issued, bob, { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-1' });
    const r = await run({ ...vc, name: 'Another badge' });
    expect(r.verdict, show(r)).toBe('invalid');
  });

  it('the issuer\'s proof chained to a proof Lanyard cannot check: indeterminate, the link named', async () => {
    const base = { ...credential(alice.did), proof: { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', id: 'urn:uuid:proof-0', verificationMethod: bob.didMethod, proofPurpose: 'assertionMethod', proofValue: 'u2V0ChVhA' } };
    const vc = await chain(base, alice, { id: 'urn:uuid:proof-1', previousProof: 'urn:uuid:proof-0' });
    const r = await run(vc);
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(sig(r)?.message).toContain('chained to urn:uuid:proof-0 (proof 1), which is not verified');
  });

  it('a previousProof naming one proof twice signed that proof once (§4.5 step 3.3 takes proofs from the set): valid, and a thousand names cost one proof', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const vc = await chain(issued, bob, { id: 'urn:uuid:proof-2', previousProof: ['urn:uuid:proof-1', 'urn:uuid:proof-1'] }, [issued.proof as Proof]);
    const r = await run(vc);
    expect(r.verdict, show(r)).toBe('valid');
    const many = await chain(issued, bob, { id: 'urn:uuid:proof-2', previousProof: Array<string>(1000).fill('urn:uuid:proof-1') }, [issued.proof as Proof]);
    const started = performance.now();
    expect((await run(many)).verdict).toBe('valid');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('two proofs calling themselves by the id a chained proof names: indeterminate, never valid', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const twice = { ...issued, proof: [issued.proof, issued.proof] };
    const vc = await chain(twice, bob, { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-1' }, [issued.proof as Proof]);
    const r = await run(vc);
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(sig(r)?.message).toContain('more than one proof of the credential calls itself');
  });

  it('a proof naming itself, or two proofs naming each other: indeterminate, the cycle named', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const self = await chain(issued, bob, { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-2' }, []);
    const loop = { ...issued, proof: [{ ...(issued.proof as Proof), id: 'urn:uuid:a', previousProof: 'urn:uuid:b' }, { ...(issued.proof as Proof), id: 'urn:uuid:b', previousProof: 'urn:uuid:a' }] };
    for (const vc of [self, loop]) {
      const r = await run(vc);
      expect(r.verdict, show(r)).toBe('indeterminate');
      expect(show(r)).toContain('come back to a proof already in the chain');
    }
  });

  it(`a chain more than ${MAX_DEPTH} proofs deep: indeterminate`, async () => {
    let vc = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-0' });
    for (let i = 1; i <= MAX_DEPTH; i++) vc = await chain(vc, bob, { id: `urn:uuid:proof-${i}`, previousProof: `urn:uuid:proof-${i - 1}` });
    // The deepest first (Lanyard checks the first 16 proofs of a set), then the one below it, which is within the bound.
    const [deepest, below] = proofsOf(vc).slice(-2).reverse();
    const r = await verifyDataIntegrity({ ...vc, proof: [deepest, below, ...proofsOf(vc).slice(0, -2)] }, context());
    expect(r.proofs[0]!.signature.message, JSON.stringify(r.proofs[0])).toContain(`go more than ${MAX_DEPTH} proofs deep`);
    expect(r.proofs.slice(1).every((p) => p.signature.outcome === 'pass'), JSON.stringify(r.proofs)).toBe(true);
  });

  it('chained proofs that would have the credential canonicalized over and over (each its own document): not checked past MAX_CHAIN_BYTES, said why', async () => {
    // Fifteen chained proofs, each naming a thousand proofs of a credential of about 600 KB: each chained
    // document is the whole credential again, 9 MB of RDFC work for a 600 KB input (several seconds of the worker).
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-0' });
    const base = issued.proof as Proof;
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...base, id: `urn:uuid:p${i}` }));
    const chained = Array.from({ length: 15 }, (_, i) => ({ ...base, id: `urn:uuid:c${i}`, previousProof: many.map((p) => p.id) }));
    const vc = { ...issued, proof: [base, ...chained, ...many] };
    expect(JSON.stringify(vc).length * 15).toBeGreaterThan(MAX_CHAIN_BYTES);
    const r = await verifyDataIntegrity(vc, context());
    expect(r.proofs[0]!.signature.outcome).toBe('pass');
    for (const p of r.proofs.slice(1)) expect(p.signature, JSON.stringify(p)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message: expect.stringContaining('more than Lanyard canonicalizes for the chains of one credential') });
  });

  it('a chained eddsa-jcs-2022 proof (which would sign the list\'s JSON shape): indeterminate, said why', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const jcs = { ...(issued.proof as Proof), id: 'urn:uuid:proof-2', cryptosuite: 'eddsa-jcs-2022', previousProof: 'urn:uuid:proof-1' };
    const r = await run({ ...issued, proof: [issued.proof, jcs] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(sig(r)?.message).toContain('eddsa-rdfc-2022 and ecdsa-rdfc-2019 proofs only, not eddsa-jcs-2022');
  });
});
