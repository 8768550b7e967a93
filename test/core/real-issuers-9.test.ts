/**
 * A ninth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): signed OB 3.0 credentials, what Lanyard says of each and why that is the
 * right verdict. Nothing is fetched: only the documents a test maps answer, from the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const CONFORMANCE_HOSTS = path.resolve(REAL, '../conformance/hosts');
const conformanceHost = (host: string) => ({ prefix: `https://${host}/`, dir: path.join(CONFORMANCE_HOSTS, host) });
const WALT_ES256 = 'waltid-identity/verifier-docs_openBadgeNoDisclosures_es256.jwt';

/**
 * walt.id's verifier API documents what a presentation session returns with a real session's answer
 * (2025-07-16): the JFF Plugfest 3 OpenBadgeCredential its issuer signed as a VC-JWT (VC 1.1 in the
 * `vc` claim) with ES256 by a P-256 did:key (`zDna…`), valid for a year. Its key is the issuer's DID
 * itself (did:key, P-256 multicodec 0x1200), so nothing needs fetching.
 */
describe('walt.id: an ES256 VC-JWT by a P-256 did:key', () => {
  it('is valid within its year', async () => {
    const r = await verify(bytes(WALT_ES256), { fetch: offlineFetch(), now: new Date('2026-01-01T00:00:00Z'), identities: [] });
    expect(r.format).toBe('ob3.0-jwt');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(r, 'signature')?.message).toContain('ES256');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.name).toBe('JFF x vc-edu PlugFest 3 Interoperability');
    expect(r.badge?.issuer.name).toBe('Jobs for the Future (JFF)');
  });

  it('is expired after 2026-07-16 (its expirationDate and exp agree): invalid, its signature still holding', async () => {
    const r = await verify(bytes(WALT_ES256), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
  });

  it('fails once its payload is edited', async () => {
    const [h, p, s] = readFileSync(path.join(REAL, WALT_ES256), 'utf8').trim().split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { vc: { name: string } };
    payload.vc.name = 'Forged Interoperability';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const r = await verify(forged, { fetch: offlineFetch(), now: new Date('2026-01-01T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });

  /**
   * The same session's OpenBadgeCredential "with disclosures": a VC-JWT whose `vc` hides claims
   * (its `name` and `issuanceDate`) behind `_sd` digests, two disclosures after `~` (walt.id's W3C
   * SD-JWT, no final `~`, no key-binding JWT). RFC 9901 §7.1: both disclosures' digests are in the
   * signed `_sd` array, once each (sha-256, the default when `_sd_alg` is absent, §4.1.1), so the
   * credential is what its issuer signed, verified as a VC-JWT; a key-binding JWT is the verifier's
   * policy to require (§7.3), and a badge has no verifier session to bind to. Nothing is withheld.
   */
  const SD = 'waltid-identity/verifier-docs_openBadgeWithDisclosures.sd-jwt';
  it('its selectively disclosed twin (SD-JWT, RFC 9901) is valid within its year', async () => {
    const r = await verify(bytes(SD), { fetch: offlineFetch(), now: new Date('2026-01-01T00:00:00Z'), identities: [] });
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(r, 'signature')?.message).toContain('ES256');
    expect(check(r, 'parse')?.message).toContain('SD-JWT');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.name).toBe('JFF x vc-edu PlugFest 3 Interoperability');
    expect(r.badge?.issuedOn).toBe('2025-07-16T06:49:40.414284954Z');
  });

  it('its selectively disclosed twin is expired on 2026-12-06, its signature still holding', async () => {
    const r = await verify(bytes(SD), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
  });

  it('its selectively disclosed twin fails once a disclosure is edited', async () => {
    const [jwt, d1, d2] = readFileSync(path.join(REAL, SD), 'utf8').trim().split('~') as [string, string, string];
    const edited = JSON.parse(Buffer.from(d2, 'base64url').toString()) as [string, string, string];
    edited[2] = '2020-01-01T00:00:00Z';
    const forged = `${jwt}~${d1}~${Buffer.from(JSON.stringify(edited)).toString('base64url')}`;
    const r = await verify(forged, { fetch: offlineFetch(), now: new Date('2026-01-01T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});

describe("1EdTech's validator samples", () => {
  const run = (file: string, hosts: string[]) => verify(bytes(`1edtech-dcpv/${file}`), { fetch: offlineFetch(hosts.map(conformanceHost)), now: new Date('2026-12-06T00:00:00Z'), identities: [] });

  it('context-3.0.3 on VC 2.0 (DCPV: valid) is valid', async () => {
    const r = await run('ob30_simple-context-alias.json', ['example.com']);
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('context-3.0.2 on VC 2.0 (DCPV: its context probe reports it, the test asserts no more) is valid: its proof holds over the same terms', async () => {
    const r = await run('ob30_simple-context-version.json', ['example.com']);
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    expect(r.verdict).toBe('valid');
    // DCPV warns "expected @context uri …context-3.0.3.json at position 2, gotten …context-3.0.2.json
    // instead" (ContextPropertyProbe): 3.0.2 was written for VC 1.1, 3.0.3 for VC 2.0. Said, not failed.
    expect(check(r, 'schema')).toMatchObject({ outcome: 'warning' });
    expect(check(r, 'schema')?.message).toContain('pairs the OB 3.0.2 context');
    expect(check(r, 'schema')?.message).toContain('context-3.0.3.json');
  });

  it('context-3.0.3 on VC 2.0 is not said to be a mismatched pair', async () => {
    const r = await run('ob30_simple-context-alias.json', ['example.com']);
    expect(check(r, 'schema')?.message ?? '').not.toContain('OB 3.0.2 context');
  });

  it('a BitstringStatusListEntry written with blank nodes (DCPV: revoked) is revoked', async () => {
    const r = await run('ob30_bit-string-list_credential-status-revoked-blank-nodes.json', ['1edtech.edu', 'raw.githubusercontent.com']);
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass', revocation: 'fail' });
    expect(check(r, 'revocation')?.code).toBe(ErrorCodes.REVOKED);
    expect(r.verdict).toBe('invalid');
  });

  it('a method under a DID method Lanyard does not resolve (DCPV: invalid) is indeterminate, not forged', async () => {
    const r = await run('ob30_simple-err-proof-method-unknown-did-method.json', ['example.com']);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NO_KEY });
    expect(fails(r)).toEqual([]);
  });

  it('a CLR 2.0 under the draft CLR context (no DCPV test runs it) is indeterminate: the context is not bundled', async () => {
    const r = await run('clr20_simple_old_safesigned.json', []);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNKNOWN_CONTEXT });
    expect(check(r, 'signature')?.message).toContain('https://dc.imsglobal.org/draft/clr/v2p0/context');
  });
});

/**
 * Open edX's Credentials service documents the presentation a wallet posts to it with one it issued
 * (2023-07-10): an OpenBadgeCredential signed by didkit with Ed25519Signature2020 by the service's
 * default did:key issuer, a StatusList2021Entry at credentials.example.com, and an achievement whose
 * `id` is a bare UUID, not an IRI. JSON-LD drops that id from the signed data (JSON-LD 1.1 API §4.4:
 * a relative IRI with no base is ignored), so the proof could not say which achievement was signed:
 * refused in safe mode. Its proof does not verify by jsonld.js without safe mode either, under the
 * final or the beta OB 3.0 context, with the UUID dropped or kept: invalid.
 */
describe('Open edX: an OB 3.0 credential whose achievement id is not an IRI', () => {
  it('is invalid: what was signed cannot be read one way only, and its proof holds under no reading', async () => {
    const r = await verify(bytes('openedx-credentials/storages_example-vp.json'), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'signature')?.message).toContain('its id "31187856-01ac-4abc-9b77-4add9cf7c50b" is not an absolute IRI');
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.name).toBe('Program certificate for passing a program dcc program');
  });
});
