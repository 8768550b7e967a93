/**
 * A twenty-fifth round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md): a Credly badge baked in a PNG that travelled in an e-mail signature to a
 * public mailing list (spice-devel, 2022-08-19), its image rewritten by Adobe ImageReady on the way,
 * its OB 2.0 hosted assertion issued 2009-10-20 and expired 2021-10-31, before the PNG was made; and an
 * OB 1.0 assertion a developer signed with HS256 (2014) and posted to Mozilla's validator.
 */
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes } from '../support/real-fixtures.ts';
import { unpack } from '../../src/core/input/index.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import type { Fetch } from '../../src/core/verify/context.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const PNG = 'spice-devel-credly/image002.png';
const ASSERTION = 'https://www.credly.com/api/v1/obi/v2/badge_assertions/a1296f6d-b3d2-4ac9-8d40-f7b56ce98607';
const BADGE_CLASS = 'https://www.credly.com/api/v1/obi/v2/issuers/8b818bfd-a192-4339-ae4c-daec7622cc24/badge_classes/10b35bf3-25a8-43b9-811f-207756cf5586';

/** The assertion baked in the PNG, as its text. */
const bakedText = async (): Promise<string> => {
  const { kind, credential } = await unpack(bytes(PNG));
  if (kind !== 'png' || credential.type !== 'json') throw new Error(`expected JSON in a PNG, got ${credential.type} in ${kind}`);
  return JSON.stringify(credential.json);
};

/** Credly answering the assertion's URL with the text it baked (and nothing else: its badge class is out of reach). */
const credlyServing = (text: string): Fetch => {
  const offline = offlineFetch();
  return async (url, init) => (url === ASSERTION ? new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }) : offline(url, init));
};

describe('Credly: a baked PNG from an e-mail signature', () => {
  it('is read from its iTXt chunk after ImageReady\'s tEXt chunks, and unconfirmed while Credly cannot be reached', async () => {
    const r = await verify(bytes(PNG), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob2.0-hosted');
    expect(check(r, 'parse')?.outcome).toBe('pass');
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.FETCH_FAILED });
    expect(check(r, 'hosted')?.message).toContain(ASSERTION);
    expect(fails(r)).toEqual([]);
  });

  it('with the hosted copy as Credly baked it, it expired on 2021-10-31: invalid for its date', async () => {
    const r = await verify(bytes(PNG), { fetch: credlyServing(await bakedText()), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => [c.id, c.code])).toEqual([['validity', ErrorCodes.EXPIRED]]);
    expect(check(r, 'validity')?.message).toContain('2021-10-31');
    // The issuer's copy was read; only its badge class, and through it the revocation list, is out of reach.
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', hosted: 'indeterminate', revocation: 'indeterminate' });
    expect(check(r, 'hosted')?.message).toContain(BADGE_CLASS);
    // Before its end date the same copy was not failed.
    const then = await verify(bytes(PNG), { fetch: credlyServing(await bakedText()), now: new Date('2021-06-01T00:00:00Z'), identities: [] });
    expect(then.verdict).toBe('indeterminate');
    expect(fails(then)).toEqual([]);
  });

  it('its recipient is an unsalted sha256 that the sending address does not match: not issued to that address', async () => {
    const r = await verify(bytes(PNG), { fetch: credlyServing(await bakedText()), now: new Date('2021-06-01T00:00:00Z'), identities: ['jbauer@firelandsit.com'] });
    expect(check(r, 'recipient')?.outcome).toBe('fail');
  });
});

/**
 * An OB 1.0 signed assertion a developer posted to Mozilla's validator (issue 27, 2014-09-16) when it
 * answered "jws-algorithm": HS256, its `verify.url` a `pass.txt` beside the badge class on the
 * developer's GitHub Pages site. OB 1.0 §Signed Badges verifies with the public key at `verify.url`;
 * an HMAC has none: whoever reads the shared secret can make the same signature, so it proves nothing
 * about who signed (RFC 7518 §3.2 is symmetric). Failed for the algorithm alone, offline too, never valid.
 */
describe('an OB 1.0 assertion signed with HMAC', () => {
  const JWS = 'mozilla-openbadges-validator/egavr_bem-beginner-course.jws';

  it('fails its signature for the algorithm, without asking for the secret', async () => {
    const asked: string[] = [];
    const recording: Fetch = async (url, init) => { asked.push(url); return offlineFetch()(url, init); };
    const r = await verify(bytes(JWS), { fetch: recording, now: NOW, identities: ['job.egavr@yandex.ru'] });
    expect(r.format).toBe('ob1.0-signed');
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => [c.id, c.code])).toEqual([['signature', ErrorCodes.ALG_NOT_ALLOWED]]);
    expect(check(r, 'signature')?.message).toContain('HS256');
    // Nothing the payload says is taken: not its recipient (a plain address, the one given), not its date.
    expect(outcomes(r)).toMatchObject({ parse: 'pass', recipient: 'skipped', validity: 'skipped' });
    expect(asked.some((u) => u.endsWith('/pass.txt'))).toBe(false);
  });
});
