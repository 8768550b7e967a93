/**
 * Adversarial review 43 of the plain-http, landed-scope and https-form rules (hosted-scope.ts,
 * verify/plain-http.ts). Anyone on the network path answers a plain http read, its redirects too: a
 * chain that starts over plain http may be sent anywhere on the issuer's site, so only the issuer's
 * own upgrade of that address (its https form) is the issuer's answer to it.
 */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skipped'));
const HTTP_ID = 'http://issuer.test/assertions/9.json';
const OTHER = 'https://issuer.test/assertions/8.json';

describe('a plain http read the path redirects to another of the issuer\'s https addresses', () => {
  it('a revoked badge or a 410 there does not revoke this one (indeterminate)', async () => {
    for (const answer of ['gone', 'revoked'] as const) {
      const { web } = await makeIssuer();
      const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
      const eight = await assertion({ id: OTHER, verification: { type: 'HostedBadge' } });
      web.redirect(HTTP_ID, OTHER);
      if (answer === 'gone') web.status(OTHER, 410);
      else web.json(OTHER, { ...eight, revoked: true, revocationReason: 'not this badge' });
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(check(r, 'revocation')?.outcome, `${answer} ${show(r)}`).toBe('indeterminate');
      expect(r.verdict, answer).toBe('indeterminate');
    }
  });

  it('its own https form revoking it still revokes', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    web.redirect(HTTP_ID, 'https://issuer.test/assertions/9.json').json('https://issuer.test/assertions/9.json', { ...a, revoked: true });
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });
});

describe('a pasted http link that answers 410 Gone over plain http', () => {
  it('sent elsewhere by the plain http read, revokes nothing (indeterminate); at its own address, or its https form, it revokes', async () => {
    // Redirected to another of the issuer's addresses: whoever answered the plain http read chose where.
    const moved = await makeIssuer();
    moved.web.redirect(HTTP_ID, OTHER).status(OTHER, 410);
    const r = await verify(HTTP_ID, { fetch: moved.web.fetch, now: NOW });
    expect(check(r, 'revocation')?.outcome, show(r)).not.toBe('fail');
    expect(r.verdict).toBe('indeterminate');
    // At the link's own address, unredirected: nothing names the issuer, so the badge's own http address is all
    // there is of it, taken as it serves itself (Badgr's test backpack, plain http throughout, revokes so).
    const { web } = await makeIssuer();
    web.status(HTTP_ID, 410);
    const own = await verify(HTTP_ID, { fetch: web.fetch, now: NOW });
    expect(check(own, 'revocation'), show(own)).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    web.redirect(HTTP_ID, 'https://issuer.test/assertions/9.json').status('https://issuer.test/assertions/9.json', 410);
    const tls = await verify(HTTP_ID, { fetch: web.fetch, now: NOW });
    expect(check(tls, 'revocation'), show(tls)).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });
});

describe('an http id read at its https form inside an https startsWith (httpsFormInScope): spellings', () => {
  const scoped = () => makeIssuer({ verification: { type: 'VerificationObject', startsWith: 'https://issuer.test/badges/' } });

  it('dot segments, userinfo, another host or a path outside the prefix never read valid', async () => {
    const cases: [string, string][] = [
      ['http://issuer.test/badges/../uploads/x.json', 'https://issuer.test/uploads/x.json'],
      ['http://issuer.test/badges/%2e%2e/uploads/x.json', 'https://issuer.test/uploads/x.json'],
      ['http://issuer.test@evil.test/badges/x.json', 'https://evil.test/badges/x.json'],
      ['http://issuer.test.evil.test/badges/x.json', 'https://issuer.test.evil.test/badges/x.json'],
      ['http://issuer.test:443/badges/x.json', 'http://issuer.test:443/badges/x.json'],
    ];
    for (const [id, servedAt] of cases) {
      const { web } = await scoped();
      const a = await assertion({ id, verification: { type: 'HostedBadge' } });
      if (servedAt === id) web.json(id, a);
      else web.redirect(id, servedAt).json(servedAt, a);
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(r.verdict, `${id} ${show(r)}`).not.toBe('valid');
      expect(check(r, 'hosted')?.code, `${id}: judged, not unreachable`).toBe('ERR_HOSTED_SCOPE');
    }
  });

  it('a redirect on to another path (an open redirect, or the path answering the http read) confirms nothing', async () => {
    const { web } = await scoped();
    const a = await assertion({ id: 'http://issuer.test/badges/9.json', verification: { type: 'HostedBadge' } });
    web.redirect('http://issuer.test/badges/9.json', 'https://issuer.test/badges/go?to=/uploads/9.json')
      .redirect('https://issuer.test/badges/go?to=/uploads/9.json', 'https://issuer.test/uploads/9.json')
      .json('https://issuer.test/uploads/9.json', a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, show(r)).toBe('indeterminate');
  });

  it('a query or fragment: valid only read at that very address; upper case host and :80 are the same address', async () => {
    for (const id of ['http://ISSUER.test/badges/9.json', 'http://issuer.test:80/badges/9.json', 'http://issuer.test/badges/9.json?v=2']) {
      const { web } = await scoped();
      const a = await assertion({ id, verification: { type: 'HostedBadge' } });
      const https = `https:${new URL(id).href.slice(5)}`;
      web.redirect(id, https).json(https, a);
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(r.verdict, `${id} ${show(r)}`).toBe('valid');
    }
    const { web } = await scoped();
    const a = await assertion({ id: 'http://issuer.test/badges/9.json?v=2', verification: { type: 'HostedBadge' } });
    web.redirect('http://issuer.test/badges/9.json?v=2', 'https://issuer.test/badges/9.json').json('https://issuer.test/badges/9.json', a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).not.toBe('valid');
  });
});
