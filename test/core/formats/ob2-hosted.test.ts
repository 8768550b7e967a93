import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { md5Hex } from '../../../src/core/verify/md5.ts';
import { assertion, BADGE, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const HOSTED = 'https://issuer.test/assertions/1.json';

async function hosted(overrides: Record<string, unknown> = {}) {
  return assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, ...overrides });
}

describe('OB 2.0 hosted', () => {
  it('re-fetches by id and verifies the hosted copy', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted());
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.format).toBe('ob2.0-hosted');
    expect(check(r, 'hosted')?.outcome).toBe('pass');
    expect(check(r, 'signature')?.outcome).toBe('skipped');
    expect(r.recipient).toBe('ada@example.org');
    expect(web.requested).toContain(HOSTED);
  });

  it('trusts the input only for its id: the hosted copy wins', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted({ expires: '2026-01-01T00:00:00Z' }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });

  it('fails an assertion hosted outside the issuer origin', async () => {
    const { web } = await makeIssuer();
    const evil = 'https://evil.test/a.json';
    const a = await hosted({ id: evil });
    web.json(evil, a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'fail', code: 'ERR_HOSTED_SCOPE' });
    expect(r.verdict).toBe('invalid');
  });

  it('honours the issuer verification policy: startsWith and allowedOrigins', async () => {
    const inside = 'https://badges.cdn.test/issuer/1.json';
    const policyStarts = await makeIssuer({ verification: { type: 'VerificationObject', startsWith: 'https://badges.cdn.test/issuer/' } });
    policyStarts.web.json(inside, await hosted({ id: inside }));
    expect((await verify(JSON.stringify(await hosted({ id: inside })), { fetch: policyStarts.web.fetch, now: NOW })).verdict).toBe('valid');
    // Same origin as the issuer but not under the prefix: outside the scope.
    policyStarts.web.json(HOSTED, await hosted());
    const r = await verify(JSON.stringify(await hosted()), { fetch: policyStarts.web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome).toBe('fail');
    const origins = await makeIssuer({ verification: { allowedOrigins: ['badges.cdn.test'] } });
    origins.web.json(inside, await hosted({ id: inside }));
    expect((await verify(JSON.stringify(await hosted({ id: inside })), { fetch: origins.web.fetch, now: NOW })).verdict).toBe('valid');
  });

  it('treats revoked: true and HTTP 410 as revoked', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, { id: HOSTED, revoked: true, revocationReason: 'Issued in error' });
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(check(r, 'revocation')?.message).toContain('Issued in error');
    // The verdict comes from the issuer's copy; the name shown is what the input claims.
    expect(r.badge?.name).toBe('Safe Lifting');
    web.status(HOSTED, 410);
    const gone = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(gone, 'revocation')?.outcome).toBe('fail');
    expect(gone.verdict).toBe('invalid');
  });

  it('is indeterminate when the hosted copy cannot be fetched', async () => {
    const { web } = await makeIssuer();
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
    expect(r.badge?.id).toBe(HOSTED);
  });

  it('follows a hosted copy that declares another id to that id, once (Badgr: a ?v=2_0 id now served as the plain id)', async () => {
    // badgr-server (issuer/utils.py add_obi_version_ifneeded): ids carry ?v=2_0 only while 2.0 is not
    // the current version; 2017-18 baked badges hold `…?v=2_0` ids, whose copy now declares the plain id.
    const plain = 'https://issuer.test/assertions/1';
    const versioned = `${plain}?v=2_0`;
    const { web } = await makeIssuer();
    web.json(versioned, await hosted({ id: plain }));
    web.json(plain, await hosted({ id: plain }));
    const r = await verify(JSON.stringify(await hosted({ id: versioned })), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(check(r, 'hosted')?.outcome).toBe('pass');
    expect(web.requested).toContain(plain);
    expect(check(r, 'hosted')?.message).toContain(`names its id ${plain}`);
    // The id the issuer's copy declares is the badge's.
    expect(r.badge?.id).toBe(plain);
  });

  it('is indeterminate, not invalid, when the declared id cannot be fetched or declares yet another', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted({ id: 'https://issuer.test/assertions/2.json' }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
    expect(check(r, 'hosted')?.message).toContain('https://issuer.test/assertions/2.json');
    expect(r.verdict).toBe('indeterminate');
    web.json('https://issuer.test/assertions/2.json', await hosted({ id: 'https://issuer.test/assertions/3.json' }));
    const chain = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(chain, 'hosted')?.outcome).toBe('indeterminate');
    expect(chain.verdict).toBe('indeterminate');
    expect(web.requested).not.toContain('https://issuer.test/assertions/3.json');
    // A copy naming a non-web id says nothing about where it is hosted.
    web.json(HOSTED, await hosted({ id: 'urn:uuid:00000000-0000-4000-8000-0000000000a1' }));
    expect(check(await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW }), 'hosted')?.outcome).toBe('indeterminate');
  });

  it('still fails when the id a copy declares is outside the issuer\'s scope, and honours a 410 there', async () => {
    const { web } = await makeIssuer();
    const evil = 'https://evil.test/a.json';
    web.json(HOSTED, await hosted({ id: evil }));
    web.json(evil, await hosted({ id: evil }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'fail', code: 'ERR_HOSTED_SCOPE' });
    expect(r.verdict).toBe('invalid');
    web.json(HOSTED, await hosted({ id: 'https://issuer.test/assertions/2.json' }));
    web.status('https://issuer.test/assertions/2.json', 410);
    const gone = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(gone, 'revocation')?.outcome).toBe('fail');
    expect(gone.verdict).toBe('invalid');
  });

  it('matches md5 and unhashed recipients', async () => {
    const { web } = await makeIssuer();
    const md5 = await hosted({ recipient: { type: 'email', hashed: true, salt: 's', identity: `md5$${md5Hex(new TextEncoder().encode('ada@example.org' + 's'))}` } });
    web.json(HOSTED, md5);
    expect((await verify(JSON.stringify(md5), { fetch: web.fetch, now: NOW, identities: ['ADA@example.org'] })).recipient).toBe('ADA@example.org');
    const plain = await hosted({ recipient: { type: 'email', hashed: false, identity: 'ada@example.org' } });
    web.json(HOSTED, plain);
    expect((await verify(JSON.stringify(plain), { fetch: web.fetch, now: NOW, identities: ['x@y.z', 'Ada@example.org'] })).recipient).toBe('Ada@example.org');
  });

  it('upgrades and verifies an OB 1.0 hosted assertion (Unix timestamps, verify.url)', async () => {
    const { web } = await makeIssuer();
    const a10 = {
      uid: 'abc', recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
      badge: BADGE, issuedOn: 1700000000, expires: '2030-01-01', verify: { type: 'hosted', url: HOSTED },
    };
    web.json(HOSTED, a10);
    const r = await verify(JSON.stringify(a10), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.format).toBe('ob1.0-hosted');
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.issuedOn).toBe('2023-11-14T22:13:20.000Z');
    expect(r.badge?.expires).toBe('2030-01-01T00:00:00Z');
  });

  it('reads an OB 0.5 assertion (string recipient, embedded badge) and says it cannot be re-fetched', async () => {
    const a05 = {
      recipient: 'ada@example.org', issued_on: '2011-06-01',
      badge: { version: '0.5.0', name: 'HTML5', description: 'd', image: '/i.png', criteria: '/c', issuer: { origin: 'https://p2pu.test', name: 'P2PU', org: 'Webcraft', contact: 'a@p2pu.test' } },
    };
    const r = await verify(JSON.stringify(a05), { now: NOW, identities: ['ada@example.org'] });
    expect(r.format).toBe('ob0.5-hosted');
    expect(r.badge?.issuer.name).toBe('P2PU: Webcraft');
    expect(r.badge?.issuer.url).toBe('https://p2pu.test');
    expect(r.verdict).not.toBe('valid');
  });
});

describe('OB 2.0 hosted: the issuer must be its own hosted profile', () => {
  const EVIL = 'https://evil.test/a.json';
  const EVIL_BC = 'https://evil.test/bc.json';
  async function forged(issuer: Record<string, unknown>) {
    const { web } = await makeIssuer();
    const a = await assertion({ id: EVIL, badge: EVIL_BC, verification: { type: 'HostedBadge' }, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' } });
    web.json(EVIL, a).json(EVIL_BC, { type: 'BadgeClass', id: EVIL_BC, name: 'Forged', issuer });
    return verify(JSON.stringify(a), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
  }

  it('is not valid when an embedded issuer claims a real issuer id that cannot be fetched, with a policy allowing the forger', async () => {
    const r = await forged({ id: 'https://university.test/issuer-404', type: 'Issuer', name: 'University', verification: { allowedOrigins: ['evil.test'] } });
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
  });

  it('is not valid when an embedded issuer has no web address', async () => {
    const r = await forged({ id: 'urn:uuid:2f3a', type: 'Issuer', name: 'University' });
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
  });

  it('uses the fetched profile, not the embedded policy, when the issuer can be fetched', async () => {
    const r = await forged({ id: 'https://issuer.test/issuer.json', type: 'Issuer', name: 'Test Issuer', verification: { allowedOrigins: ['evil.test'] } });
    expect(check(r, 'hosted')?.outcome).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });
});
