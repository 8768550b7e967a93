/**
 * Proof sets and chains (VC Data Integrity 1.0 §2.1.1 Proof Sets, §2.1.2 Proof Chains, §4.5 Verify
 * Proof Sets and Chains), through the whole pipeline. §4.5 verifies every proof of the set and the
 * credential is verified only when each one is: a proof that does not verify makes the set not
 * verified. Lanyard's verdict (a promise: never a false valid, never a genuine badge called forged):
 * the issuer's proof verifying beside another that fails is indeterminate, naming the one that fails;
 * a proof it cannot check beside one that verifies is said with the signature, the verdict kept; a
 * chained proof (`previousProof`) that Lanyard cannot check never leaves the set valid (chains it
 * checks: proof-chain.test.ts).
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkSentence } from '../../../src/core/share/check-words.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential, generateSigner, signCredential, signedStatusList, signWith, type Ed25519Signer } from './support.ts';
import { generateEcSigner, signEcdsaRdfc, type EcSigner } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
let alice: Ed25519Signer;
let ec: EcSigner;
beforeAll(async () => {
  [alice, ec] = await Promise.all([generateSigner(), generateEcSigner('P-256')]);
});

type Proof = Record<string, unknown>;
const run = (vc: unknown) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW });
const sig = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');
const key = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'issuer-key');
const show = (r: Awaited<ReturnType<typeof run>>) => JSON.stringify(r.checks, null, 1);
const proofsOf = (vc: Record<string, unknown>): Proof[] => (Array.isArray(vc.proof) ? (vc.proof as Proof[]) : [vc.proof as Proof]);

/** A well-formed signature by the same key over other content: it does not verify here. */
async function forgedValue(signer: Ed25519Signer): Promise<string> {
  const other = await signCredential(credential(signer.did, { name: 'Another badge' }), signer);
  return (other.proof as Proof).proofValue as string;
}

/** The issuer's eddsa-rdfc-2022 proof, then its Ed25519Signature2020 proof over the same credential. */
async function dualSigned(): Promise<Record<string, unknown>> {
  const base = credential(alice.did, { '@context': [...(credential('x')['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2020/v1'] });
  return signCredential(await signCredential(base, alice), alice, { type: 'Ed25519Signature2020' });
}

describe('a proof set whose proofs Lanyard all checks (VC DI 1.0 §4.5)', () => {
  it('every proof verifies: valid, as before', async () => {
    const r = await run(await dualSigned());
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('the issuer proves it twice and either proof is broken: indeterminate, naming the proof that fails and the one that holds', async () => {
    const vc = await dualSigned();
    const bad = await forgedValue(alice);
    for (const [i, suite, other] of [[0, 'eddsa-rdfc-2022', 2], [1, 'Ed25519Signature2020', 1]] as const) {
      const proof = proofsOf(vc).map((p, j) => (j === i ? { ...p, proofValue: bad } : p));
      const r = await run({ ...vc, proof });
      expect(r.verdict, show(r)).toBe('indeterminate');
      expect(sig(r)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.SIGNATURE_INVALID });
      expect(sig(r)?.message).toContain(`Proof ${i + 1} of 2 (${suite}) does not verify`);
      expect(sig(r)?.message).toContain(`proof ${other} does`);
      // The proof that holds is the issuer's: its key is confirmed, nothing reads forged, nor "no key".
      expect(key(r)?.outcome).toBe('pass');
      expect(checkSentence(sig(r)!)).toBe('checkSignatureUnsettled');
    }
  });

  it('an ecdsa-rdfc-2019 countersignature by another key beside the issuer proof: valid when it verifies, indeterminate when it does not', async () => {
    const issued = await signCredential(credential(alice.did), alice);
    const counter = proofsOf(await signEcdsaRdfc(issued, ec))[0]!;
    const both = { ...issued, proof: [issued.proof, counter] };
    const ok = await run(both);
    expect(ok.verdict, show(ok)).toBe('valid');
    // "Issued by" is said of the issuer's proof, never of the countersignature.
    expect(sig(ok)?.message).toContain('eddsa-rdfc-2022');
    const other = proofsOf(await signEcdsaRdfc(credential(alice.did, { name: 'Another badge' }), ec))[0]!;
    const r = await run({ ...issued, proof: [issued.proof, { ...counter, proofValue: other.proofValue }] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(sig(r)?.message).toContain('Proof 2 of 2 (ecdsa-rdfc-2019) does not verify');
  });

  it("a valid proof by a key not the issuer's beside the issuer's broken proof: invalid, as before", async () => {
    const issued = await signCredential(credential(alice.did), alice);
    const counter = proofsOf(await signEcdsaRdfc(issued, ec))[0]!;
    const r = await run({ ...issued, proof: [{ ...(issued.proof as Proof), proofValue: await forgedValue(alice) }, counter] });
    expect(r.verdict, show(r)).toBe('invalid');
    expect(key(r)).toMatchObject({ outcome: 'fail', code: ErrorCodes.KEY_NOT_OWNED });
  });
});

describe('a proof set holding a proof Lanyard does not check', () => {
  it('a bbs-2023 proof beside the issuer proof that verifies: valid, the unchecked suite named with the signature', async () => {
    const issued = await signCredential(credential(alice.did), alice);
    const bbs = { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', created: '2025-01-01T00:00:00Z', verificationMethod: alice.didMethod, proofPurpose: 'assertionMethod', proofValue: 'u2V0ChVhA' };
    for (const proof of [[issued.proof, bbs], [bbs, issued.proof]]) {
      const r = await run({ ...issued, proof });
      expect(r.verdict, show(r)).toBe('valid');
      expect(sig(r)?.outcome).toBe('pass');
      expect(sig(r)?.message).toMatch(/proof [12] of 2 \(bbs-2023\) was not checked/);
    }
  });
});

describe('proof chains (VC DI 1.0 §2.1.2, §4.5 step 3)', () => {
  it('a proof chained to the issuer proof, its signature not made over the chain (a copy of the first given an id and previousProof): indeterminate, never valid', async () => {
    const issued = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-1' });
    const first = issued.proof as Proof;
    const chained = { ...(issued.proof as Proof), id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:proof-1' };
    const r = await run({ ...issued, proof: [first, chained] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(sig(r)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.SIGNATURE_INVALID });
    expect(sig(r)?.message).toContain('Proof 2 of 2 (eddsa-rdfc-2022) does not verify');
  });

  it('a previousProof naming a proof the credential does not carry: indeterminate, the dangling reference named', async () => {
    const issued = await signCredential(credential(alice.did), alice);
    const dangling = { ...(issued.proof as Proof), id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:gone' };
    for (const proof of [[issued.proof, dangling], [dangling]]) {
      const r = await run({ ...issued, proof });
      expect(r.verdict, show(r)).toBe('indeterminate');
      expect(sig(r)?.message).toContain('urn:uuid:gone, which the credential does not carry');
    }
  });
});

describe('a chained proof refused before its chain is read', () => {
  it('alone, with a proofPurpose other than assertionMethod: invalid, as before (the chain does not soften a refusal)', async () => {
    const vc = await signWith(credential(alice.did), alice, { id: 'urn:uuid:proof-2', previousProof: 'urn:uuid:gone', proofPurpose: 'authentication' });
    const r = await run(vc);
    expect(r.verdict, show(r)).toBe('invalid');
    expect(sig(r)).toMatchObject({ outcome: 'fail', code: ErrorCodes.PROOF_PURPOSE });
  });
});

describe('a status list credential secured by a proof set (Bitstring Status List v1.0 §3.2: its proofs must verify)', () => {
  const LIST = 'https://issuer.example/status/1';
  const entry = { id: `${LIST}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: LIST };
  const encodedList = `u${Buffer.from(gzipSync(new Uint8Array(16 * 1024))).toString('base64url')}`;

  it('both proofs verify: the list is read; one broken: the list settles nothing', async () => {
    const list = await signedStatusList(alice, LIST, encodedList);
    const both = await signCredential(list, alice, { created: '2025-02-01T00:00:00Z' });
    const vc = credential(alice.did, { credentialStatus: entry });
    expect((await checkCredentialStatus(vc, context(new FakeWeb().json(LIST, both)))).outcome).toBe('pass');
    const bad = await forgedValue(alice);
    const proof = proofsOf(both).map((p, i) => (i === 1 ? { ...p, proofValue: bad } : p));
    const r = await checkCredentialStatus(vc, context(new FakeWeb().json(LIST, { ...both, proof })));
    expect(r.outcome).toBe('indeterminate');
    expect(r.message).toContain('Proof 2 of 2 (eddsa-rdfc-2022) does not verify');
  });
});

describe('a proof set longer than Lanyard checks', () => {
  it('17 proofs that all verify: the 17th is unchecked, so the set is not verified (indeterminate, never valid on the first 16 alone)', async () => {
    const vc = await dualSigned();
    const one = proofsOf(vc)[0]!;
    const r16 = await run({ ...vc, proof: Array.from({ length: 16 }, () => one) });
    expect(r16.verdict, show(r16)).toBe('valid');
    const r17 = await run({ ...vc, proof: Array.from({ length: 17 }, () => one) });
    expect(r17.verdict, show(r17)).toBe('indeterminate');
    expect(sig(r17)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(sig(r17)?.message).toContain('1 more proof was not checked (Lanyard checks the first 16)');
    expect(key(r17)?.outcome).toBe('pass');
  });
});
