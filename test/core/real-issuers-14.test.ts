/**
 * A fourteenth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): two JFF x vc-edu Plugfest 2 badges as Sphereon's SSI-SDK recorded what
 * Diwala and Velocity Network issued to its wallet in November 2022, an EducateWorkforce badge as
 * Badgr served it in both Open Badges versions (2019), a Badgr EU badge baked in a PNG that
 * Hacking-Lab's Hacky Easter 2022 handed out as a puzzle, and a Loconomics badge on Badgr (2018) its
 * developers kept as dummy data. What Lanyard says of each offline, and why that is the right
 * verdict. Nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const options = { fetch: offlineFetch(), now: NOW, identities: [] as string[] };
const run = (file: string) => verify(bytes(file), options);
const json = (file: string) => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, any>;
const edited = (file: string, edit: (doc: Record<string, any>) => void) => {
  const doc = json(file);
  edit(doc);
  return verify(JSON.stringify(doc), options);
};

/**
 * Diwala's JFF Plugfest 2 badge of 2022-11-04, Ed25519Signature2018 by the JFF did:key
 * (z6MkrzXC…), under the unversioned OB 3.0 context.json. Two later badges by the same key (2023,
 * test/core/real-issuers.test.ts and suites.test.ts) verify; this one's detached JWS holds over none
 * of the eight OB 3.0 context documents its issuer could have signed under (the alpha, JFF Plugfest 1
 * and beta documents, 3.0.0 to 3.0.3, and the extensions), with the proof options under the
 * credential's context or under security/v2, neither in Lanyard nor with jsonld.js URDNA2015 and
 * Node's Ed25519 (checked when this fixture was added). The signature does not hold over the text as
 * kept: invalid, the same verdict as for ValidCredential2 and Open Badge Factory's badge. SSI-SDK
 * first committed it four days after it was issued; the later copy differs only in layout.
 */
describe('Diwala (kept by Sphereon SSI-SDK): a JFF Plugfest 2 badge whose proof holds over no context', () => {
  const FILE = 'sphereon-ssi-sdk/vc_edu-plugfest-diwala.json';

  it('is invalid: the Ed25519Signature2018 proof by the issuer\'s did:key does not verify', async () => {
    const r = await run(FILE);
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(r.verdict).toBe('invalid');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'fail' });
    expect(check(r, 'signature')).toMatchObject({ code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'signature')?.message).toContain('Ed25519Signature2018');
    expect(check(r, 'signature')?.message).toContain('did:key:z6MkrzXCdarP1kaZcJb3pmNi295wfxerDrmTqPv5c6MkP2r9');
    expect(r.badge?.name).toBe('JFF x vc-edu PlugFest 2 Interoperability');
    expect(r.badge?.issuer.name).toBe('Jobs for the Future (JFF)');
  });

  it('under a versioned OB 3.0 context in place of the unversioned one, it still does not verify', async () => {
    for (const v of ['3.0.1', '3.0.2', '3.0.3']) {
      const r = await edited(FILE, (vc) => {
        vc['@context'][1] = `https://purl.imsglobal.org/spec/ob/v3p0/context-${v}.json`;
      });
      expect(r.verdict, v).toBe('invalid');
      expect(check(r, 'signature')?.outcome, v).toBe('fail');
    }
  });

  it('its issuer\'s key is the one that signs the Plugfest 2 badges that do verify', async () => {
    const later = await run('sphereon-oid4vc/diwala.json');
    expect(later.verdict).toBe('valid');
    expect(json('sphereon-oid4vc/diwala.json').proof.verificationMethod).toBe(json(FILE).proof.verificationMethod);
  });
});

/**
 * Velocity Network's JFF Plugfest 2 credential of 2022-11-07: a VC-JWT (VC 1.1 context only, no
 * OB 3.0 context, no achievement) signed ES256K by `did:velocity:v2:0xc167…#key-1` for the issuer
 * `did:ion:EiBaKidh…`, with a VelocityRevocationListJan2021 status on Ethereum. secp256k1 is a
 * legitimate JOSE algorithm (RFC 8812) Lanyard does not check, the status is on a chain: unsettled,
 * each reason named, never valid.
 */
describe('Velocity Network (kept by Sphereon SSI-SDK): an ES256K VC-JWT with a Velocity status', () => {
  const FILE = 'sphereon-ssi-sdk/vc_edu-plugfest-velocity.jwt';

  it('is indeterminate: ES256K is not checked and its status is a Velocity revocation list', async () => {
    const r = await run(FILE);
    expect(r.format).toBe('ob3.0-jwt');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'signature')?.message).toContain('ES256K');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'revocation')?.message).toContain('VelocityRevocationListJan2021');
    expect(check(r, 'schema')?.message).toContain('achievement');
  });

  it('with its payload rewritten (another subject), it is never valid', async () => {
    const jwt = readFileSync(path.join(REAL, FILE), 'utf8').trim();
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    claims.sub = 'did:example:someone-else';
    claims.vc.credentialSubject.id = 'did:example:someone-else';
    const r = await verify(`${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`, options);
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'signature')?.outcome).not.toBe('pass');
  });
});

/**
 * EducateWorkforce (Open edX courses, badges issued on Badgr): "Safety Concepts and Health", issued
 * 2019-03-07, expiring 2025-03-16, as api.badgr.io served it in OB 1.1 (`?v=1_1`: `uid`, `verify`)
 * and in OB 2.0 (`HostedBadge`, evidence, a recipientProfile extension). Hosted badges: only the
 * issuer's copy at their id can say they are genuine and current, and nothing is fetched here, so
 * they are unconfirmed, never forged; what the copy in hand claims (its expiry included) settles
 * nothing.
 */
describe('EducateWorkforce on Badgr: one hosted badge in OB 1.1 and OB 2.0', () => {
  it.each([
    ['educateworkforce-badgr/vsDktqmrT3GJLbNhBvqLig.ob1.json', 'ob1.1-hosted', 'https://api.badgr.io/public/assertions/vsDktqmrT3GJLbNhBvqLig?v=1_1'],
    ['educateworkforce-badgr/vsDktqmrT3GJLbNhBvqLig.ob2.json', 'ob2.0-hosted', 'https://api.badgr.io/public/assertions/vsDktqmrT3GJLbNhBvqLig'],
  ])('%s is indeterminate: the issuer\'s copy is not fetched', async (file, format, url) => {
    const r = await run(file);
    expect(r.format).toBe(format);
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.FETCH_FAILED });
    expect(check(r, 'hosted')?.message).toContain(url);
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
  });

  it('its copy in hand rewritten (recipient and expiry) is still only unconfirmed, never valid', async () => {
    const r = await edited('educateworkforce-badgr/vsDktqmrT3GJLbNhBvqLig.ob2.json', (a) => {
      a.expires = '2035-03-16T00:00:00+00:00';
      a.recipient.identity = 'sha256$0000000000000000000000000000000000000000000000000000000000000000';
    });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
  });
});

/**
 * Hacky Easter 2022 (Hacking-Lab) "Crypto Bunny": a Badgr EU badge (issued 2021-07-14, a salted
 * e-mail recipient, recipientProfile "Hacky Easter") baked into a PNG's iTXt chunk, the puzzle's own
 * image as a player kept it. Hosted at api.eu.badgr.io, not fetched here: unconfirmed.
 */
describe('Hacky Easter (Hacking-Lab) on Badgr EU: a baked PNG', () => {
  const FILE = 'hackyeaster-badgr-eu/crypto_bunny.png';

  it('is read from its iTXt chunk and left indeterminate: the issuer\'s copy is not fetched', async () => {
    const r = await run(FILE);
    expect(r.format).toBe('ob2.0-hosted');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'parse')?.message).toContain('baked PNG');
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.FETCH_FAILED });
    expect(check(r, 'hosted')?.message).toContain('https://api.eu.badgr.io/public/assertions/aeT2h9EWTHyiqHk7Yx4X4Q');
  });

  /** The altered copy names another URL: only that URL's answer could confirm it, so it stays unconfirmed. */
  it('with one byte of its baked assertion id changed, it is never valid: it names another hosted copy', async () => {
    const png = bytes(FILE);
    const at = Buffer.from(png).indexOf('aeT2h9EWTHyiqHk7Yx4X4Q');
    expect(at).toBeGreaterThan(0);
    png[at] = 'b'.charCodeAt(0);
    const r = await verify(png, options);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')?.message).toContain('https://api.eu.badgr.io/public/assertions/beT2h9EWTHyiqHk7Yx4X4Q');
  });
});

/**
 * Loconomics Cooperative's badge for a massage therapist's current licence (issued on Badgr
 * 2018-01-04; evidence the licence photo and the CAMTC board's record), as its developers pasted it
 * into a component's dummy data: the OB 2.0 assertion api.badgr.io served at `?v=2_0`, without its
 * `@context` and with a `PlatformName` of their own put first. Hosted: only the issuer's copy at its
 * id settles it, and nothing is fetched here, so it is unconfirmed; the developers' edits make it no
 * forgery, and nothing in the copy in hand can make it valid.
 */
describe('Loconomics on Badgr: a hosted assertion kept as dummy data', () => {
  const FILE = 'loconomics-badgr/platforms-list_dummyData-0.json';

  it('is indeterminate: the issuer\'s copy at its id is not fetched', async () => {
    const r = await run(FILE);
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.FETCH_FAILED });
    expect(check(r, 'hosted')?.message).toContain('https://api.badgr.io/public/assertions/XmE3ncMeRP-1JLr7LfGd_w?v=2_0');
  });

  it('with another recipient written in, it is still only unconfirmed', async () => {
    const r = await edited(FILE, (a) => {
      a.recipient.identity = 'sha256$0000000000000000000000000000000000000000000000000000000000000000';
    });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
  });
});
