/**
 * A twenty-fourth round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md): DCC's verifier plugin fixtures (an OB 3.0 badge in each state its verifier
 * tells apart, with the status lists it names), the rest of walt.id's W3C credential examples (every
 * Data Integrity suite, JOSE, COSE, the SD-JWTs its OSS issuer returned), SpruceID's DIDKit HTTP
 * verifier tests (ecdsa-rdfc-2019 on P-256 and P-384, bbs-2023, a proof set) and a Sovra ID sandbox
 * credential (BbsBlsSignature2020, did:quarkid). Nothing is fetched: the status lists are fixture hosts'.
 */
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { ErrorCodes } from '../../src/core/errors.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const HOSTS = [{ prefix: 'https://digitalcredentials.github.io/', dir: `${REAL}/hosts/digitalcredentials.github.io` }];
const run = (file: string, now = NOW) => verify(bytes(file), { fetch: offlineFetch(HOSTS), now, identities: [] });
const ISSUER_KEY = 'did:key:z6MkvDqGT54cXesYGvABpF1UapVNwjCqRcafi4Px6Thv5T3Z';

/**
 * DCC's verifier plugin (digitalcredentials/verifier-plugin `fixtures/`): the "Requirements Analysis
 * Certificate" Springfield College's did:key signed (Ed25519Signature2020, VC 2.0 under the OB 3.0.2
 * context) for Sam Salmon, once per outcome the plugin shows: verified, withdrawn (revocation bit 42
 * set), suspended (suspension bit 42 set), expired, not yet valid, tampered (the name changed to Robin
 * Whitaker after signing), sealed by another did:key, and "malformed" (its achievement has no id).
 */
describe('DCC verifier plugin: one badge in every state', () => {
  const VP = 'dcc-verifier-plugin';

  it('verified.json is valid offline: did:key, no status', async () => {
    const r = await run(`${VP}/verified.json`);
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(r.badge).toMatchObject({ name: 'Requirements Analysis Certificate', issuer: { name: 'Springfield College', id: ISSUER_KEY } });
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    // OB 3.0.2's context beside VC 2.0 is noted, as 1EdTech's validator warns of it.
    expect(check(r, 'schema')?.message).toContain('context-3.0.2.json');
  });

  it('withdrawn.json is revoked by bit 42 of its signed status list', async () => {
    const r = await run(`${VP}/withdrawn.json`);
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => [c.id, c.code])).toEqual([['revocation', ErrorCodes.REVOKED]]);
    expect(check(r, 'signature')?.outcome).toBe('pass');
  });

  it('not-withdrawn.json: bit 7 of the same list is not set, so it is valid', async () => {
    const r = await run(`${VP}/not-withdrawn.json`);
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(check(r, 'revocation')?.message).toContain('bit 7');
  });

  it('list-not-issuers.json names a status list another did:key signed: its word is not the issuer\'s, unsettled', async () => {
    const r = await run(`${VP}/list-not-issuers.json`);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(check(r, 'revocation')?.message).toContain('did:key:z6Mkfmm57fsb6VL7zVusP8zeA9SYkCKdvUhby2G7Yh8vvQ1P');
    expect(fails(r)).toEqual([]);
  });

  it('suspended.json is suspended by bit 42 of its suspension list', async () => {
    const r = await run(`${VP}/suspended.json`);
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => [c.id, c.code])).toEqual([['revocation', ErrorCodes.SUSPENDED]]);
  });

  it('the status lists unreachable, withdrawn and suspended are unsettled, never valid', async () => {
    for (const f of ['withdrawn.json', 'suspended.json']) {
      const r = await verify(bytes(`${VP}/${f}`), { fetch: offlineFetch(), now: NOW, identities: [] });
      expect(r.verdict, f).toBe('indeterminate');
      expect(check(r, 'revocation')?.outcome, f).toBe('indeterminate');
      expect(fails(r), f).toEqual([]);
    }
  });

  it('expired.json expired on 2026-01-09 and not-yet-valid.json starts in 2099: invalid for their dates alone', async () => {
    const expired = await run(`${VP}/expired.json`);
    expect(fails(expired).map((c) => c.code)).toEqual([ErrorCodes.EXPIRED]);
    const early = await run(`${VP}/not-yet-valid.json`);
    expect(fails(early).map((c) => c.code)).toEqual([ErrorCodes.NOT_YET_VALID]);
    // Before its end date the same expired badge held.
    expect((await run(`${VP}/expired.json`, new Date('2025-06-01T00:00:00Z'))).verdict).toBe('valid');
  });

  it('tampered.json (Robin Whitaker for Sam Salmon) fails its signature', async () => {
    const r = await run(`${VP}/tampered.json`);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('not-their-seal.json holds under another did:key, which is not the issuer\'s: invalid', async () => {
    const r = await run(`${VP}/not-their-seal.json`);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'fail', code: ErrorCodes.KEY_NOT_OWNED });
  });

  // DCC's verifier flags it by schema (advisory) and verifies it; OB 3.0 §Achievement requires the id.
  it('malformed.json, an achievement without its id, is what its issuer signed: valid, the missing id noted', async () => {
    const r = await run(`${VP}/malformed.json`);
    expect(r.verdict).toBe('valid');
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    expect(r.badge).toMatchObject({ name: 'Requirements Analysis Certificate' });
    expect(check(r, 'schema')).toMatchObject({ outcome: 'warning', message: expect.stringContaining('credentialSubject.achievement has no id (OB 3.0 §Achievement requires a URI)') });
    // The same badge with its id (verified.json) has no such note.
    expect(check(await run(`${VP}/verified.json`), 'schema')?.message).not.toContain('achievement has no id');
  });
});

/**
 * walt.id's W3C credential examples (`W3CExamples.kt`) not yet run: the same ExampleDegreeCredential
 * under ecdsa-rdfc-2019, eddsa-rdfc-2022 (VC 2.0 and 1.1), an ecdsa-sd-2023 base proof and bbs-2023,
 * each by a did:key while its issuer is https://university.example; the ES256 VC-JWT whose kid is a bare
 * JWK thumbprint; the COSE_Sign1 (VC-JOSE-COSE §3.3) written as hex; and two SD-JWTs walt.id's OSS issuer
 * returned for the JFF PlugFest 3 badge.
 */
describe('walt.id W3C examples: every securing format', () => {
  const W = 'waltid-identity';

  it('the Data Integrity ExampleDegreeCredentials are no Open Badge, and nothing in them is called forged', async () => {
    for (const f of ['dipEcdsaSignedW3CCredential', 'dipEcdsaSignedW3CV11Credential', 'dipEddsaSignedW3CCredential', 'dipEddsaSignedW3CV11Credential', 'dipEcdsaSdSignedW3CCredential', 'dipBbsSignedW3CCredential']) {
      const r = await run(`${W}/${f}.json`);
      expect(r.verdict, f).toBe('indeterminate');
      expect(check(r, 'structure')?.code, f).toBe(ErrorCodes.NOT_OPEN_BADGE);
      expect(fails(r), f).toEqual([]);
      expect(r.badge?.issuer.id, f).toBe('https://university.example/issuers/565049');
    }
    // The examples context is not bundled (contexts are never fetched); bbs-2023 and an sd base proof are not checked.
    expect(check(await run(`${W}/dipEcdsaSignedW3CCredential.json`), 'signature')?.code).toBe(ErrorCodes.UNKNOWN_CONTEXT);
    expect(check(await run(`${W}/dipBbsSignedW3CCredential.json`), 'signature')?.code).toBe(ErrorCodes.UNSUPPORTED);
    expect(check(await run(`${W}/dipEcdsaSdSignedW3CCredential.json`), 'signature')?.code).toBe(ErrorCodes.UNSUPPORTED);
  });

  it('the JOSE example (ES256, kid a JWK thumbprint, https issuer) has no key to check with: indeterminate', async () => {
    const r = await run(`${W}/joseSignedW3CCredential.jwt`);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')?.code).toBe(ErrorCodes.NO_KEY);
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
  });

  it('the COSE example, as hex text or as its bytes, is named and unsettled, never unreadable', async () => {
    const hex = new TextDecoder().decode(bytes(`${W}/coseSignedW3CCredential.hex`)).trim();
    for (const input of [hex, Buffer.from(hex, 'hex')]) {
      const r = await verify(input instanceof Buffer ? new Uint8Array(input) : input, { fetch: offlineFetch(), now: NOW, identities: [] });
      expect(r.verdict).toBe('indeterminate');
      expect(check(r, 'parse')?.outcome).toBe('pass');
      expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
      expect(check(r, 'signature')?.message).toContain('COSE');
    }
    // Other hex, or the COSE text cut by one digit, is still no credential Lanyard can read.
    for (const text of [hex.slice(1), `a0${hex.slice(2)}`]) {
      const r = await verify(text, { fetch: offlineFetch(), now: NOW, identities: [] });
      expect(check(r, 'parse')).toMatchObject({ outcome: 'fail', code: ErrorCodes.PARSE_UNRECOGNISED });
    }
  });

  it('the OSS issuer\'s SD-JWTs: the JFF PlugFest 3 badge, its signature holding, expired on 2026-04-08', async () => {
    const r = await run(`${W}/ossIssuedW3CSdJwt.sd-jwt`);
    expect(r.badge).toMatchObject({ name: 'JFF x vc-edu PlugFest 3 Interoperability', issuer: { name: 'Jobs for the Future (JFF)' } });
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass' });
    expect(fails(r).map((c) => c.code)).toEqual([ErrorCodes.EXPIRED]);
    expect((await run(`${W}/ossIssuedW3CSdJwt.sd-jwt`, new Date('2025-06-01T00:00:00Z'))).verdict).toBe('valid');
    // The second names VC 2.0 but dates itself with VC 1.1's issuanceDate: OB 3.0 wants validFrom.
    const v2 = await run(`${W}/ossIssuedW3CSdJwt2.sd-jwt`);
    expect(v2.verdict).toBe('invalid');
    expect(check(v2, 'signature')?.outcome).toBe('pass');
    expect(check(v2, 'structure')).toMatchObject({ outcome: 'fail', code: ErrorCodes.STRUCTURE_INVALID });
  });
});

/**
 * SpruceID's DIDKit HTTP (`src/credentials.rs` tests): DriverLicenseCredentials its verifier is asked
 * to verify, with inline contexts, so their proofs can be checked offline. Spruce ignores its own P-384
 * test (w3c/vc-di-ecdsa-test-suite issue 86) and its bbs-2023 ones ("invalid base signature").
 */
describe('SpruceID DIDKit HTTP: ecdsa-rdfc-2019, bbs-2023 and proof sets', () => {
  const S = 'spruceid-didkit-http';

  it('the P-256 ecdsa-rdfc-2019 credential verifies: no Open Badge, nothing forged', async () => {
    const r = await run(`${S}/verify_valid_vc_ecdsa_p256.json`);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
  });

  // Hashed with SHA-384 (VC DI ECDSA §3.3: the P-384 hash) or SHA-256, its signature does not verify.
  it('the P-384 one, which Spruce\'s own verifier does not verify either, fails its signature', async () => {
    const r = await run(`${S}/verify_valid_vc_ecdsa_p384.json`);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('bbs-2023 is a suite Lanyard cannot check: unsettled', async () => {
    for (const f of ['verify_valid_vc_bbs_vcdm1.json', 'verify_valid_vc_bbs_vcdm2.json']) {
      const r = await run(`${S}/${f}`);
      expect(r.verdict, f).toBe('indeterminate');
      expect(check(r, 'signature')?.code, f).toBe(ErrorCodes.UNSUPPORTED);
    }
  });

  it('a proof set of two identical eddsa-rdfc-2022 proofs, and the VC API test suite\'s Ed25519Signature2020 credential, verify', async () => {
    for (const f of ['verify_multiple_proofs.json', 'verify_valid_vc_verifier_test_suite.json']) {
      const r = await run(`${S}/${f}`);
      expect(r.verdict, f).toBe('indeterminate');
      expect(fails(r), f).toEqual([]);
      expect(outcomes(r), f).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    }
  });

  it('the proof chain whose inline context nests an @context (a keyword redefinition, JSON-LD 1.1 §4.2.2) is refused as unreadable data', async () => {
    const r = await run(`${S}/verify_previous_proof.json`);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.message).toContain('keyword redefinition');
  });
});

describe('Sovra ID: a sandbox credential signed with BbsBlsSignature2020 by a did:quarkid', () => {
  it('is no Open Badge, its proof a kind Lanyard cannot check: indeterminate', async () => {
    const r = await run('sovra-id-docs/api-sovra-id_credential.json');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(r.badge?.issuer).toMatchObject({ id: 'did:quarkid:EiBppRyATSOpt50p8vSx2L2Hud8IHawvwOp_Q04HEn2k7A', name: 'Integration 01' });
  });
});

/**
 * 1EdTech's openbadges-samples (Concentric Sky's json-server of OB 2.0 samples, served at
 * http://localhost:3000 as its README says): the issuer "First! American Civics 2016", its hosted badge
 * classes (alignments, a GeoCoordinates extension) and three hosted assertions for
 * wiggins@concentricsky.com, one embedding its badge class under a urn:uuid id. The issuer's own
 * addresses are plain http, so a plain-http copy is taken as it serves itself (verify/plain-http.ts).
 */
describe('1EdTech openbadges-samples: OB 2.0 hosted badges of a plain-http issuer', () => {
  const SAMPLES = `${REAL}/hosts/localhost-3000`;
  const served = [{ prefix: 'http://localhost:3000/', dir: SAMPLES }];
  const runSample = (slug: string, fetch = offlineFetch(served)) =>
    verify(bytes(`hosts/localhost-3000/assertions/${slug}`), { fetch, now: NOW, identities: ['wiggins@concentricsky.com'] });

  it('the Bill of Rights and GeoLocated badges are confirmed by their issuer\'s copies: valid', async () => {
    for (const slug of ['wiggins-bill-of-rights', 'geolocated-1']) {
      const r = await runSample(slug);
      expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
      expect(r.badge?.issuer.name, slug).toBe('First! American Civics 2016');
      expect(outcomes(r), slug).toMatchObject({ hosted: 'pass', recipient: 'pass' });
    }
    expect((await runSample('wiggins-bill-of-rights')).badge).toMatchObject({ name: 'Hosted Bill of Rights' });
  });

  it('the bespoke badge, its class embedded under a urn:uuid id (as OB 2.0 allows), is confirmed the same way', async () => {
    const r = await runSample('bespoke-badge-1');
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(r.badge).toMatchObject({ name: 'Bespoke Badge', issuer: { name: 'First! American Civics 2016' } });
  });

  it('unserved, each is unsettled, never valid', async () => {
    for (const slug of ['wiggins-bill-of-rights', 'bespoke-badge-1']) {
      const r = await runSample(slug, offlineFetch());
      expect(r.verdict, slug).toBe('indeterminate');
      expect(check(r, 'hosted')?.outcome, slug).toBe('indeterminate');
    }
  });

  it('an embedded urn:uuid class whose issuer is served over https still confirms nothing from a plain-http copy', async () => {
    const a = JSON.parse(new TextDecoder().decode(bytes('hosts/localhost-3000/assertions/bespoke-badge-1'))) as { badge: { issuer: string } };
    a.badge.issuer = 'https://issuer.example/issuers/first';
    const r = await verify(JSON.stringify(a), { fetch: offlineFetch(served), now: NOW, identities: ['wiggins@concentricsky.com'] });
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'hosted')?.outcome).not.toBe('pass');
  });
});

/**
 * 1EdTech's own published examples not yet run: the OB 3.0 implementation guide's "getting started"
 * signed credential (its proof names the cryptosuite `eddsa-rdf-2022`, which no specification
 * defines: the guide's slip for eddsa-rdfc-2022; its recipient the salted hash of
 * jjefferson18@example.com) and the Digital Credentials bootcamp's unsigned mapping of a European
 * micro-credential (ELM) to an OB 3.0 `.1ob`.
 */
describe('1EdTech examples: the getting-started credential, the ELM bootcamp mapping', () => {
  it('the getting-started credential names no cryptosuite there is: invalid, never valid', async () => {
    const r = await verify(bytes('1edtech-ob-spec/impl_getting-started_signed.json'), { fetch: offlineFetch(), now: NOW, identities: ['jjefferson18@example.com'] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.ALG_NOT_ALLOWED });
    expect(check(r, 'signature')?.message).toContain('eddsa-rdf-2022');
    expect(r.badge).toMatchObject({ name: 'Advanced Shoe Tie', issuer: { name: 'Example Institution' } });
  });

  it('the ELM micro-credential as an unsigned .1ob is read, and invalid for its missing proof', async () => {
    const r = await run('1edtech-dc-bootcamp/ELM_01_separated_MC-unsigned-OB.1ob');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(r.badge).toMatchObject({ name: 'Digital micro-credential creation', issuer: { name: 'ORGANIZACION TEST' } });
  });
});
