/**
 * The recipient check is a core check (src/core/result.ts): it reads credentialSubject.id and each
 * credentialSubject.identifier entry (OB 3.0 §IdentityObject: identityType, identityHash, hashed,
 * salt). An RDFC proof signs statements, not JSON keys, so someone holding Alice's genuine badge
 * could write her identifier under its full IRI (or an alias an added inline context defines):
 * the proof still verifies, Lanyard no longer sees a recipient, and the badge reads as valid for
 * Mallory ("names no identity comparable") instead of "issued to someone else".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const OBV = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
type Doc = Record<string, any>;
let alice: Ed25519Signer;
let signed: Doc;
const identity = { type: 'IdentityObject', identityType: 'emailAddress', identityHash: 'alice@example.com', hashed: false };
beforeAll(async () => {
  alice = await generateSigner();
  const c = credential(alice.did) as Doc;
  delete c.credentialSubject.id;
  c.credentialSubject.identifier = [identity];
  signed = await signCredential(c, alice);
});

const asMallory = (vc: unknown) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW, identities: [{ type: 'email', value: 'mallory@example.com' }] });
const check = (r: Awaited<ReturnType<typeof asMallory>>, id: string) => r.checks.find((c) => c.id === id);
const show = (r: Awaited<ReturnType<typeof asMallory>>) => JSON.stringify(r.checks, null, 1);
const withSubject = (s: Doc): Doc => ({ ...signed, credentialSubject: s });
const subjectWithout = (key: string): Doc => Object.fromEntries(Object.entries(signed.credentialSubject).filter(([k]) => k !== key));

describe('a signed recipient Lanyard would not read', () => {
  it('the genuine badge, checked by Mallory: invalid (issued to someone else)', async () => {
    const r = await asMallory(signed);
    expect(check(r, 'recipient')?.code, show(r)).toBe('ERR_RECIPIENT_MISMATCH');
    expect(r.verdict).toBe('invalid');
  });

  it('identifier moved under its full IRI: not valid', async () => {
    const r = await asMallory(withSubject({ ...subjectWithout('identifier'), [`${OBV}identifier`]: signed.credentialSubject.identifier }));
    expect(r.verdict, show(r)).not.toBe('valid');
    expect(check(r, 'signature')?.message).toMatch(/identifier/);
  });

  it('identifier moved under an alias an added inline context defines: not valid', async () => {
    const moved = { ...withSubject({ ...subjectWithout('identifier'), who: signed.credentialSubject.identifier }), '@context': [...signed['@context'], { who: `${OBV}identifier` }] };
    const r = await asMallory(moved);
    expect(r.verdict, show(r)).not.toBe('valid');
  });

  it("an entry's identityHash moved under its full IRI: not valid", async () => {
    const { identityHash, ...rest } = identity;
    const entry = { ...rest, [`${OBV}identityHash`]: { '@value': identityHash, '@type': `${XSD}string` } };
    const r = await asMallory(withSubject({ ...signed.credentialSubject, identifier: [entry] }));
    expect(r.verdict, show(r)).not.toBe('valid');
  });
});
