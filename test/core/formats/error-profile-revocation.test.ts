/**
 * An issuer profile answered by a server's error object that also carries a profile's fields (a
 * framework's `{"name": "Error", "message": …}` beside the `url` it was asked for): non-badge-answer.ts
 * reads it as a profile (name with url, email or id), to be judged as one. Such an answer names no
 * revocationList, and a revoked badge read "not revoked: the issuer publishes no revocation list",
 * valid. A profile that speaks as an error and is not typed as one (OB 2.0 §Profile type Issuer or
 * Profile) is no word on revocation: unsettled. A typed profile carrying a message is read as before.
 */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, CTX, ISSUER, makeIssuer, NOW, REVOCATIONS, signJws } from './ob2-fixtures.ts';

const HOSTED = 'https://issuer.test/assertions/7.json';
const hosted = () => assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass'));

const ERROR_PROFILES: Record<string, unknown> = {
  'a framework error naming the url asked for': { name: 'ServiceUnavailableError', message: 'Service Unavailable', url: ISSUER },
  'an error naming an address to write to': { name: 'Maintenance', email: 'ops@issuer.test', error: 'down for maintenance' },
  'a JSend error with a name and url': { status: 'error', code: 503, name: 'Upstream', url: ISSUER },
};

describe('an error object read as the issuer profile settles no revocation', () => {
  it.each(Object.keys(ERROR_PROFILES))('a hosted badge the issuer revoked, its profile answered by %s: not valid', async (name) => {
    const { web } = await makeIssuer({ revocationList: true });
    web.json(REVOCATIONS, { '@context': CTX, type: 'RevocationList', id: REVOCATIONS, revokedAssertions: [HOSTED] });
    web.json(HOSTED, await hosted()).json(ISSUER, ERROR_PROFILES[name]);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).not.toBe('valid');
    expect(check(r, 'revocation')?.outcome, show(r)).not.toBe('pass');
  });

  it.each(Object.keys(ERROR_PROFILES))('a signed badge, its profile answered by %s: not valid', async (name) => {
    const { web, privateKey } = await makeIssuer({ revocationList: true });
    web.json(ISSUER, ERROR_PROFILES[name]);
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).not.toBe('valid');
  });

  it('the same badges verify when the profile answers (so the tests above change the profile only)', async () => {
    const { web } = await makeIssuer({ revocationList: true });
    web.json(HOSTED, await hosted());
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('a typed issuer profile with a message and no revocation list: not revoked, valid, as before', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted()).json(ISSUER, { '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test', message: 'Welcome' });
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('valid');
    expect(check(r, 'revocation')?.outcome).toBe('pass');
  });

  it('an OB 1.x issuer (no type) without error members and without a list: not revoked, as before', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted()).json(ISSUER, { name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test' });
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')?.outcome, show(r)).toBe('pass');
  });
});
