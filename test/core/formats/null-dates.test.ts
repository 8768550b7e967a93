/**
 * A date member written as JSON null is absent (JSON-LD 1.1 §4.1: a null value is ignored, so it
 * is not even signed data; OB 2.0's structure check, like 1EdTech's validator, already reads
 * `expires: null` as no expiry). Before: OB 2.0 `"expires": null` and an OB 3.0 Data Integrity
 * `"validUntil": null` failed `validity` ("not a date with a time zone: null"), a genuine badge
 * called invalid, while the same credential as a VC-JWT was valid.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';
import { assertion, makeIssuer, NOW, signJws } from './ob2-fixtures.ts';
import { credential as jwtCredential, makeKey, OB3_CONTEXT, runJwt, show as showRun, sign } from '../keys/jwt-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skipped'));
const HOSTED = 'https://issuer.test/assertions/1.json';
const ISSUER = 'https://issuer.test/issuers/1';
const KID = 'https://issuer.test/keys/1.json';

describe('a date written as null is no date', () => {
  it('OB 2.0 signed, "expires": null: valid, no expiry', async () => {
    const { web, privateKey } = await makeIssuer();
    const r = await verify(await signJws(await assertion({ expires: null }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'validity'), show(r)).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('OB 2.0 hosted, "expires": null: valid, no expiry', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, expires: null });
    web.json(HOSTED, a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'validity'), show(r)).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('an expiry in the past is still expired (OB 2.0 signed and hosted)', async () => {
    const { web, privateKey } = await makeIssuer();
    const signed = await verify(await signJws(await assertion({ expires: '2026-01-01T00:00:00Z' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(signed, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, expires: '2026-01-01T00:00:00Z' });
    web.json(HOSTED, a);
    expect(check(await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW }), 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });

  it('OB 3.0 Data Integrity, "validUntil": null: valid (the null is not signed data), as the same credential as a VC-JWT is', async () => {
    const signer = await generateSigner();
    const vc = await signCredential(credential(signer.did, { validUntil: null }), signer);
    const r = await verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW });
    expect(check(r, 'signature'), show(r)).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'validity'), show(r)).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('OB 3.0: a null date does not hide the other name of the same date (VC 1.1 expirationDate: null, validUntil past)', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(KID, k.jwk).json(ISSUER, { id: ISSUER, assertionMethod: [KID] });
    const vc = { ...jwtCredential({ id: ISSUER, type: 'Profile' }), '@context': ['https://www.w3.org/2018/credentials/v1', OB3_CONTEXT], issuanceDate: '2024-01-01T00:00:00Z', validFrom: undefined, expirationDate: null, validUntil: '2026-01-01T00:00:00Z' };
    const r = await runJwt(await sign(vc, k, { kid: KID }), { fetch: web.fetch });
    expect(r.check('validity'), showRun(r)).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });
});

describe('every OB 2.0 DateTime the structure check accepts is read by the validity check', () => {
  it('basic format, a short zone, a comma fraction, minutes left out: valid (before: structure passed, then validity failed, invalid)', async () => {
    const { web, privateKey } = await makeIssuer();
    for (const issuedOn of ['20250101T000000Z', '2025-01-01T00:00:00+05', '2025-01-01T05:30:00+0530', '2025-01-01T00:00:00,5Z', '2025-01-01T10Z']) {
      const r = await verify(await signJws(await assertion({ issuedOn }), privateKey), { fetch: web.fetch, now: NOW });
      expect(check(r, 'structure')?.outcome, issuedOn).toBe('pass');
      expect(check(r, 'validity'), `${issuedOn} ${show(r)}`).toMatchObject({ outcome: 'pass' });
      expect(r.verdict).toBe('valid');
    }
  });

  it('the instant is the one written: an expiry in basic format or with a short zone still expires', async () => {
    const { web, privateKey } = await makeIssuer();
    // NOW is 2026-11-26T00:00:00Z; +05 means 2026-11-25T19:00Z: expired; -05 means 2026-11-26T05:00Z: not yet.
    for (const [expires, outcome] of [['20261125T235959Z', 'fail'], ['2026-11-26T00:00:00+05', 'fail'], ['2026-11-26T00:00:00-05', 'pass'], ['2026-11-26T00:00:00-0500', 'pass']] as const) {
      const r = await verify(await signJws(await assertion({ expires }), privateKey), { fetch: web.fetch, now: NOW });
      expect(check(r, 'validity')?.outcome, `${expires} ${show(r)}`).toBe(outcome);
    }
  });

  it('what the structure check refuses is still refused', async () => {
    const { web, privateKey } = await makeIssuer();
    const r = await verify(await signJws(await assertion({ expires: 'next year' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
  });
});
