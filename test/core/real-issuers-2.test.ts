/**
 * A second round of credentials from real issuers and their own test suites (test/fixtures/real,
 * provenance in test/fixtures/README.md), beyond those of real-platforms.test.ts and
 * real-issuers.test.ts (VC-JWTs by did:jwk and did:web issuers: real-issuers-2-jwt.test.ts): what Lanyard
 * says of each, and why that is the right verdict. Nothing is
 * fetched: only the documents a test maps answer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import type { Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { readBakedPng } from '../../src/core/input/png.ts';
import { FakeWeb } from '../support/fake-web.ts';

const offline = offlineFetch();

const NOW = new Date('2026-12-01T00:00:00Z');


/**
 * Badgr EU (api.eu.badgr.io, Concentric Sky / Instructure): a hosted OB 2.0 badge baked into a PNG,
 * issued 2021-09-22 and expiring 2023-10-10, which SURF's edubadges project keeps to test unbaking;
 * its test checks the salted hash against the earner's address, oharsta@zilverline.com.
 */
describe('Badgr EU: a baked OB 2.0 hosted PNG, as SURF edubadges keeps it', () => {
  const PNG = 'badgr-eu-edubadges/test_badge_interoperability.png';
  const ID = 'https://api.eu.badgr.io/public/assertions/10Ou1MgvRRCEXvZufypxeA';

  it('is indeterminate while api.eu.badgr.io cannot be reached: the baked copy alone proves nothing, and nothing says it is false', async () => {
    const r = await verify(bytes(PNG), { fetch: offline, now: NOW, identities: ['oharsta@zilverline.com'] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob2.0-hosted');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', hosted: 'indeterminate', revocation: 'indeterminate', recipient: 'skipped' });
    expect(check(r, 'hosted')?.message).toContain(ID);
    expect(fails(r)).toEqual([]);
  });

  it('bakes the earner\'s salted address, as edubadges\' own test says', async () => {
    const baked = JSON.parse((await readBakedPng(bytes(PNG))).text) as { recipient: { identity: string; salt: string } };
    const hash = createHash('sha256').update(`oharsta@zilverline.com${baked.recipient.salt}`).digest('hex');
    expect(baked.recipient.identity).toBe(`sha256$${hash}`);
  });

  /**
   * Served the way badgr-server serves it (BadgeInstance.get_json is what it bakes, so the baked JSON
   * stands in for the copy at its id); the badge class is not published anywhere, so it answers 404.
   */
  it('with the issuer\'s copy but no badge class: unconfirmed while it ran, expired after 2023-10-10 whatever the badge class says', async () => {
    const baked = JSON.parse((await readBakedPng(bytes(PNG))).text) as Record<string, unknown>;
    const web = new FakeWeb().json(ID, baked);
    const during = await verify(bytes(PNG), { fetch: web.fetch, now: new Date('2022-06-01T00:00:00Z'), identities: ['oharsta@zilverline.com'] });
    expect(during.verdict).toBe('indeterminate');
    expect(outcomes(during)).toMatchObject({ hosted: 'indeterminate', validity: 'pass', recipient: 'pass' });
    expect(check(during, 'hosted')?.message).toContain('PYVOSHayTriC7-dXALyZbQ');
    const after = await verify(bytes(PNG), { fetch: web.fetch, now: NOW, identities: ['oharsta@zilverline.com'] });
    expect(after.verdict).toBe('invalid');
    expect(check(after, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    const other = await verify(bytes(PNG), { fetch: web.fetch, now: new Date('2022-06-01T00:00:00Z'), identities: ['someone@example.org'] });
    expect(check(other, 'recipient')?.outcome).toBe('fail');
  });
});

describe('edubadges (SURF) badges baked by a development server at localhost:8000', () => {
  // edubadges-server's unbake tests: a PNG and an SVG whose ids are http://localhost:8000/public/assertions/…
  // (eduID recipients, type "id"). Nothing on the web serves them: never valid, never called forged.
  it.each([
    ['badgr-eu-edubadges/introduction_to_political_science_edubadge.png', 'http://localhost:8000/public/assertions/DeUa447WR4mScC-4DgJomw', 'PNG'],
    ['badgr-eu-edubadges/baked_svg_edubadge.svg', 'http://localhost:8000/public/assertions/0SiqaDWfS3CXi2gCg72j_A', 'SVG'],
  ])('%s is indeterminate, naming the address it would need', async (file, id, kind) => {
    const r = await verify(bytes(file), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'parse')?.message).toContain(kind);
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate' });
    expect(check(r, 'hosted')?.message).toContain(id);
    expect(fails(r)).toEqual([]);
  });
});

/**
 * Blockcerts (Learning Machine, now Hyland Credentials): OB 2.0 assertions with the Blockcerts
 * extension, anchored in Bitcoin (verification MerkleProofVerification2017, signature MerkleProof2017),
 * and Blockcerts v3 credentials (MerkleProof2019, EcdsaSecp256k1Signature2019). cert-verifier-js
 * verifies the v2 ones against the blockchain; Lanyard checks no blockchain.
 */
describe('Blockcerts: Learning Machine / Hyland certificates from cert-verifier-js', () => {
  const BC = 'blockcerts-cert-verifier-js';
  const V2 = [
    ['v2_mainnet-valid-2.0.json', 'Certified Security Expert', 'Learning Machine', 'Bitcoin'],
    // Revoked in the issuer's list ("Incorrect Issue Date. New credential to be issued."), which is only read with the issuer's copy.
    ['v2_mainnet-revoked-2.0.json', 'Hyland Credentials Training', 'Hyland Credentials', 'Bitcoin'],
    ['v2_ethereum-ropsten-valid-2.0.json', 'Certificate of Accomplishment', 'University of Learning', 'Ethereum'],
    // Blockcerts 2.0-alpha: context https://w3id.org/blockcerts/schema/2.0-alpha/context.json.
    ['v2_testnet-valid-v1-issuer-2.0.json', 'This is the certificate title', 'Issuer Institution Name', 'Bitcoin'],
  ] as const;

  /**
   * A Blockcerts v2 certificate is vouched for by its MerkleProof2017 signature, whose Merkle root is
   * anchored in a blockchain transaction (Blockcerts v2 schema, "signature"; cert-verifier-js checks
   * the anchor). Lanyard reads no blockchain: whatever its id answers, it is not an OB 2.0 hosted
   * assertion confirmed by its issuer's copy, and never valid; nor is it called forged.
   */
  it.each(V2)('%s is Blockcerts v2, indeterminate because its blockchain anchor cannot be checked', async (file, name, issuer, chain) => {
    const r = await verify(bytes(`${BC}/${file}`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('blockcerts2');
    expect(r.badge?.name).toBe(name);
    expect(r.badge?.issuer.name).toBe(issuer);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    expect(check(r, 'signature')?.message).toContain('Blockcerts');
    expect(check(r, 'signature')?.message).toContain('MerkleProof2017');
    expect(check(r, 'signature')?.message).toContain(chain);
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    expect(fails(r)).toEqual([]);
  });

  const ID = 'https://blockcerts.learningmachine.com/certificate/ab56912734bb5784bced00b7e0e82ac9';
  const issuerDocs = offlineFetch([{ prefix: 'https://blockcerts.learningmachine.com/issuer/', dir: path.join(REAL, 'hosts/blockcerts.learningmachine.com/issuer') }]);
  const serving = (file: string, id: string, answer?: () => Response): Fetch => (url, init) =>
    url === id ? Promise.resolve(answer ? answer() : new Response(bytes(`${BC}/${file}`), { headers: { 'content-type': 'application/json' } })) : issuerDocs(url, init);

  it('is never valid because its id answers with the same certificate: the hosted copy proves nothing of the anchor', async () => {
    const r = await verify(bytes(`${BC}/v2_mainnet-valid-2.0.json`), { fetch: serving('v2_mainnet-valid-2.0.json', ID), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ signature: 'indeterminate', hosted: 'indeterminate', revocation: 'pass' });
    expect(check(r, 'hosted')?.message).toContain('Blockcerts');
    expect(fails(r)).toEqual([]);
  });

  it.each([
    ['410 Gone', () => new Response('gone', { status: 410 })],
    ['a web page', () => new Response('<!doctype html><title>Certificate</title>', { headers: { 'content-type': 'text/html' } })],
    ['another assertion', () => new Response(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://elsewhere.example/a', recipient: { type: 'email', identity: 'x@example.org', hashed: false }, badge: 'https://elsewhere.example/b', verification: { type: 'hosted' }, issuedOn: '2018-01-01' }), { headers: { 'content-type': 'application/json' } })],
  ])('is not called forged when its id answers %s', async (_what, answer) => {
    const r = await verify(bytes(`${BC}/v2_mainnet-valid-2.0.json`), { fetch: serving('v2_mainnet-valid-2.0.json', ID, answer), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')?.code).toBe(ErrorCodes.BLOCKCHAIN_ANCHOR);
  });

  /**
   * With the issuer's documents as cert-verifier-js's own tests serve them (its issuer profile and
   * revocation list for https://blockcerts.learningmachine.com/issuer/5a4fe9931f607f0f3452a65e.json), and
   * the certificate at its id as the issuer hosted it (Blockcerts certificates are fetched by that URL):
   * the issuer's list withdraws it, which no anchor can undo.
   */
  it('is revoked once the issuer\'s copy and revocation list answer, with the issuer\'s reason', async () => {
    const REVOKED = 'https://blockcerts.learningmachine.com/certificate/c4e09dfafc4a53e8a7f630df7349fd39';
    const r = await verify(bytes(`${BC}/v2_mainnet-revoked-2.0.json`), { fetch: serving('v2_mainnet-revoked-2.0.json', REVOKED), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(outcomes(r)).toMatchObject({ signature: 'indeterminate', hosted: 'indeterminate', revocation: 'fail' });
    expect(check(r, 'revocation')?.message).toContain('Incorrect Issue Date. New credential to be issued.');
  });

  /**
   * A Blockcerts v3 certificate is a BlockcertsCredential, not an OpenBadgeCredential, under
   * Blockcerts' own schema: read as Blockcerts v3 (formats/blockcerts3.ts), its anchored proof
   * unchecked, never called malformed or forged (more in real-issuers-5.test.ts).
   */
  it('does not call a Blockcerts v3 credential forged or malformed: EcdsaSecp256k1Signature2019 (ES256K) and MerkleProof2019 are unchecked', async () => {
    for (const file of ['v3_example-non-chained-proofs.json', 'v3_mocknet-vc-v2-data-integrity-proof.json']) {
      const r = await verify(bytes(`${BC}/${file}`), { fetch: offline, now: NOW, identities: [] });
      expect(r.format, file).toBe('blockcerts3');
      expect(r.verdict, file).toBe('indeterminate');
      expect(check(r, 'signature'), file).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.BLOCKCHAIN_ANCHOR });
      expect(check(r, 'structure'), file).toMatchObject({ outcome: 'pass' });
      expect(fails(r), file).toEqual([]);
    }
  });
});

/**
 * Blocktrust Credential Badges (bsandmann/blocktrust.CredentialBadges): the OB 3.0 credentials its
 * did:key verifier is tested on, both from the DCC test issuer. `ValidCredential` is what its test
 * verifies; `ValidCredential2` is unused there, and neither Lanyard nor jsonld-signatures 11 with
 * @digitalbazaar/ed25519-signature-2020 (over the same contexts) verifies its proof.
 */
describe('Blocktrust: DCC test credentials its did:key verifier uses (Ed25519Signature2020)', () => {
  const BT = 'blocktrust-credentialbadges';

  it('verifies the OB 3.0 (context 3.0.1, VC 1.1) credential, key bound to the did:key issuer, until it expired on 2025-07-26', async () => {
    const during = await verify(bytes(`${BT}/ValidCredential.json`), { fetch: offline, now: new Date('2025-01-01T00:00:00Z'), identities: [] });
    expect(during.verdict, JSON.stringify(during.checks, null, 1)).toBe('valid');
    expect(outcomes(during)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(during, 'signature')?.message).toContain('did:key:z6MkhVTX9BF3NGYX6cc7jWpbNnR7cAjH8LUffabZP8Qu4ysC');
    const after = await verify(bytes(`${BT}/ValidCredential.json`), { fetch: offline, now: NOW, identities: [] });
    expect(after.verdict).toBe('invalid');
    expect(outcomes(after)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass', validity: 'fail' });
    expect(check(after, 'validity')?.code).toBe(ErrorCodes.EXPIRED);
  });

  it('fails it once its achievement is edited', async () => {
    const text = readFileSync(path.join(REAL, BT, 'ValidCredential.json'), 'utf8').replace('"name": "Badge"', '"name": "Gold Badge"');
    const r = await verify(text, { fetch: offline, now: new Date('2025-01-01T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('fails ValidCredential2, whose proof does not hold over its text (nor with the digitalbazaar stack)', async () => {
    const r = await verify(bytes(`${BT}/ValidCredential2.json`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'fail' });
    expect(check(r, 'structure')?.message).toContain('VC 2.0');
  });
});

/**
 * The DCC's Participate platform (participate.community) issued this OB 3.0 badge as the Digital
 * Credentials Consortium, did:web:participate.community, Ed25519Signature2020; MIT's Learner Credential
 * Wallet exported it as a Verifiable Presentation, which LearnCard keeps as a "real export" test fixture.
 * The DID document is not published offline. jsonld-signatures 11 with @digitalbazaar/ed25519-signature-2020
 * verifies the proof with the key its method names (z6MkshUu…), and not once the badge is edited.
 */
describe('Participate (DCC) OB 3.0 badge, as the Learner Credential Wallet exports it (a presentation)', () => {
  const VP = 'learncard-lcw/participate-community-shared-vp.json';
  const DID = 'did:web:participate.community';
  const KEY = 'z6MkshUuBLUq8B3heEMCNNbxEMadoWSgiDhSt6b2iA9Nozqu';
  const DID_URL = 'https://participate.community/.well-known/did.json';
  /** A DID document shaped as did:web publishes one; which keys participate.community lists is not known offline. */
  const didDocument = (key: string) => ({
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    id: DID,
    verificationMethod: [{ id: `${DID}#${key}`, type: 'Ed25519VerificationKey2020', controller: DID, publicKeyMultibase: key }],
    assertionMethod: [`${DID}#${key}`],
  });

  it('reads the credential inside the presentation, and leaves it indeterminate while the issuer\'s DID document cannot be fetched', async () => {
    const r = await verify(bytes(VP), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(r.badge?.name).toBe('Digital Credential Explorer');
    expect(r.badge?.issuer.name).toBe('Digital Credentials Consortium');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'indeterminate', 'issuer-key': 'indeterminate', validity: 'pass' });
    expect(check(r, 'signature')?.message).toContain(DID_URL);
    expect(fails(r)).toEqual([]);
  });

  it('is valid once did:web:participate.community lists the key its proof names, and forged once edited', async () => {
    const web = new FakeWeb().json(DID_URL, didDocument(KEY));
    const r = await verify(bytes(VP), { fetch: web.fetch, now: NOW, identities: [] });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    const edited = readFileSync(path.join(REAL, VP), 'utf8').replace('"name": "Digital Credential Explorer"', '"name": "Digital Credential Expert"');
    const forged = await verify(edited, { fetch: web.fetch, now: NOW, identities: [] });
    expect(forged.verdict).toBe('invalid');
    expect(check(forged, 'signature')?.outcome).toBe('fail');
  });

  it('is never valid when the DID document lists another key', async () => {
    const web = new FakeWeb().json(DID_URL, didDocument('z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'));
    const r = await verify(bytes(VP), { fetch: web.fetch, now: NOW, identities: [] });
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'signature')?.outcome).not.toBe('pass');
  });

  it('reads a VC-JWT held in a presentation as that JWT (VC DM 1.1 §6.3.1): walt.id\'s Plugfest 3 badge', async () => {
    const jwt = readFileSync(path.join(REAL, 'waltid-identity/waltidIssuedJoseSignedW3CCredential.jwt'), 'utf8').trim();
    const vp = JSON.stringify({ '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: [jwt] });
    const r = await verify(vp, { fetch: offline, now: new Date('2025-06-01T00:00:00Z'), identities: [] });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(r.format).toBe('ob3.0-jwt');
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
  });

  it('does not judge a presentation of several credentials as one badge, nor read an empty one as a badge', async () => {
    const vp = JSON.parse(readFileSync(path.join(REAL, VP), 'utf8')) as { verifiableCredential: unknown[] };
    const two = await verify(JSON.stringify({ ...vp, verifiableCredential: [vp.verifiableCredential[0], vp.verifiableCredential[0]] }), { fetch: offline, now: NOW, identities: [] });
    expect(two.verdict).toBe('indeterminate');
    expect(check(two, 'parse')?.outcome).toBe('pass');
    expect(check(two, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(two, 'signature')?.message).toContain('2 credentials');
    const none = await verify(JSON.stringify({ ...vp, verifiableCredential: [] }), { fetch: offline, now: NOW, identities: [] });
    expect(check(none, 'parse')?.outcome).toBe('fail');
    expect(none.verdict).toBe('invalid');
  });
});

describe('Open Badge Factory: a baked PNG holding only its assertion URL (OB 1.x-era tEXt), as Open Badge Passport\'s tests keep it', () => {
  // openbadgefactory/salava (Open Badge Passport) resources/test/invalid-metadata.png: a real OBF badge whose
  // recipient is not that project's test user. The PNG holds no assertion, only where the issuer hosts it.
  it('is indeterminate while openbadgefactory.com cannot be reached, naming the URL it would fetch', async () => {
    const r = await verify(bytes('obf-salava/invalid-metadata.png'), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('hosted-url');
    expect(check(r, 'parse')).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'parse')?.message).toContain('PNG holding a URL');
    expect(check(r, 'hosted')?.message).toContain('https://openbadgefactory.com/v1/assertion/f7f5bc76de4cc1e96eeed3f367ac1f49f943631e.json');
    expect(fails(r)).toEqual([]);
  });
});

describe('Oregon Badge Alliance (openbadges.oregonbadgealliance.org, 2014): an OB 1.0 hosted badge baked in a PNG', () => {
  // Kept by Concentric Sky's early badgr-server (badgeanalysis image-extraction tests): uid
  // 2f900c7c-…, issuedOn a Unix timestamp (2014-07-30), verify.url on plain http, a MongoDB _id beside it.
  it('reads it as OB 1.0 and leaves it indeterminate while the platform (long gone) cannot be reached', async () => {
    const r = await verify(bytes('badgr-server-2014/oregon-badge-alliance_1.png'), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob1.0-hosted');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', hosted: 'indeterminate', revocation: 'indeterminate' });
    expect(check(r, 'hosted')?.message).toContain('http://openbadges.oregonbadgealliance.org/api/assertions/53d944bf1400005600451205');
    expect(fails(r)).toEqual([]);
  });
});
