/**
 * A fifth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): what Lanyard says of each, and why that is the right verdict. Nothing is
 * fetched: only the documents a test maps answer, and only documents copied from the same sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { generateSigner, signCredential } from '../../src/core/proofs/sign.ts';
import type { Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();
const NOW = new Date('2026-12-01T00:00:00Z');
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, unknown>;

/**
 * Blockcerts v3 (Hyland Credentials, cert-verifier-js's test certificates): Verifiable Credentials of
 * type BlockcertsCredential, not OpenBadgeCredential, vouched for by a MerkleProof2019 receipt
 * anchored in a blockchain, alone, as a DataIntegrityProof (merkle-proof-2019), or as a
 * ChainedProof2021 chained to the issuer's Ed25519Signature2020 or EcdsaSecp256k1Signature2019.
 * Lanyard reads no blockchain: never valid, and never called malformed for not being an Open Badge,
 * nor forged for a proof it cannot check.
 */
describe('Blockcerts v3: BlockcertsCredential certificates anchored in a blockchain', () => {
  const BC = 'blockcerts-cert-verifier-js';
  it.each([
    ['v3_testnet-v3-did.json', 'MerkleProof2019', 'V3 issuance', 'did:ion:EiA_Z6LQILbB2zj_eVrqfQ2xDm4HNqeJUw5Kj2Z7bFOOeQ'],
    ['v3_proof-chain-example-ed25519.json', 'ChainedProof2021 (MerkleProof2019)', 'Master of Puppets', 'did:key:z6MkjHnntGvtLjwfAMHWTAXXGJHhVL3DPtaT9BHmyTjWpjqs'],
    ['v3_mocknet-v3-valid.json', 'ChainedProof2021 (MerkleProof2019)', '', 'https://issuer.dev.hylandcredentials.com/93d02af5-8683-452a-a79c-959deae72495/issuer_profile.json'],
    ['v3_mocknet-vc-v2-data-integrity-proof.json', 'DataIntegrityProof (merkle-proof-2019)', 'Master of Puppets', 'https://www.blockcerts.org/samples/3.0/issuer-blockcerts.json'],
    ['v3_example-non-chained-proofs.json', 'MerkleProof2019', 'Master of Puppets', 'did:key:zQ3shQHqLdkCacGpenXzbXZLqBbDeKfxgbxJgDSi1hoajzzg8'],
  ])('%s is Blockcerts v3: indeterminate, its %s anchor named, its claim shown', async (file, anchor, name, issuer) => {
    const r = await verify(bytes(`${BC}/${file}`), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'indeterminate', 'issuer-key': 'indeterminate', hosted: 'skipped', validity: 'pass', revocation: 'indeterminate' });
    expect(check(r, 'signature')).toMatchObject({ code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    expect(check(r, 'signature')?.message).toContain(`its ${anchor} proof`);
    expect(check(r, 'issuer-key')).toMatchObject({ code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    // No credentialStatus: cert-schema 3.x puts the revocation list in the issuer's profile, which is not read.
    expect(check(r, 'revocation')?.message).toContain('revocationList');
    expect(r.badge?.name).toBe(name);
    expect(r.badge?.issuer.id).toBe(issuer);
  });

  it('shows the issuer an embedded profile names and the claim\'s description, criteria and issue date', async () => {
    const r = await verify(bytes(`${BC}/v3_testnet-v3-did.json`), { fetch: offline, now: NOW, identities: [] });
    expect(r.badge).toMatchObject({
      name: 'V3 issuance',
      description: 'A v3 working example for test purposes',
      criteria: { narrative: 'it has been issued' },
      issuedOn: '2022-02-02T15:00:00Z',
      issuer: { name: 'Hyland Innovation Team', url: 'https://www.hyland.com', email: 'julien.fraichot@hyland.com' },
    });
  });

  /** credentialSubject.email is signed with the rest (cert-verifier-js shows it as the recipient). */
  it('is issued to the e-mail address its subject names, and to no other', async () => {
    const file = `${BC}/v3_proof-chain-example-ed25519.json`;
    const mine = await verify(bytes(file), { fetch: offline, now: NOW, identities: ['julien.fraichot@hyland.com'] });
    expect(check(mine, 'recipient')).toMatchObject({ outcome: 'pass', message: 'Issued to julien.fraichot@hyland.com' });
    const theirs = await verify(bytes(file), { fetch: offline, now: NOW, identities: ['someone@example.org'] });
    expect(check(theirs, 'recipient')?.outcome).toBe('fail');
  });

  /**
   * VC DM 2.0 certificates (Blockcerts v3.2): a name and description in three languages (§11.1 value
   * objects, Arabic right to left), and a list of two subjects (§4.9), one per language. Neither is
   * malformed; the first language's text is shown.
   */
  it.each([
    ['v3_mocknet-vc-v2-name-description-multilingual.json'],
    ['v3_mocknet-vc-v2-credential-subject-array.json'],
  ])('%s: a name in several languages and subjects in a list are read, the first language shown', async (file) => {
    const r = await verify(bytes(`${BC}/${file}`), { fetch: offline, now: NOW, identities: ['did:example:ebfeb1f712ebc6f1c276e12ec21'] });
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(r.badge?.name).toBe('Canadian Id Card');
    expect(r.badge?.description).toMatch(/^A Blockcerts example \(not an official document\)/);
    expect(check(r, 'recipient')).toMatchObject({ outcome: 'pass' });
  });

  it('is invalid once its validUntil (2024-01-05) has passed, for that alone', async () => {
    const r = await verify(bytes(`${BC}/v3_mocknet-vc-v2-validUntil-expired.json`), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(check(r, 'validity')?.message).toContain('2024-01-05');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
    expect(check(r, 'signature')?.code).toBe(ErrorCodes.BLOCKCHAIN_ANCHOR);
  });

  /**
   * Its StatusList2021Entry names https://www.blockcerts.org/samples/3.0/status-list-2021.json, which
   * now serves a BitstringStatusListCredential signed with EcdsaSecp256k1Signature2019: a list Lanyard
   * cannot read as the entry's kind is not taken as saying anything, revoked or not.
   */
  it('with its status list served, a list of another kind settles nothing', async () => {
    const served = offlineFetch([{ prefix: 'https://www.blockcerts.org/', dir: path.join(REAL, 'hosts/www.blockcerts.org') }]);
    const r = await verify(bytes(`${BC}/v3_cert-rl-status-list-2021-revoked.json`), { fetch: served, now: NOW, identities: [] });
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(check(r, 'revocation')?.message).toContain('https://www.blockcerts.org/samples/3.0/status-list-2021.json');
    expect(fails(r)).toEqual([]);
  });

  /**
   * Hostile copies. A BlockcertsCredential is never valid, even signed with a key Lanyard can check:
   * a Blockcerts certificate is vouched for by its anchor, and this one has none. One whose only
   * proof was refused (edited after signing) is altered: invalid.
   */
  const bare = (): Record<string, unknown> => {
    // Under VC 2.0, which Lanyard bundles, and a @vocab for Blockcerts' terms, so that a proof is checked.
    const { proof: _p, display: _d, issuanceDate, ...rest } = json(`${BC}/v3_proof-chain-example-ed25519.json`);
    return { ...rest, '@context': ['https://www.w3.org/ns/credentials/v2', { '@vocab': 'https://w3id.org/blockcerts#' }], validFrom: issuanceDate };
  };

  it('a BlockcertsCredential signed with a checkable key but with no anchor is never valid', async () => {
    const forger = await generateSigner();
    const signed = await signCredential({ ...bare(), issuer: forger.didMethod }, forger);
    const r = await verify(JSON.stringify(signed), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    expect(check(r, 'signature')?.message).toContain('carries none');
  });

  it('a BlockcertsCredential edited after signing, with no anchor, is altered: invalid', async () => {
    const forger = await generateSigner();
    const signed = (await signCredential({ ...bare(), issuer: forger.didMethod }, forger)) as { credentialSubject: { claim: { name: string } } };
    signed.credentialSubject.claim.name = 'Grand Master of Puppets';
    const r = await verify(JSON.stringify(signed), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('a credential that names OpenBadgeCredential too is read as an Open Badge, not excused as Blockcerts', async () => {
    const doc = json(`${BC}/v3_testnet-v3-did.json`);
    const r = await verify(JSON.stringify({ ...doc, type: ['VerifiableCredential', 'BlockcertsCredential', 'OpenBadgeCredential'] }), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('ob3.0-data-integrity');
  });

  it('a BlockcertsCredential with no issuer or subject is malformed', async () => {
    const { issuer: _i, credentialSubject: _s, ...rest } = json(`${BC}/v3_testnet-v3-did.json`);
    const r = await verify(JSON.stringify(rest), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('blockcerts3');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: ErrorCodes.STRUCTURE_INVALID });
    expect(check(r, 'structure')?.message).toMatch(/issuer.*credentialSubject/);
  });
});

/**
 * Mozilla's Backpack (2013-2014) kept each badge as a composite of the assertion and its badge class
 * and issuer, with its own bookkeeping (`_originalRecipient`, `_location`, `issued_on`), and baked that
 * instead of the original assertion. Two badges as the Backpack held them, from badgr-server's early
 * analysis tests: Achievery's "DPD Project Contributor" (Design Principles Documentation Project,
 * 2014-09-05, `expires: null`, salted for nate@ottonomy.net) and School of Data's "Data to Diagrams".
 */
describe('Mozilla Backpack copies of OB 1.0 badges (Achievery, School of Data)', () => {
  const ACHIEVERY = 'badgr-server-2015/achievery-dpd-backpack.json';
  const SCHOOL_OF_DATA = 'badgr-server-2015/schoolofdata-backpack-misbake.json';
  const SOD = offlineFetch([{ prefix: 'http://badges.schoolofdata.org/', dir: path.join(REAL, 'hosts/badges.schoolofdata.org') }]);

  it('Achievery\'s badge is unconfirmed, never invalid, while app.achievery.com cannot be reached; its null expiry is no expiry', async () => {
    const r = await verify(bytes(ACHIEVERY), { fetch: offline, now: NOW, identities: ['nate@ottonomy.net'] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')?.message).toContain('http://app.achievery.com/badge-assertion/4613');
    expect(r.badge).toMatchObject({ name: 'DPD Project Contributor', issuer: { name: 'Design Principles Documentation Project' } });
    expect(r.badge?.expires).toBeUndefined();
  });

  it('School of Data\'s Backpack copy is answered by the issuer\'s own assertion, badge class and profile', async () => {
    const r = await verify(bytes(SCHOOL_OF_DATA), { fetch: SOD, now: NOW, identities: [] });
    expect(outcomes(r)).toMatchObject({ structure: 'pass', hosted: 'pass', validity: 'pass' });
    expect(r.badge).toMatchObject({ name: 'Data to Diagrams', issuedOn: '2014-03-18T03:09:03.000Z', issuer: { id: 'http://badges.schoolofdata.org/issuer/school-of-data', name: 'School of Data' } });
    // The issuer's own words, not the Backpack's copy of them.
    expect(r.badge?.description).toBe('You have completed the "Data to Diagrams" module on the School of Data');
    // Its profile names a revocation list that was not saved: unsettled, never passed.
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate' });
    expect(check(r, 'revocation')?.message).toContain('http://badges.schoolofdata.org/revocation');
    expect(r.verdict).toBe('indeterminate');
  });

  it('School of Data\'s Backpack copy is unconfirmed, never invalid, while its site cannot be reached', async () => {
    const r = await verify(bytes(SCHOOL_OF_DATA), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')?.message).toContain('http://badges.schoolofdata.org/badge/data-to-diagrams/instance/100');
    expect(r.badge?.name).toBe('Data to Diagrams');
  });
});

/**
 * The Digital Credentials Consortium's issuer-coordinator: OB 3.0 credentials its signing service
 * signed on 2023-08-23 (the "CS50x" sample, VC 1.1 under the unversioned OB 3.0 context.json,
 * Ed25519Signature2020 by a tenant's did:key), as its tests recorded them, with a StatusList2021Entry
 * at index 1 of a list its status service published on GitHub Pages, signed by the status service's
 * own did:key. Its recipient is an IdentityObject without identityType.
 */
describe('DCC issuer-coordinator: OB 3.0 credentials from its signing and status services', () => {
  const STATUS = offlineFetch([{ prefix: 'https://jchartrand.github.io/', dir: path.join(REAL, 'hosts/jchartrand.github.io') }]);
  it.each([
    ['protected_status_signing.json', 'did:key:z6MkrDLfZytHX5acEFds6wAYJbvMbT9UuhKhub4qaguDESCF'],
    ['unprotected_status_signing.json', 'did:key:z6Mkf2rgv7ef8FmLJ5Py87LMa7nofQgv6AstdkgsXiiCUJEy'],
  ])('%s: its proof holds under the beta context, and a list another key signed settles nothing', async (file, issuer) => {
    const r = await verify(bytes(`dcc-issuer-coordinator/${file}`), { fetch: STATUS, now: NOW, identities: [] });
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'indeterminate' });
    expect(check(r, 'signature')?.message).toContain('beta context');
    // VC Status List 2021 §2.3 leaves the list's issuer to the verifier: Lanyard trusts only the credential's own.
    expect(check(r, 'revocation')?.message).toContain('did:key:z6Mkg165pEHaUPxkY4NxToor7suxzawEmdT1DEWq3e1Nr2VR, not by the credential\'s issuer');
    expect(r.verdict).toBe('indeterminate');
    expect(r.badge).toMatchObject({ name: 'Introduction to Computer Science - CS50x', issuedOn: '2020-01-01T00:00:00Z', issuer: { id: issuer, name: 'Dr David Malan' } });
    expect(fails(r)).toEqual([]);
  });

  /**
   * Its IdentityObject has no identityType (OB 3.0 §IdentityObject requires one) but an unhashed
   * identity that can only be an e-mail address: it names that address, and no one else.
   */
  it('is issued to the e-mail address its IdentityObject names without an identityType', async () => {
    const file = bytes('dcc-issuer-coordinator/protected_status_signing.json');
    const mine = await verify(file, { fetch: STATUS, now: NOW, identities: ['jc.chartrand@gmail.com'] });
    expect(check(mine, 'recipient')).toMatchObject({ outcome: 'pass', message: 'Issued to jc.chartrand@gmail.com' });
    expect(mine.badge?.recipients).toEqual([{ type: 'email', identity: 'jc.chartrand@gmail.com', hashed: false }]);
    const theirs = await verify(file, { fetch: STATUS, now: NOW, identities: ['someone@example.org'] });
    expect(check(theirs, 'recipient')?.outcome).toBe('fail');
    // A typeless identity that is not an e-mail address is not compared with anything.
    const doc = json('dcc-issuer-coordinator/protected_status_signing.json') as { credentialSubject: { identifier: { identityHash: string } } };
    doc.credentialSubject.identifier.identityHash = 'student-4711';
    const other = await verify(JSON.stringify(doc), { fetch: STATUS, now: NOW, identities: ['someone@example.org'] });
    expect(other.badge?.recipients).toEqual([]);
  });

  it('an edit of its achievement\'s name breaks the proof', async () => {
    const doc = json('dcc-issuer-coordinator/protected_status_signing.json') as { credentialSubject: { achievement: { name: string } } };
    doc.credentialSubject.achievement.name = 'Introduction to Computer Science - CS50 (with honours)';
    const r = await verify(JSON.stringify(doc), { fetch: STATUS, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });
});

/**
 * A badge inside a presentation as wallets and verifiers pass it on: walt.id's wallet answering an
 * OpenID4VP request with a VP-JWT (the holder's ES256 signature over a `vp` claim holding the JFF
 * PlugFest 3 OpenBadgeCredential, an ES256 VC-JWT by a P-256 did:key, valid 2025-07-16 to
 * 2026-07-16), and Verifier Plus's own test body `{ "vp": … }` (what its /api/credentials takes from
 * the Learner Credential Wallet), holding a DCC OB 3.0 credential. The presentation is the holder's
 * and is not trusted; the badge inside is verified as itself (presentation.ts). Both were "not an
 * Open Badge of a known version": invalid.
 */
describe('Badges inside a VP-JWT (walt.id) and a { vp } body (Verifier Plus)', () => {
  const IN_2026 = new Date('2026-01-01T00:00:00Z');
  const VP_JWT = 'waltid-identity/verifier-docs_openBadgeNoDisclosuresVerbose.vp.jwt';
  const VP_BODY = 'dcc-verifier-plus/testVP.json';

  it('walt.id\'s VP-JWT is read as the OpenBadgeCredential it holds: valid in its validity', async () => {
    const r = await verify(bytes(VP_JWT), { fetch: offline, now: IN_2026, identities: [] });
    expect(r.format).toBe('ob3.0-jwt');
    expect(r.verdict).toBe('valid');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass' });
    expect(r.badge).toMatchObject({ name: 'JFF x vc-edu PlugFest 3 Interoperability', issuer: { id: 'did:key:zDnaerWCDSGdmNEtAQ8HtuPUKGKNERSBFwjrBSktbgzxxhF2B', name: 'Jobs for the Future (JFF)' } });
  });

  it('it is the same verdict as the credential given alone, and it expires with it', async () => {
    const alone = await verify(bytes('waltid-identity/verifier-docs_openBadgeNoDisclosuresVerbose.jwt'), { fetch: offline, now: IN_2026, identities: [] });
    const inside = await verify(bytes(VP_JWT), { fetch: offline, now: IN_2026, identities: [] });
    expect(outcomes(inside)).toEqual(outcomes(alone));
    const later = await verify(bytes(VP_JWT), { fetch: offline, now: NOW, identities: [] });
    expect(later.verdict).toBe('invalid');
    expect(fails(later).map((c) => c.id)).toEqual(['validity']);
  });

  it('Verifier Plus\'s { "vp": … } body is read as the credential it holds: valid', async () => {
    const r = await verify(bytes(VP_BODY), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(r.verdict).toBe('valid');
    expect(r.badge).toMatchObject({ name: 'Introduction to Wonderfullness', issuer: { name: 'University of Wonderful' } });
  });

  it('so is its VC API form, { "verifiablePresentation": … } (Verifier Plus\'s VP QR test)', async () => {
    const { vp } = json(VP_BODY) as { vp: Record<string, unknown> };
    const r = await verify(JSON.stringify({ verifiablePresentation: { ...vp, verifiableCredential: [vp.verifiableCredential] } }), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('valid');
  });

  it('a credential in a VC API body, { "verifiableCredential": … } (the issue answer, the verify request), is read as itself', async () => {
    // W3C VC API: issueCredential answers { verifiableCredential }, verifyCredential takes { verifiableCredential, options }.
    const vc = json('dcc-verifier-plus/obv3_v2.json');
    const alone = await verify(JSON.stringify(vc), { fetch: offline, now: NOW, identities: [] });
    expect(alone.verdict).toBe('valid');
    for (const body of [{ verifiableCredential: vc }, { verifiableCredential: vc, options: { checks: ['proof'] } }]) {
      const r = await verify(JSON.stringify(body), { fetch: offline, now: NOW, identities: [] });
      expect(outcomes(r)).toEqual(outcomes(alone));
    }
    // A document that is a credential itself (a type, a context) is not read for one.
    const r = await verify(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', verifiableCredential: vc }), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).not.toBe('valid');
  });

  it('the credential inside, edited, fails as itself: the holder\'s wrapping vouches for nothing', async () => {
    const body = json(VP_BODY) as { vp: { verifiableCredential: { credentialSubject: { achievement: { name: string } } } } };
    body.vp.verifiableCredential.credentialSubject.achievement.name = 'Doctorate of Wonderfullness';
    const r = await verify(JSON.stringify(body), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });

  it('a member named vp in a document that is itself a credential is not followed', async () => {
    const inner = json(VP_BODY) as { vp: { verifiableCredential: Record<string, unknown> } };
    const other = { type: ['VerifiablePresentation'], verifiableCredential: json('dcc-issuer-coordinator/protected_status_signing.json') };
    const r = await verify(JSON.stringify({ ...inner.vp.verifiableCredential, vp: other }), { fetch: offline, now: NOW, identities: [] });
    // The credential itself is read (its proof does not cover the added member), never the presentation it names.
    expect(r.badge?.name).toBe('Introduction to Wonderfullness');
    expect(r.verdict).not.toBe('valid');
  });
});

/**
 * Moodle's own OB 2.0 assertion (badges/assertion.php?b=…&obversion=2), as the chilowallet project's
 * test server answers for a Moodle 4.1 site: `verify` (OB 1.x) beside the 2.0 context, the badge class
 * embedded with `@language: "ja"` and an empty `version`, the issuer embedded under its own address
 * (issuer_json.php), which is not served. Issued 2023-07-26 (+09:00), expires 2024-07-26.
 */
describe('Moodle: an OB 2.0 assertion with its badge class and issuer embedded', () => {
  const FILE = 'chilowallet-moodle/assertion.json';
  const ASSERTION = 'https://moodletest.org/badges/assertion.php';
  const moodle: Fetch = (url, init) => (url.startsWith(`${ASSERTION}?`) ? Promise.resolve(new Response(bytes(FILE), { headers: { 'content-type': 'application/json' } })) : offline(url, init));
  const IN_2024 = new Date('2024-01-01T00:00:00Z');

  it('its copy answers, but with the issuer\'s profile unread, neither the issuer nor revocation is settled', async () => {
    const r = await verify(bytes(FILE), { fetch: moodle, now: IN_2024, identities: [] });
    expect(r.format).toBe('ob2.0-hosted');
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', hosted: 'indeterminate', validity: 'pass', revocation: 'indeterminate' });
    // OB 2.0 §Profile revocationList: the profile at issuer_json.php names the list; its embedded copy does not say it names none.
    expect(check(r, 'revocation')).toMatchObject({ code: ErrorCodes.ISSUER_UNRESOLVED });
    expect(check(r, 'revocation')?.message).toContain('https://moodletest.org/badges/issuer_json.php?id=32');
    expect(check(r, 'revocation')?.message).not.toContain('publishes no revocation list');
    expect(r.badge).toMatchObject({ name: 'test test 3', issuedOn: '2023-07-26T10:06:03+09:00', issuer: { id: 'https://moodletest.org/badges/issuer_json.php?id=32', name: 'bbbbbbbb' } });
  });

  it('is invalid after 2024-07-26 (+09:00), for its expiry alone', async () => {
    const r = await verify(bytes(FILE), { fetch: moodle, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
    expect(check(r, 'validity')?.message).toContain('2024-07-25T15:00:00.000Z');
  });

  it('is unconfirmed, never invalid, in its validity while the Moodle site cannot be reached', async () => {
    const r = await verify(bytes(FILE), { fetch: offline, now: IN_2024, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
  });
});
