/**
 * A fourth round of credentials from real issuers and from the W3C's own test vectors
 * (test/fixtures/real, provenance in test/fixtures/README.md): what Lanyard says of each, and why
 * that is the right verdict. Nothing is fetched: only the documents a test maps answer, and only
 * documents copied from the same sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { referenceCanon } from './jsonld/corpus.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { unpack } from '../../src/core/input/index.ts';
import { canonize } from '../../src/core/jsonld/canonize.ts';
import { generateSigner, signCredential } from '../../src/core/proofs/sign.ts';
import { unsecured } from '../../src/core/proofs/suites.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();
const NOW = new Date('2026-12-01T00:00:00Z');

/**
 * Credly's Acclaim: two OB 1.1 hosted assertions from its sandbox, which Credly's own engineer posted
 * to 1EdTech's validator project in 2017 as test input, each with "Assertion URL" and "JSON" (what
 * that URL served): a badge valid until 2019-03-18 and an Autodesk 3ds Max badge that expired on
 * 2017-03-01. Their badge classes were not posted, so only the assertions are served here.
 */
describe('Credly Acclaim: OB 1.1 hosted assertions from its sandbox', () => {
  const VALID = 'acclaim-sandbox/5e02ea9f-cf2e-4847-a88b-f2498834a156.json';
  const EXPIRED = 'acclaim-sandbox/eeb2a43e-32c5-47b0-8100-9e1c56e4413c.json';
  const SANDBOX = offlineFetch([{ prefix: 'https://sandbox-api.youracclaim.com/', dir: path.join(REAL, 'hosts/sandbox-api.youracclaim.com') }]);
  const IN_2018 = new Date('2018-01-01T00:00:00Z');

  it('is indeterminate while Acclaim cannot be reached, its hosted URL named', async () => {
    const r = await verify(bytes(VALID), { fetch: offline, now: IN_2018, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob1.1-hosted');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')?.message).toContain('https://sandbox-api.youracclaim.com/v1/obi/badge_assertions/5e02ea9f-cf2e-4847-a88b-f2498834a156');
  });

  /**
   * Served its assertion but not its badge class, Lanyard never reads the issuer's profile, where OB
   * 1.1 and 2.0 name a revocation list (OB 2.0 §Profile `revocationList`): it cannot know whether the
   * issuer publishes one, so revocation is unsettled, not passed as "the issuer publishes no
   * revocation list".
   */
  it('with only its assertion served, in its validity: indeterminate, the badge class unread, revocation not claimed', async () => {
    const r = await verify(bytes(VALID), { fetch: SANDBOX, now: IN_2018, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', hosted: 'indeterminate', validity: 'pass', revocation: 'indeterminate' });
    expect(check(r, 'hosted')?.message).toContain('The badge class could not be read');
    expect(check(r, 'revocation')).toMatchObject({ code: ErrorCodes.ISSUER_UNRESOLVED });
    expect(check(r, 'revocation')?.message).not.toContain('publishes no revocation list');
    expect(check(r, 'revocation')?.message).toMatch(/^The badge class \(https:\/\/sandbox-api\.youracclaim\.com\/.+\) could not be fetched: it names the issuer, whose profile names the revocation list$/);
    expect(fails(r)).toEqual([]);
  });

  it('is invalid after 2019-03-18, the reason its expiry', async () => {
    const r = await verify(bytes(VALID), { fetch: SANDBOX, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(check(r, 'validity')?.message).toContain('2019-03-18');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });

  it('Credly\'s expired example is invalid for its expiry alone', async () => {
    const r = await verify(bytes(EXPIRED), { fetch: SANDBOX, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')?.message).toContain('Expired on 2017-03-01');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });

  it('a copy edited to expire in 2030 is answered by Acclaim\'s copy: still expired', async () => {
    const edited = JSON.parse(readFileSync(path.join(REAL, VALID), 'utf8')) as Record<string, unknown>;
    edited.expires = '2030-01-01T00:00:00.000Z';
    const r = await verify(JSON.stringify(edited), { fetch: SANDBOX, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')?.message).toContain('2019-03-18');
    expect(r.badge?.expires).toBe('2019-03-18T05:00:00.000Z');
  });
});

/**
 * Credly today: an earner's downloads, kept in his repository to test his own extractor. Lightbend's
 * badge is an OB 3.0 OpenBadgeCredential baked under the OB 3.0 keyword (`openbadgecredential`, OB 3.0
 * §5.3.1), signed with eddsa-rdfc-2022 by a key of Credly's per-issuer did:web; AWS's is an OB 2.0
 * hosted assertion baked under `openbadges`. Neither Credly's DID documents nor its hosted copies are
 * published anywhere Lanyard's tests may copy from, so each stays unconfirmed, with the address named.
 */
describe('Credly: an OB 3.0 credential (Lightbend) and an OB 2.0 assertion (AWS), baked', () => {
  const LIGHTBEND = 'takesection-credly/reactive-architecture-reactive-microservices-level-2.png';
  const AWS = 'takesection-credly/aws-certified-machine-learning-engineer-associate.png';
  const ISSUER = 'did:web:www.credly.com:api:v1:obi:v3:issuers:fb3d27de-4f33-4ab5-a458-8ed2084a0212';
  /** The credential baked in Lightbend's PNG, as JSON. */
  const lightbendJson = async (): Promise<Record<string, unknown>> => {
    const { kind, credential } = await unpack(bytes(LIGHTBEND));
    if (kind !== 'png' || credential.type !== 'json') throw new Error(`expected JSON in a PNG, got ${credential.type} in ${kind}`);
    return credential.json;
  };

  it('Lightbend\'s OB 3.0 badge is read from its openbadgecredential chunk and left unconfirmed: Credly\'s DID document is out of reach', async () => {
    const r = await verify(bytes(LIGHTBEND), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'indeterminate', 'issuer-key': 'indeterminate', validity: 'pass', revocation: 'indeterminate' });
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ code: ErrorCodes.NO_KEY });
    // did:web §3.2 (Read): the colon-separated path becomes the URL's path, then /did.json.
    expect(check(r, 'signature')?.message).toContain('https://www.credly.com/api/v1/obi/v3/issuers/fb3d27de-4f33-4ab5-a458-8ed2084a0212/did.json');
    expect(check(r, 'revocation')?.message).toContain('https://www.credly.com/api/v1/obi/v3/open_badge_credentials/edf48235-dc92-4eb8-adf3-58d497326f9a/revocation_list');
    expect(r.badge?.issuer).toMatchObject({ id: ISSUER, name: 'Lightbend, Inc.' });
  });

  /** Credly names the credential after its earner ("name": "重樹 庄司"): the badge is the achievement's name. */
  it('shows the achievement\'s name, not the earner\'s name Credly gives the credential', async () => {
    const r = await verify(bytes(LIGHTBEND), { fetch: offline, now: NOW, identities: [] });
    expect(r.badge?.name).toBe('Reactive Architecture: Reactive Microservices - Level 2');
    expect(r.badge?.alignments).toEqual([{ targetName: 'Certified Reactive Architect', targetUrl: 'https://www.lightbend.com/certified-reactive-architect' }]);
  });

  /**
   * Once Credly's key can be read, the proof is checked over the RDF that jsonld.js makes of it under
   * the bundled contexts (3.0.3 and extensions.json): Lanyard's own canonical form is the same bytes,
   * so nothing in Credly's document (an Alignment's `targetDescription: null`, a credentialSchema)
   * would make Lanyard check other data than the issuer signed.
   */
  it('canonicalizes to the same RDF as jsonld.js, so its proof would be checked over what Credly signed', async () => {
    const doc = unsecured(await lightbendJson());
    const ours = await canonize(doc);
    expect(ours).toBe(await referenceCanon(doc));
    expect(ours).toContain('"Reactive Architecture: Reactive Microservices - Level 2"');
  });

  /**
   * Someone upgrades the badge's name and signs it again with a key of his own, leaving Lightbend as
   * issuer. The new proof verifies, but its key is bound to no document of the issuer (a DID document
   * may list another DID's key, so only Credly's can say): never valid, and the reason says so.
   */
  it('re-signed by someone else after an edit, it is never valid: the key is only the credential\'s word', async () => {
    const { proof: _credly, ...bare } = await lightbendJson();
    const edited = structuredClone(bare) as { credentialSubject: { achievement: { name: string } } };
    edited.credentialSubject.achievement.name = 'Certified Reactive Architect';
    const forger = await generateSigner();
    const r = await verify(JSON.stringify(await signCredential(edited, forger)), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.ISSUER_UNRESOLVED });
    expect(check(r, 'issuer-key')?.message).toContain(`${forger.didMethod}, which only the credential asserts`);
  });

  it('AWS\'s OB 2.0 badge ("hosted", lower case) is unconfirmed while credly.com cannot be reached', async () => {
    const r = await verify(bytes(AWS), { fetch: offline, now: NOW, identities: ['takesection@gmail.com'] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob2.0-hosted');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')?.message).toContain('https://www.credly.com/api/v1/obi/v2/badge_assertions/a388d729-fc22-4503-9eb8-684947932757');
  });

  it('a NetLearning badge kept beside them is unconfirmed the same way while nlp.netlearning.co.jp cannot be reached', async () => {
    const r = await verify(bytes('takesection-credly/TTT.png'), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')?.message).toContain('https://nlp.netlearning.co.jp/api/v1.0/openbadge/v2/Assertion/Tml2NHpTRGlRWkNlS0FzV1A0aWUvQT09');
  });
});

/**
 * Virginia STAR (Prince William County Public Schools) hosted its OB 1.0 badges at badges.vastar.org;
 * its developer posted an assertion, its badge class and the issuer profile, each as its URL served it,
 * when Mozilla's validator answered "parse error". Every field OB 1.0 requires is there.
 */
describe('Virginia STAR: an OB 1.0 hosted badge with its badge class and issuer', () => {
  const VASTAR = offlineFetch([{ prefix: 'http://badges.vastar.org/', dir: path.join(REAL, 'hosts/badges.vastar.org') }]);
  const INPUT = 'virginia-star/assertion.json';

  it('is valid for its earner: hosted on the issuer\'s own site, issued 2016-02-25 (Unix seconds)', async () => {
    const r = await verify(bytes(INPUT), { fetch: VASTAR, now: NOW, identities: ['dbenko@prndl.us'] });
    expect(r.verdict).toBe('valid');
    expect(r.format).toBe('ob1.0-hosted');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', hosted: 'pass', validity: 'pass', revocation: 'pass', recipient: 'pass' });
    expect(r.badge).toMatchObject({ name: 'Badge 28', issuedOn: '2016-02-25T03:25:03.000Z' });
    expect(r.badge?.issuer.name).toBe('Virginia STAR');
  });

  it('an edited copy naming someone else is answered by the issuer\'s copy: not issued to them', async () => {
    const edited = JSON.parse(readFileSync(path.join(REAL, INPUT), 'utf8')) as { recipient: { identity: string } };
    edited.recipient.identity = 'mallory@example.com';
    const r = await verify(JSON.stringify(edited), { fetch: VASTAR, now: NOW, identities: ['mallory@example.com'] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'recipient')?.outcome).toBe('fail');
  });

  it('is indeterminate, never invalid, while badges.vastar.org cannot be reached', async () => {
    const r = await verify(bytes(INPUT), { fetch: offline, now: NOW, identities: ['dbenko@prndl.us'] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
  });
});

/**
 * The W3C Data Integrity test vectors of a suite Lanyard knows but does not check: a bbs-2023 base
 * proof and a derived proof (vc-di-bbs). Neither is an Open Badge, so `structure` fails; their proofs
 * are never called forged, only unchecked. (The ecdsa-jcs-2019 vectors are verified: proofs/ecdsa-jcs.test.ts.)
 */
describe('W3C test vectors of an unchecked suite: bbs-2023', () => {
  const SUITES = path.join(REAL, '../suites');
  const suiteBytes = (f: string) => new Uint8Array(readFileSync(path.join(SUITES, f)));
  it.each([
    ['vc-di-bbs_addSignedSDBase.json', 'bbs-2023'],
    ['vc-di-bbs_derivedRevealDocument.json', 'bbs-2023'],
  ])('%s: the %s proof is unchecked, not forged; the credential is no badge', async (file, suite) => {
    const r = await verify(suiteBytes(file), { fetch: offline, now: NOW, identities: [] });
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'signature')?.message).toContain(`${suite} is a legitimate one that Lanyard cannot check yet`);
    expect(check(r, 'issuer-key')?.message).toMatch(/not checked/);
    // A VC 2.0 of another type without validFrom (optional in VC DM 2.0 §4.9): no badge, not a malformed one.
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NOT_OPEN_BADGE });
    expect(check(r, 'structure')?.message).toContain('OpenBadgeCredential');
  });
});
