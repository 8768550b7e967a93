/**
 * A status list settles "not revoked" only when its proof's key is confirmed as the credential's
 * issuer's. A list issued in the issuer's name whose key could not be tied to the issuer (its DID
 * document unreachable this time) was read all the same ("a key its issuer does not disown"), while
 * the credential's own key was confirmed from the fact cache: someone serving the list (a plain-http
 * statusListCredential, a hijacked host) could sign a clean list with any key and keep a revoked
 * badge valid whenever the issuer's document did not answer.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, MapCache, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const ZONELESS_NEAR = '2026-11-26T06:00:00';
const DID = 'did:web:issuer.example';
const DID_DOC = 'https://issuer.example/.well-known/did.json';
const LIST = 'https://lists.example/status/1';
let issuer: Ed25519Signer;
let mallory: Ed25519Signer;
beforeAll(async () => {
  [issuer, mallory] = await Promise.all([generateSigner(), generateSigner()]);
});

const didDocument = () => {
  const vm = { id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: issuer.multibase };
  return { '@context': ['https://www.w3.org/ns/did/v1'], id: DID, verificationMethod: [vm], assertionMethod: [vm.id] };
};

async function list(signer: Ed25519Signer, verificationMethod: string, set: number[]) {
  const bits = new Uint8Array(16 * 1024);
  for (const i of set) bits[i >> 3]! |= 0x80 >> (i & 7);
  return signCredential({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: LIST,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: DID,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(bits).toString('base64url')}` },
  }, signer, { verificationMethod });
}

describe('a status list whose key is not confirmed as the issuer\'s', () => {
  it('settles nothing: a revoked badge is not made valid by a clean list signed with another key', async () => {
    const entry = { id: `${LIST}#7`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: LIST };
    // Signed with the issuer's key as a did:key method (read with no fetch), which its did:web document lists.
    const vc = await signCredential(credential(DID, { credentialStatus: entry }), issuer);
    const cache = new MapCache();
    // The genuine list says revoked; the issuer's key is confirmed and remembered.
    const genuine = new FakeWeb().json(DID_DOC, didDocument()).json(LIST, await list(issuer, `${DID}#key-1`, [7]));
    const first = await verify(JSON.stringify(vc), { fetch: genuine.fetch, now: NOW, keyCache: cache });
    expect(first.checks.find((c) => c.id === 'revocation')?.code, JSON.stringify(first.checks, null, 1)).toBe('ERR_REVOKED');
    // Later: the issuer's DID document does not answer, and the list's host serves a clean list signed by another key.
    const forged = new FakeWeb().json(LIST, await list(mallory, mallory.didMethod, []));
    const r = await verify(JSON.stringify(vc), { fetch: forged.fetch, now: NOW, keyCache: cache });
    expect(r.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('pass');
    expect(r.checks.find((c) => c.id === 'revocation')?.outcome, JSON.stringify(r.checks, null, 1)).toBe('indeterminate');
    expect(r.verdict).not.toBe('valid');
  });

  it('a list by the issuer\'s own, confirmed key still settles it', async () => {
    const entry = { id: `${LIST}#8`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '8', statusListCredential: LIST };
    const vc = await signCredential(credential(DID, { credentialStatus: entry }), issuer, { verificationMethod: `${DID}#key-1` });
    const web = new FakeWeb().json(DID_DOC, didDocument()).json(LIST, await list(issuer, `${DID}#key-1`, [7]));
    const r = await verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
  });
});

describe('a status list whose dates cannot be read', () => {
  // A validUntil that is no date: whether the list has expired is unknown. The list's dates are read as
  // the credential's are (validity.ts parseInstant): Date.parse read a date with no zone in the machine's
  // local time, an impossible day as the next month's, and any other text by each engine's own
  // heuristics (ECMAScript §21.4.3.2), so the last three lists were current.
  for (const validUntil of ['next spring', '2031-02-30T00:00:00Z', 'Wed, 01 Jan 2031 00:00:00 GMT']) {
    it(`a validUntil that is no date with a time zone (${validUntil}) settles nothing`, async () => {
      const entry = { id: `${LIST}#8`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '8', statusListCredential: LIST };
      const vc = await signCredential(credential(DID, { credentialStatus: entry }), issuer, { verificationMethod: `${DID}#key-1` });
      const bits = new Uint8Array(16 * 1024);
      const lenient = await signCredential({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: LIST,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: DID,
        validFrom: '2024-01-01T00:00:00Z',
        validUntil,
        credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(bits).toString('base64url')}` },
      }, issuer, { verificationMethod: `${DID}#key-1` });
      const web = new FakeWeb().json(DID_DOC, didDocument()).json(LIST, lenient);
      const r = await verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
      expect(r.checks.find((c) => c.id === 'revocation'), JSON.stringify(r.checks, null, 1)).toMatchObject({ outcome: 'indeterminate' });
      expect(r.checks.find((c) => c.id === 'revocation')?.message).toMatch(/validUntil/);
    });
  }
});

describe('a status list whose validUntil has no time zone (XML Schema 1.1 Part 2 §E.3.3: the instant within 14 hours)', () => {
  // Before: "not a date with a time zone", a list that still speaks settled nothing.
  // A validUntil that is no date: whether the list has expired is unknown. The list's dates are read as
  // the credential's are (validity.ts parseInstant): Date.parse read a date with no zone in the machine's
  // local time, an impossible day as the next month's, and any other text by each engine's own
  // heuristics (ECMAScript §21.4.3.2), so the last three lists were current.
  for (const [validUntil, outcome] of [['2031-01-01T00:00:00', 'pass'], [ZONELESS_NEAR, 'indeterminate'], ['2020-01-01T00:00:00', 'indeterminate']] as const) {
    it(`a list valid until ${validUntil}: revocation ${outcome}`, async () => {
      const entry = { id: `${LIST}#8`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '8', statusListCredential: LIST };
      const vc = await signCredential(credential(DID, { credentialStatus: entry }), issuer, { verificationMethod: `${DID}#key-1` });
      const bits = new Uint8Array(16 * 1024);
      const lenient = await signCredential({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: LIST,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: DID,
        validFrom: '2024-01-01T00:00:00Z',
        validUntil,
        credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(bits).toString('base64url')}` },
      }, issuer, { verificationMethod: `${DID}#key-1` });
      const web = new FakeWeb().json(DID_DOC, didDocument()).json(LIST, lenient);
      const r = await verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
      expect(r.checks.find((c) => c.id === 'revocation'), JSON.stringify(r.checks, null, 1)).toMatchObject({ outcome });
      if (outcome !== 'pass') expect(r.checks.find((c) => c.id === 'revocation')?.message).toMatch(validUntil === ZONELESS_NEAR ? /validUntil without a time zone/ : /expired/);
    });
  }
});
