/**
 * A Data Integrity proof signs the credential's RDF statements (RDFC-1.0), not its JSON: the same
 * statements can be written in JSON under another key than the one Lanyard reads (the property's
 * full IRI, a term an added inline context defines, a `@nest` object). Someone holding a genuine
 * credential could so move a signed validUntil, credentialStatus or status entry member, or a
 * proof's expires, out of Lanyard's sight while the proof still verifies: an expired, revoked or
 * no-longer-vouched-for badge would read as valid. Every statement Lanyard reads must be where it
 * reads it (src/core/proofs/signed-reading.ts); when one is signed elsewhere, the proof is unsettled.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { hashData } from '../../../src/core/proofs/ed25519.ts';
import { base58btcEncode } from '../../../src/core/proofs/sign.ts';
import { proofConfig, unsecured } from '../../../src/core/proofs/suites.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const CRED = 'https://www.w3.org/2018/credentials#';
const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
const LIST = 'https://issuer.example/status/1';
let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

type Doc = Record<string, unknown>;
const run = (vc: unknown, web = new FakeWeb()) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
const check = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);
const show = (r: Awaited<ReturnType<typeof run>>) => JSON.stringify(r.checks, null, 1);
const without = (o: Doc, key: string): Doc => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

/** An eddsa-rdfc-2022 proof with extra options (expires), which the signature covers. */
async function signWith(c: Doc, signer: Ed25519Signer, extra: Doc): Promise<Doc> {
  const proof: Doc = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2025-01-01T00:00:00Z', verificationMethod: signer.didMethod, proofPurpose: 'assertionMethod', ...extra };
  const [p, d] = await Promise.all([canonize(proofConfig(proof, c['@context'])), canonize(unsecured(c))]);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, hashData(p, d) as Uint8Array<ArrayBuffer>));
  return { ...c, proof: { ...proof, proofValue: `z${base58btcEncode(sig)}` } };
}

/** A revocation list at LIST with `set` bits on (Bitstring Status List §2.2), signed by `signer`. */
async function statusWeb(signer: Ed25519Signer, set: number[]): Promise<FakeWeb> {
  const bits = new Uint8Array(16 * 1024);
  for (const i of set) bits[i >> 3]! |= 0x80 >> (i & 7);
  const list = await signCredential(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: LIST,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: signer.did,
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${Buffer.from(gzipSync(bits)).toString('base64url')}` },
    },
    signer,
  );
  return new FakeWeb().json(LIST, list);
}

describe('a signed validUntil Lanyard would not read', () => {
  let expired: Doc;
  beforeAll(async () => {
    expired = await signCredential(credential(alice.did, { validUntil: '2025-01-01T00:00:00Z' }), alice);
  });

  it('the genuine expired credential: invalid (expired)', async () => {
    const r = await run(expired);
    expect(check(r, 'validity')?.code, show(r)).toBe('ERR_EXPIRED');
    expect(r.verdict).toBe('invalid');
  });

  it('moved under its full IRI: not valid', async () => {
    const moved = { ...without(expired, 'validUntil'), [`${CRED}validUntil`]: { '@value': expired.validUntil, '@type': XSD_DATETIME } };
    const r = await run(moved);
    expect(r.verdict, show(r)).not.toBe('valid');
    expect(check(r, 'signature')?.message).toMatch(/validUntil/);
  });

  it('moved under a term an added inline context defines: not valid', async () => {
    const alias = { expiry: { '@id': `${CRED}validUntil`, '@type': XSD_DATETIME } };
    const moved = { ...without(expired, 'validUntil'), '@context': [...(expired['@context'] as string[]), alias], expiry: expired.validUntil };
    const r = await run(moved);
    expect(r.verdict, show(r)).not.toBe('valid');
  });

  it('moved into a @nest object: not valid', async () => {
    const moved = { ...without(expired, 'validUntil'), '@nest': { validUntil: expired.validUntil } };
    const r = await run(moved);
    expect(r.verdict, show(r)).not.toBe('valid');
  });
});

describe('a signed status Lanyard would not read', () => {
  const entry = (index: number, extra: Doc = {}) => ({ id: `${LIST}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: LIST, ...extra });

  it('the genuine revoked credential: invalid (revoked); a credential with a status entry, not revoked: valid', async () => {
    const web = await statusWeb(alice, [7]);
    const revoked = await run(await signCredential(credential(alice.did, { credentialStatus: entry(7) }), alice), web);
    expect(check(revoked, 'revocation')?.code, show(revoked)).toBe('ERR_REVOKED');
    const fine = await run(await signCredential(credential(alice.did, { credentialStatus: entry(8) }), alice), web);
    expect(fine.verdict, show(fine)).toBe('valid');
  });

  it('credentialStatus moved under its full IRI: not valid', async () => {
    const web = await statusWeb(alice, [7]);
    const revoked = await signCredential(credential(alice.did, { credentialStatus: entry(7) }), alice);
    const moved = { ...without(revoked, 'credentialStatus'), [`${CRED}credentialStatus`]: revoked.credentialStatus };
    const r = await run(moved, web);
    expect(r.verdict, show(r)).not.toBe('valid');
    expect(check(r, 'signature')?.message).toMatch(/credentialStatus/);
  });

  it('an entry without an id moved away, beside one Lanyard reads: not valid', async () => {
    const web = await statusWeb(alice, [7]);
    const anon = (i: number) => without(entry(i), 'id');
    const revoked = await signCredential(credential(alice.did, { credentialStatus: [anon(8), anon(7)] }), alice);
    const moved = { ...without(revoked, 'credentialStatus'), credentialStatus: anon(8), [`${CRED}credentialStatus`]: anon(7) };
    const r = await run(moved, web);
    expect(r.verdict, show(r)).not.toBe('valid');
  });

  it('an entry\'s statusSize moved away (Lanyard would read another bit): not valid', async () => {
    // Two-bit entries: entry 3 is bits 6–7; bit 7 is set. Read as one-bit entries, index 3 is bit 3, clear.
    const web = await statusWeb(alice, [7]);
    const signed = await signCredential(credential(alice.did, { credentialStatus: entry(3, { statusSize: 2 }) }), alice);
    const genuine = await run(signed, web);
    expect(check(genuine, 'revocation')?.code, show(genuine)).toBe('ERR_REVOKED');
    const st = signed.credentialStatus as Doc;
    const moved = { ...signed, credentialStatus: { ...without(st, 'statusSize'), 'https://www.w3.org/ns/credentials/status#statusSize': { '@value': 2, '@type': 'https://www.w3.org/2001/XMLSchema#integer' /* sic: the VC 2.0 context's datatype */ } } };
    const r = await run(moved, web);
    expect(r.verdict, show(r)).not.toBe('valid');
  });
});

describe('a signed proof expiry Lanyard would not read', () => {
  it('the genuine expired proof: not valid; its expires moved under the full IRI: still not valid', async () => {
    const vc = await signWith(credential(alice.did), alice, { expires: '2025-06-01T00:00:00Z' });
    const genuine = await run(vc);
    expect(check(genuine, 'signature')?.code, show(genuine)).toBe('ERR_EXPIRED');
    const proof = vc.proof as Doc;
    const moved = { ...vc, proof: { ...without(proof, 'expires'), 'https://w3id.org/security#expiration': { '@value': proof.expires, '@type': XSD_DATETIME } } };
    const r = await run(moved);
    expect(r.verdict, show(r)).not.toBe('valid');
    expect(check(r, 'signature')?.message).toMatch(/expires/);
  });
});
