/**
 * A third round of credentials from real issuers and their own test suites (test/fixtures/real,
 * provenance in test/fixtures/README.md), beyond real-platforms.test.ts and real-issuers*.test.ts:
 * what Lanyard says of each, and why that is the right verdict. Nothing is fetched: only the
 * documents a test maps answer.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();
const NOW = new Date('2026-12-01T00:00:00Z');

/**
 * Velocity Network: an OpenBadgeCredential its QA network issued (2023-12-21) by a did:ion issuer,
 * as a VC-JWT signed with ES256K by a did:velocity key, with a VelocityRevocationListJan2021 status
 * held on a blockchain. Velocity's wallet SDK keeps it as its valid Open Badge.
 */
describe('Velocity Network: an ES256K VC-JWT, as velocitycore\'s wallet SDK keeps it', () => {
  const JWT = 'velocitycore/open-badge-credential.jwt';

  it('is indeterminate, never forged: ES256K (RFC 8812) is a registered algorithm Lanyard does not check', async () => {
    const r = await verify(bytes(JWT), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob3.0-jwt');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'indeterminate', 'issuer-key': 'indeterminate', revocation: 'indeterminate' });
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ code: ErrorCodes.UNSUPPORTED });
    // ES256K is registered by RFC 8812, not RFC 7518: the reason names the right one.
    expect(check(r, 'signature')?.message).toContain('ES256K');
    expect(check(r, 'signature')?.message).toContain('RFC 8812');
    expect(check(r, 'signature')?.message).not.toContain('RFC 7518');
    expect(check(r, 'revocation')?.message).toContain('VelocityRevocationListJan2021');
  });

  it('says its key is unconfirmed because the signature was not checked, not that it has no key (its kid names one)', async () => {
    const r = await verify(bytes(JWT), { fetch: offline, now: NOW, identities: [] });
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'issuer-key')?.message).toMatch(/not checked/);
    expect(check(r, 'issuer-key')?.message).not.toMatch(/^No signing key/);
  });
});

/**
 * Digital Credentials Consortium's fork of the vc library (@digitalcredentials/vc) keeps two real
 * credentials among its test mocks: the OB 3.0 "Digital Credentials Consortium Demo" badge its demo
 * issuer gave Learner Credential Wallet users in 2023, signed under the beta OB 3.0 context, and a
 * "K-Pop" OB 3.0 badge signed with Ed25519Signature2018 (2024-01-23).
 */
describe('DCC\'s vc library: the 2023 wallet demo badge and an Ed25519Signature2018 badge', () => {
  it('the 2023 demo badge is valid: its Ed25519Signature2020 proof holds under the beta context that context.json served then', async () => {
    const r = await verify(bytes('dcc-vc/credential-legacy-obv3.json'), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('valid');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(r, 'signature')?.message).toContain('beta context');
  });

  /**
   * The issuer's profile says `"type": ["profile"]`, a type none of its contexts defines: JSON-LD
   * drops it, and the proof verifies only over the data without it (jsonld-signatures 9 without safe
   * mode, the library's 2024 test). Data Integrity verifiers canonicalize in safe mode, which refuses
   * such a document (DCC's verifier-core: jsonld.ValidationError), and so does Lanyard (DESIGN.md: a
   * document safe mode refuses fails its signature): what the issuer signed is not what it shows.
   */
  it('the K-Pop badge is invalid, the reason naming the type no context defines', async () => {
    const r = await verify(bytes('dcc-vc/credential-2018.json'), { fetch: offline, now: NOW, identities: ['jdoe@example.com'] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'signature')?.message).toContain('its type "profile" is defined by none of its JSON-LD contexts');
    expect(fails(r).map((c) => c.id)).toEqual(['signature']);
  });
});

/** DCC's VerifierPlus test fixtures: OB 3.0 badges its test issuer signed in 2025 (eddsa-rdfc-2022), on VC 1.1 and VC 2.0. */
describe('DCC VerifierPlus: OB 3.0 on VC 1.1 and VC 2.0', () => {
  it.each([
    ['dcc-verifier-plus/obv3_v1.json', 'VC 1.1'],
    ['dcc-verifier-plus/obv3_v2.json', 'VC 2.0'],
  ])('%s is valid (%s)', async (file, model) => {
    const r = await verify(bytes(file), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('valid');
    expect(check(r, 'structure')?.message).toContain(model);
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
  });

  it('obv3_v2 expires on 2030-01-02: invalid after, whatever its proof says', async () => {
    const r = await verify(bytes('dcc-verifier-plus/obv3_v2.json'), { fetch: offline, now: new Date('2030-01-03T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(check(r, 'signature')?.outcome).toBe('pass');
  });
});

/**
 * The CogniPilot Foundation issues its own OB 3.0 badges from a GitHub repository served at
 * https://credentials.cognipilot.org: eddsa-rdfc-2022 by `did:web:credentials.cognipilot.org#key-1`
 * (a Multikey DID document), a BitstringStatusList there, the recipient a `mailto:` id, and each
 * badge also baked in a PNG and an SVG. The repository's own verifier (scripts/verify_credential.py)
 * checks the proof and the status bit. Its history keeps two status lists it published before the
 * one that holds: one whose encodedList lacked the multibase prefix, one with no proof.
 */
describe('CogniPilot Foundation: OB 3.0 badges from its own did:web, with a BitstringStatusList', () => {
  const COGNI = 'cognipilot-credentials';
  const SITE = { prefix: 'https://credentials.cognipilot.org/', dir: path.join(REAL, 'hosts/credentials.cognipilot.org') };
  const site = offlineFetch([SITE]);
  /** The site as it was at an earlier commit: the status list of that commit, the rest as now. */
  const siteWithList = (commit: string) => offlineFetch([{ prefix: 'https://credentials.cognipilot.org/status/', dir: path.join(REAL, COGNI, `status-list-${commit}/status`) }, SITE]);
  const BOARD = `${COGNI}/james-goppert_board-of-directors-2026`;

  it.each(['json', 'png', 'svg'])('the board member badge (%s) is valid, issued to its earner', async (ext) => {
    const r = await verify(bytes(`${BOARD}.${ext}`), { fetch: site, now: NOW, identities: ['james.goppert@gmail.com'] });
    expect(r.verdict).toBe('valid');
    // Its validFrom is a date alone ("2025-12-21"), without the time and zone VC DM 2.0 §4.7 requires
    // (xsd:dateTimeStamp): the issuer's non-conformance, said as a warning that leaves the verdict valid
    // (a day begun in every zone by now, verify/validity.ts spanOf).
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'warning', revocation: 'pass', recipient: 'pass' });
    expect(check(r, 'validity')).toMatchObject({ code: ErrorCodes.DATE_NO_ZONE, message: expect.stringMatching(/validFrom \(2025-12-21\) is a date without a time or time zone, which VC Data Model 2\.0 §4\.7 requires/) });
    expect(check(r, 'revocation')?.message).toContain('bit 8');
  });

  it('is indeterminate while the issuer\'s site cannot be reached, never called forged', async () => {
    const r = await verify(bytes(`${BOARD}.json`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ signature: 'indeterminate', 'issuer-key': 'indeterminate', revocation: 'indeterminate' });
    expect(fails(r)).toEqual([]);
  });

  it('is not someone else\'s badge', async () => {
    const r = await verify(bytes(`${BOARD}.json`), { fetch: site, now: NOW, identities: ['someone@example.org'] });
    expect(check(r, 'recipient')?.outcome).toBe('fail');
    expect(check(r, 'signature')?.outcome).toBe('pass');
  });

  it('its revoked example is invalid: bit 11 of the issuer\'s signed list is set', async () => {
    const r = await verify(bytes(`${COGNI}/examples_maintainer-cognipilot.json`), { fetch: site, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect(check(r, 'revocation')?.message).toContain('bit 11');
    expect(check(r, 'signature')?.outcome).toBe('pass');
  });

  it('its expired example was in date until 2024-12-31T23:59:59Z and is invalid since', async () => {
    const file = `${COGNI}/examples_maintainer-rumoca.json`;
    // In 2024 its dates held, but the issuer's status list (validFrom 2025-12-23) did not exist yet.
    const during = await verify(bytes(file), { fetch: site, now: new Date('2024-06-01T00:00:00Z'), identities: [] });
    expect(outcomes(during)).toMatchObject({ signature: 'pass', validity: 'pass', revocation: 'indeterminate' });
    expect(check(during, 'revocation')?.message).toContain('not valid yet');
    const after = await verify(bytes(file), { fetch: site, now: NOW, identities: [] });
    expect(after.verdict).toBe('invalid');
    expect(check(after, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
  });

  /**
   * Issued from a GitHub issue form whose "valid from" was left empty: the workflow signed its
   * placeholder, so validFrom is "_No response_" (reissued 21 minutes later). The proof holds, and
   * the credential is still malformed: VC DM 2.0 §4.9 makes validFrom a dateTimeStamp.
   */
  it('its badge signed with validFrom "_No response_" is invalid for that date, its proof intact', async () => {
    const r = await verify(bytes(`${COGNI}/cogni_contributor-cognipilot.82ca03b.json`), { fetch: site, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.DATE_INVALID });
    expect(check(r, 'validity')?.message).toContain('_No response_');
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });

  /**
   * Before its baking was fixed (commit c5be19f), the issuer baked the credential's URL in the PNG
   * (a tEXt openbadges chunk, as OB 2.0 hosted badges are baked), and in the SVG a base64 copy of
   * the credential in an openbadges:credential element whose `verify` attribute names its verifier
   * page. Mapped: the site as it then was, the DID document as it still is.
   */
  const THEN = offlineFetch([
    { prefix: 'https://credentials.cognipilot.org/.well-known/', dir: path.join(REAL, 'hosts/credentials.cognipilot.org/.well-known') },
    { prefix: 'https://credentials.cognipilot.org/', dir: path.join(REAL, COGNI, 'site-c5be19f') },
  ]);
  const EARLY = `${COGNI}/benjamin-perseghetti_board-of-directors-2026.c5be19f`;

  it('its early PNG, baked with the credential\'s URL, is valid: the credential that URL serves holds', async () => {
    const r = await verify(bytes(`${EARLY}.png`), { fetch: THEN, now: NOW, identities: ['bperseghetti@cognipilot.org'] });
    expect(r.verdict).toBe('valid');
    expect(check(r, 'parse')?.message).toContain('URL');
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass', validity: 'pass', recipient: 'pass' });
  });

  it('its early SVG, whose verify attribute names a web page, is indeterminate: never valid, never called forged', async () => {
    const r = await verify(bytes(`${EARLY}.svg`), { fetch: THEN, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.WEB_PAGE });
    expect(fails(r)).toEqual([]);
  });

  it.each([
    ['65388c4', 'multibase prefix u', 'an encodedList without the multibase prefix BitstringStatusList requires'],
    ['5044f09', 'no proof', 'a list no one signed, which says nothing either way'],
  ])('under the status list of commit %s: indeterminate, saying "%s" (%s)', async (commit, reason) => {
    for (const file of [`${BOARD}.json`, `${COGNI}/examples_maintainer-cognipilot.json`]) {
      const r = await verify(bytes(file), { fetch: siteWithList(commit), now: NOW, identities: [] });
      expect(r.verdict).toBe('indeterminate');
      expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
      expect(check(r, 'revocation')?.message).toContain(reason);
    }
  });
});

/**
 * Andamio (credentials.andamio.io) attests credentials anchored on Cardano as OB 3.0 badges:
 * eddsa-rdfc-2022 by `did:web:credentials.andamio.io#key-2026-07`, baked in SVG, with its own
 * JSON-LD context (https://credentials.andamio.io/context/v1.jsonld) and a "suspension" status
 * list per signing key. Its earlier samples: a did:key credential under its v0 context, and one
 * signed with JsonWebSignature2020 (a `jwt` member). The 1EdTech validator and spruce verify the
 * current ones with the context loaded; Lanyard bundles contexts and never fetches one.
 */
describe('Andamio: OB 3.0 badges under the issuer\'s own JSON-LD context', () => {
  const ANDAMIO = 'andamio-credential-badges';
  const site = offlineFetch([{ prefix: 'https://credentials.andamio.io/', dir: path.join(REAL, 'hosts/credentials.andamio.io') }]);

  it('its baked SVG badge is indeterminate: the context is not bundled, and the issuer-key reason says the signature was not checked', async () => {
    const r = await verify(bytes(`${ANDAMIO}/203e63f4.77547ab0.svg`), { fetch: site, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'parse')?.message).toContain('SVG');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNKNOWN_CONTEXT });
    expect(check(r, 'signature')?.message).toContain('https://credentials.andamio.io/context/v1.jsonld');
    // Its key is the one the issuer's DID document lists: what is missing is a checked signature, not a key.
    expect(check(r, 'issuer-key')?.outcome).toBe('indeterminate');
    expect(check(r, 'issuer-key')?.message).toMatch(/^The signature was not checked/);
    expect(fails(r)).toEqual([]);
  });

  it('its did:key sample under the v0 context is indeterminate for the same reason', async () => {
    const r = await verify(bytes(`${ANDAMIO}/archive_samples_cardano-xp-project-njuguna-real.jsonld`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')?.message).toContain('https://credentials.andamio.io/context/v0.jsonld');
    expect(check(r, 'issuer-key')?.message).toMatch(/^The signature was not checked/);
    expect(fails(r)).toEqual([]);
  });

  it('its JsonWebSignature2020 sample is indeterminate, the suite named, never forged', async () => {
    const r = await verify(bytes(`${ANDAMIO}/archive_sample-credential.jsonld`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'signature')?.message).toContain('JsonWebSignature2020');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'issuer-key')?.message).toMatch(/^The signature was not checked/);
    expect(fails(r)).toEqual([]);
  });
});
