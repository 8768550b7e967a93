/**
 * eddsa-jcs-2022 (VC DI EdDSA §3.4) and the JSON Canonicalization Scheme (RFC 8785): the W3C test
 * vector (test/fixtures/suites/vc-di-eddsa_eddsa-jcs-2022_signedJCS.json), credentials signed here,
 * and what must still fail.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { jcsHashData } from '../../../src/core/proofs/eddsa-jcs.ts';
import { jcs } from '../../../src/core/proofs/jcs.ts';
import { base58btcEncode } from '../../../src/core/proofs/sign.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { context, credential, generateSigner, type Ed25519Signer } from './support.ts';

const vector = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../fixtures/suites/vc-di-eddsa_eddsa-jcs-2022_signedJCS.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** VC DI EdDSA §3.4.1 Create Proof: the proof carries the document's @context, and signs JCS of both. */
async function signJcs(c: Record<string, unknown>, signer: Ed25519Signer, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> = {
    type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2025-01-01T00:00:00Z',
    verificationMethod: signer.didMethod, proofPurpose: 'assertionMethod', '@context': c['@context'], ...extra,
  };
  const data = jcsHashData(proof, c);
  if ('error' in data) throw new Error(data.error);
  const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', signer.privateKey, data as Uint8Array<ArrayBuffer>));
  return { ...c, proof: { ...proof, proofValue: `z${base58btcEncode(sig)}` } };
}

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

describe('JCS (RFC 8785)', () => {
  it('sorts members by UTF-16 code units (§3.2.3 example) and writes primitives as ECMAScript does', () => {
    const o = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // Read the order off the text: JSON.parse would put the integer-like key "1" first again.
    const order = ['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh'];
    const text = jcs(o);
    expect(order.map((v) => text.indexOf(v))).toEqual(order.map((v) => text.indexOf(v)).sort((a, b) => a - b));
    expect(text.startsWith('{"\\r":"Carriage Return","1":"One"')).toBe(true);
    expect(jcs({ numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000001, -0], literals: [null, true, false], b: { y: 1, x: 'é\n' } }))
      .toBe('{"b":{"x":"é\\n","y":1},"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,0.000001,0]}');
    expect(() => jcs({ a: Number.NaN })).toThrow();
  });
});

describe('eddsa-jcs-2022', () => {
  it('verifies the W3C test vector (VC DI EdDSA TestVectors/eddsa-jcs-2022)', async () => {
    const r = await verifyDataIntegrity(vector(), context());
    expect(r.best?.signature, JSON.stringify(r)).toMatchObject({ outcome: 'pass' });
    expect(r.best?.cryptosuite).toBe('eddsa-jcs-2022');
  });

  it('fails the vector altered, or with a proof @context that does not start the document\'s', async () => {
    const altered = { ...vector(), name: 'Another Credential' };
    expect((await verifyDataIntegrity(altered, context())).best?.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    const v = vector();
    const other = { ...v, '@context': ['https://www.w3.org/ns/credentials/v2'] };
    const r = await verifyDataIntegrity(other, context());
    expect(r.best?.signature).toMatchObject({ outcome: 'fail' });
    expect(r.best?.signature.message).toContain('@context');
  });

  it('verifies an OB 3.0 credential signed here, end to end, and fails a member added after signing', async () => {
    const vc = await signJcs(credential(alice.did), alice);
    const r = await verify(JSON.stringify(vc), { now: new Date('2026-11-26T00:00:00Z') });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toContain('eddsa-jcs-2022');
    const added = await verify(JSON.stringify({ ...vc, extra: 'not signed' }), { now: new Date('2026-11-26T00:00:00Z') });
    expect(added.verdict).toBe('invalid');
  });

  it('still fails another purpose, and another key', async () => {
    const purpose = await signJcs(credential(alice.did), alice, { proofPurpose: 'authentication' });
    expect((await verifyDataIntegrity(purpose, context())).best?.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.PROOF_PURPOSE });
    const mallory = await generateSigner();
    const r = await verifyDataIntegrity(await signJcs(credential(alice.did), mallory), context());
    expect(r.best?.signature.outcome).toBe('pass');
    expect(r.best?.issuerKey?.status).toBe('not-listed');
  });
});
