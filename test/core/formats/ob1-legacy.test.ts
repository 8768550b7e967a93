/**
 * Signed-badge key shapes and OB 0.5 / 1.x forms the conformance corpus does not hold: 1.x signed
 * badges (PEM at verify.url), keys embedded in the hosted 2.0 profile, Unix timestamps.
 */
import { exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { upgradeDateTime } from '../../../src/core/formats/ob1.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { assertion, CTX, ISSUER, makeIssuer, NOW, sha256Identity, signJws } from './ob2-fixtures.ts';

const O = 'https://issuer.test';
const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);

async function legacyIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const web = new FakeWeb()
    // OB 1.x issuer organization and badge class: no ids, no publicKey (the key sits at verify.url).
    .json(`${O}/org.json`, { name: 'Org', url: O, email: 'badges@issuer.test' })
    .json(`${O}/badge.json`, { name: 'Legacy', description: 'd', image: `${O}/b.png`, criteria: `${O}/c`, issuer: `${O}/org.json` })
    .status(`${O}/public.pem`, 200, await exportSPKI(publicKey));
  return { web, privateKey };
}

const assertion10 = async () => ({
  uid: 'abc-1',
  recipient: { type: 'email', hashed: true, salt: 's', identity: await sha256Identity('ada@example.org', 's') },
  badge: `${O}/badge.json`,
  verify: { type: 'signed', url: `${O}/public.pem` },
  issuedOn: 1359217910,
});

describe('OB 1.x signed: the key is the PEM at verify.url', () => {
  it('checks the signature with it; the key, on the issuer organization\'s own site, is the issuer\'s', async () => {
    const { web, privateKey } = await legacyIssuer();
    const r = await verify(await signJws(await assertion10(), privateKey), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.format).toBe('ob1.0-signed');
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    // OB 1.0 §Signed Badges: the key at verify.url; served from issuer.test, where org.json is (ob1-legacy-forms.test.ts has the other sites).
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
    expect(check(r, 'validity')?.outcome).toBe('pass');
    expect(r.recipient).toBe('ada@example.org');
    expect(r.verdict).toBe('valid');
  });

  it('still fails a signature that the key at verify.url does not verify', async () => {
    const { web } = await legacyIssuer();
    const other = await generateKeyPair('RS256');
    const r = await verify(await signJws(await assertion10(), other.privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });
});

describe('OB 2.0 signed: a key embedded in the hosted issuer profile', () => {
  it('is used as listed, without fetching its id', async () => {
    const { web, privateKey, pem } = await makeIssuer();
    const keyId = `${ISSUER}#key-1`;
    web.json(ISSUER, {
      '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test',
      publicKey: [{ id: keyId, type: 'CryptographicKey', owner: ISSUER, publicKeyPem: pem }],
    });
    const r = await verify(await signJws(await assertion({ verification: { type: 'SignedBadge', creator: keyId } }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });
});

describe('1.x timestamps', () => {
  it('reads Unix seconds, and leaves out-of-range numbers as written instead of throwing', async () => {
    expect(upgradeDateTime(1359217910)).toBe('2013-01-26T16:31:50.000Z');
    expect(upgradeDateTime('1359217910')).toBe('2013-01-26T16:31:50.000Z');
    expect(upgradeDateTime(1e300)).toBe(1e300);
    expect(upgradeDateTime(-1e300)).toBe(-1e300);
    expect(upgradeDateTime(1359217910000)).toBe(1359217910000); // milliseconds: not year 45041
    // A date of the right shape that names no day is kept as written, not made an instant.
    expect(upgradeDateTime('2013-01-26')).toBe('2013-01-26T00:00:00Z');
    expect(upgradeDateTime('2013-19-03')).toBe('2013-19-03');
    expect(upgradeDateTime('2013-02-29T10:00')).toBe('2013-02-29T10:00');
    const { web, privateKey } = await legacyIssuer();
    const r = await verify(await signJws({ ...(await assertion10()), issuedOn: 1e300 }, privateKey), { fetch: web.fetch, now: NOW });
    // A legacy date that is no date leaves validity unknown, saying why (legacy-dates.ts).
    expect(check(r, 'validity')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_INVALID' });
    expect(check(r, 'validity')?.message).toContain('is no Unix timestamp');
  });
});
