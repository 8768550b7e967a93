import type { BadgeFormat } from '../../src/core/model.ts';

/** The format each input is, read off the files themselves. */
export const FORMATS: Record<string, BadgeFormat> = {
  'ob20/simple.jwt': 'ob2.0-signed',
  'ob20/simple-revoked.jwt': 'ob2.0-signed',
  'ob20/simple-not-revoked.jwt': 'ob2.0-signed',
  'ob20/spec-example-signed.jws': 'ob2.0-signed',
  'ob20/basic-assertion.json': 'ob2.0-hosted',
  'ob20/basic-assertion-expired.json': 'ob2.0-hosted',
  'baking/ob20_simple-badge.png': 'ob2.0-hosted',
  'baking/vc-core_baked_heart.png': 'ob2.0-hosted',
  'ob3-testvector/signed-credential-eddsa-rdfc-2022.json': 'ob3.0-data-integrity',
  'ob30/simple.json': 'ob3.0-data-integrity',
  'ob30/simple-json.extracted.json': 'ob3.0-data-integrity',
  'baking/ob30_simple-json.png': 'ob3.0-data-integrity',
  'baking/ob30_simple-json.svg': 'ob3.0-data-integrity',
  'ob30/simple-err-proof-value.json': 'ob3.0-data-integrity',
  'ob30/simple-err-expired.json': 'ob3.0-data-integrity',
  'ob30/simple_v1.json': 'ob3.0-data-integrity',
  'ob30/simple-eddsa-2022.json': 'ob3.0-data-integrity',
  'ob30/simple-did-key-method.json': 'ob3.0-data-integrity',
  'ob30/credential-status-revoked.json': 'ob3.0-data-integrity',
  'ob30/bit-string-list_credential-status-revoked.json': 'ob3.0-data-integrity',
  'ob30/complete.json': 'ob3.0-data-integrity',
  'ob30/simple-jwt.extracted.jwt': 'ob3.0-jwt',
  'ob30/simple-jwt_v1.extracted.jwt': 'ob3.0-jwt',
  'baking/ob30_simple-jwt.png': 'ob3.0-jwt',
  'baking/ob30_simple-jwt.svg': 'ob3.0-jwt',
  'baking/ob30_simple-jwt_v1.png': 'ob3.0-jwt',
  'ob30/simple.jwt': 'ob3.0-jwt',
  'dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-basicOBv3.json': 'ob3.0-data-integrity',
  'dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json': 'ob3.0-data-integrity',
  'dcc/v2_dataIntegrityProof_didKey_oidf-noStatus-notExpired-notYetValid.json': 'ob3.0-data-integrity',
  'dcc/v2_dataIntegrityProof_didKey_twoOIDF-validStatus-expired.json': 'ob3.0-data-integrity',
  'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json': 'ob3.0-data-integrity',
  'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json': 'ob3.0-data-integrity',
  'dcc/v2_bothSignatureTypes_didkey_legacy-noStatus-noExpiry.json': 'ob3.0-data-integrity',
  // A 1.0 assertion ({uid, verify: {type: hosted, url}}) baked into a PNG.
  'baking/cs-bakery_baked_heart.png': 'ob1.0-hosted',
  // A legacy tEXt chunk holding the hosted assertion's URL: nothing to read offline.
  'baking/mozilla-backpack_valid-baked.png': 'hosted-url',
  'baking/cs-bakery_baked_example.svg': 'ob1.0-hosted',
  'baking/mozilla-bakery_baked.svg': 'ob1.0-hosted',
  // Broken CDATA JSON or none: the reader falls back to the verify attribute, a URL.
  'baking/mozilla-bakery_bad-json.svg': 'hosted-url',
  'baking/mozilla-bakery_no-json.svg': 'hosted-url',
};

/** Cases not yet verified to their expected verdict, by identity (input, maps, recipients). None are left. */
export const PENDING = new Set<string>([]);
