import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/input/detect.ts';
import { unpack } from '../../../src/core/input/index.ts';
import type { CredentialText } from '../../../src/core/input/types.ts';
import type { BadgeFormat } from '../../../src/core/model.ts';
import { ErrorCodes, ParseError, type ErrorCode } from '../../../src/core/errors.ts';
import { fixture, listFixtures } from './fixtures.ts';
import { makeJws } from './make-jws.ts';

/**
 * Every file of the corpus folders with the format it must be detected as (or the ParseError code
 * unpack must give for files that are not credentials). Worked out by reading each file:
 * `@context`, `type`, `proof`, `verification`/`verify`, and for JWS the decoded payload.
 */
const EXPECTED: Record<string, BadgeFormat | ErrorCode> = {
  // Baked images
  'baking/cs-bakery_baked_example.svg': 'ob1.0-hosted', // no @context, {uid, verify:{type:hosted}} in CDATA
  'baking/cs-bakery_baked_heart.png': 'ob1.0-hosted', // {uid, verify:{type:hosted,url}}, recipient an object
  'baking/mozilla-backpack_valid-baked.png': 'hosted-url', // legacy tEXt URL
  'baking/mozilla-bakery_bad-json.svg': 'hosted-url', // CDATA not JSON → verify URL
  'baking/mozilla-bakery_baked.svg': 'ob1.0-hosted', // CDATA {"verify":{"url":…}}
  'baking/mozilla-bakery_no-json.svg': 'hosted-url', // empty CDATA → verify URL
  'baking/ob20_simple-badge.png': 'ob2.0-hosted', // openbadges/v2, verification.type hosted
  'baking/ob30_simple-json.png': 'ob3.0-data-integrity',
  'baking/ob30_simple-json.svg': 'ob3.0-data-integrity',
  'baking/ob30_simple-jwt.png': 'ob3.0-jwt', // VC 2.0 claims at the top of the payload
  'baking/ob30_simple-jwt.svg': 'ob3.0-jwt',
  'baking/ob30_simple-jwt_v1.png': 'ob3.0-jwt', // VC 1.1 `vc` claim
  'baking/vc-core_baked_heart.png': 'ob2.0-hosted',
  // OB 2.0
  'ob20/basic-assertion-expired.json': 'ob2.0-hosted',
  'ob20/basic-assertion.json': 'ob2.0-hosted',
  'ob20/simple-not-revoked.jwt': 'ob2.0-signed',
  'ob20/simple-revoked.jwt': 'ob2.0-signed',
  'ob20/simple.jwt': 'ob2.0-signed',
  'ob20/spec-example-signed.jws': 'ob2.0-signed', // verify.type SignedBadge
  // OB 3.0: every JSON one carries a proof (object or array)
  'ob30/bit-string-list_credential-status-revoked.json': 'ob3.0-data-integrity',
  'ob30/complete.json': 'ob3.0-data-integrity',
  'ob30/credential-status-revoked.json': 'ob3.0-data-integrity', // VC 1.1 context
  'ob30/simple-did-key-method.json': 'ob3.0-data-integrity',
  'ob30/simple-eddsa-2022.json': 'ob3.0-data-integrity',
  'ob30/simple-err-expired.json': 'ob3.0-data-integrity',
  'ob30/simple-err-proof-value.json': 'ob3.0-data-integrity',
  'ob30/simple-json.extracted.json': 'ob3.0-data-integrity',
  'ob30/simple-jwt.extracted.jwt': 'ob3.0-jwt',
  'ob30/simple-jwt_v1.extracted.jwt': 'ob3.0-jwt',
  'ob30/simple.json': 'ob3.0-data-integrity',
  'ob30/simple.jwt': 'ob3.0-jwt', // `vc` claim, header without key
  'ob30/simple_v1.json': 'ob3.0-data-integrity',
  // 1EdTech test vector: the credential, and two N-Quads files that are not credentials
  'ob3-testvector/document-canon.txt': ErrorCodes.PARSE_UNRECOGNISED,
  'ob3-testvector/proof-canon.txt': ErrorCodes.PARSE_UNRECOGNISED,
  'ob3-testvector/signed-credential-eddsa-rdfc-2022.json': 'ob3.0-data-integrity',
  // Digital Credentials Consortium (some put `type` before `@context`)
  'dcc/v2_bothSignatureTypes_didkey_legacy-noStatus-noExpiry.json': 'ob3.0-data-integrity',
  'dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-basicOBv3.json': 'ob3.0-data-integrity',
  'dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json': 'ob3.0-data-integrity',
  'dcc/v2_dataIntegrityProof_didKey_oidf-noStatus-notExpired-notYetValid.json': 'ob3.0-data-integrity',
  'dcc/v2_dataIntegrityProof_didKey_twoOIDF-validStatus-expired.json': 'ob3.0-data-integrity',
  'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json': 'ob3.0-data-integrity',
  'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json': 'ob3.0-data-integrity',
};

describe('detectFormat over the conformance corpus', () => {
  it('the table lists every file of baking, ob20, ob30, ob3-testvector and dcc', () => {
    const files = ['baking', 'ob20', 'ob30', 'ob3-testvector', 'dcc'].flatMap(listFixtures);
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(EXPECTED))('%s → %s', async (file, want) => {
    const outcome = await unpack(fixture(file)).then(
      (u) => detectFormat(u.credential),
      (e: unknown) => (e instanceof ParseError ? e.code : e),
    );
    expect(outcome).toBe(want);
  });
});

const json = (doc: Record<string, unknown>): CredentialText => ({ type: 'json', text: JSON.stringify(doc), json: doc });
const jws = (payload: unknown): CredentialText => ({ type: 'jws', text: makeJws({ alg: 'RS256' }, payload) });
const V2 = 'https://w3id.org/openbadges/v2';
const V1 = 'https://w3id.org/openbadges/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const VC1 = 'https://www.w3.org/2018/credentials/v1';

describe('detectFormat: rules', () => {
  it.each<[string, CredentialText, BadgeFormat]>([
    ['a URL', { type: 'url', text: 'https://example.org/a' }, 'hosted-url'],
    // OB 3.0
    ['VC 2.0 context with a proof object', json({ '@context': [VC2], proof: { type: 'DataIntegrityProof' } }), 'ob3.0-data-integrity'],
    ['VC 1.1 context with a proof array', json({ '@context': [VC1], proof: [{}] }), 'ob3.0-data-integrity'],
    ['VC without a proof', json({ '@context': [VC2], type: ['VerifiableCredential', 'OpenBadgeCredential'] }), 'ob3.0-unsigned'],
    ['VC with an empty proof array', json({ '@context': VC2, proof: [] }), 'ob3.0-unsigned'],
    ['type VerifiableCredential alone', json({ type: 'VerifiableCredential' }), 'ob3.0-unsigned'],
    ['JWS with a vc claim', jws({ iss: 'x', vc: { type: ['VerifiableCredential'] } }), 'ob3.0-jwt'],
    ['JWS with VC 2.0 claims', jws({ '@context': [VC2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] }), 'ob3.0-jwt'],
    // OB 2.0
    ['2.0 hosted (HostedBadge)', json({ '@context': V2, verification: { type: 'HostedBadge' } }), 'ob2.0-hosted'],
    ['2.0 with no verification type', json({ '@context': V2, recipient: {} }), 'ob2.0-hosted'],
    ['2.0 signed as JSON (SignedBadge)', json({ '@context': V2, verification: { type: 'SignedBadge' } }), 'ob2.0-signed'],
    ['2.0 signed via the verify alias', json({ '@context': V2, verify: { type: 'signed' } }), 'ob2.0-signed'],
    ['2.0 context in an array with an extension', json({ '@context': [V2, { obi: 'x' }] }), 'ob2.0-hosted'],
    ['2.0 from any context that says v2', json({ '@context': 'https://example.org/openbadges-v2.jsonld' }), 'ob2.0-hosted'],
    ['1.1 from any context that says v1', json({ '@context': 'https://example.org/badges/v1/context.json' }), 'ob1.1-hosted'],
    ['openbadges/v2 wins over another v1 context', json({ '@context': [VC1.replace('credentials', 'x'), V2] }), 'ob2.0-hosted'],
    ['an unknown context defaults to 2.0 (VCORE)', json({ '@context': 'https://example.org/ctx' }), 'ob2.0-hosted'],
    ['2.0 JWS', jws({ '@context': V2, verification: { type: 'SignedBadge' } }), 'ob2.0-signed'],
    // OB 1.1
    ['1.1 hosted', json({ '@context': V1, verify: { type: 'hosted', url: 'https://e.org/a' } }), 'ob1.1-hosted'],
    ['1.1 signed JSON', json({ '@context': V1, verify: { type: 'signed' } }), 'ob1.1-signed'],
    ['1.1 JWS', jws({ '@context': V1, verify: { type: 'signed' } }), 'ob1.1-signed'],
    // OB 1.0 and 0.5
    ['1.0 hosted', json({ uid: 'a', recipient: { identity: 'x' }, verify: { type: 'hosted' } }), 'ob1.0-hosted'],
    ['1.0 signed JSON', json({ uid: 'a', recipient: { identity: 'x' }, verify: { type: 'signed' } }), 'ob1.0-signed'],
    ['a string recipient makes it 0.5, which is always hosted', json({ recipient: 'sha256$ab', verify: { type: 'signed' } }), 'ob0.5-hosted'],
    ['1.0 JWS (no context)', jws({ uid: 'a', recipient: { identity: 'x' }, verify: { type: 'signed' } }), 'ob1.0-signed'],
    ['0.5: recipient is a string', json({ recipient: 'sha256$abc', salt: 's', badge: {} }), 'ob0.5-hosted'],
    ['a JWS whose payload has a string recipient is still signed 1.0', jws({ recipient: 'a@b.c' }), 'ob1.0-signed'],
    // Not a badge
    ['JSON with no context and nothing of an assertion', json({ publicKeyMultibase: 'z6Mk' }), 'unknown'],
    ['a JWS with an empty payload object', jws({}), 'unknown'],
    ['an undecodable JWS', { type: 'jws', text: 'abc.def.ghi' }, 'unknown'],
    ['a JWS whose payload is not JSON', { type: 'jws', text: 'eyJhbGciOiJSUzI1NiJ9.bm9wZQ.c2ln' }, 'unknown'],
  ])('%s', (_, credential, want) => {
    expect(detectFormat(credential)).toBe(want);
  });
});
