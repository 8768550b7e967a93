/**
 * A hosted copy read over plain http for an issuer served over TLS (hostile round 43): anyone on the
 * network path can answer an http id with a forged copy (any recipient) naming the issuer's real
 * badge class, which was `valid`. It confirms nothing now (`indeterminate`, never `invalid`: the badge
 * may be genuine); an http id the issuer redirects to https was read over TLS and stays `valid`; an
 * issuer whose profile and badge class are plain http is taken as it serves itself (SECURITY.md limits).
 */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { assertion, BADGE, CTX, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const HTTP_ID = 'http://issuer.test/assertions/9.json';
const HTTPS_ID = 'https://issuer.test/assertions/9.json';

describe('an OB 2.0 http id for an https issuer', () => {
  it('answered directly over plain http confirms nothing, whatever recipient the copy names', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    const forged = { ...a, recipient: { type: 'email', hashed: false, identity: 'mallory@evil.test' } };
    for (const copy of [a, forged, { ...a, id: HTTPS_ID }]) {
      web.json(HTTP_ID, copy);
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW, identities: ['ada@example.org', 'mallory@evil.test'] });
      expect(check(r, 'hosted'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
      expect(check(r, 'hosted')?.message).toContain('read over plain http');
      expect(r.verdict).toBe('indeterminate');
    }
  });

  it('redirected to https on the same host was read over TLS: valid', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    for (const declared of [HTTP_ID, HTTPS_ID]) {
      web.redirect(HTTP_ID, HTTPS_ID).json(HTTPS_ID, { ...a, id: declared });
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
      expect(r.verdict).toBe('valid');
    }
  });

  it('redirected within plain http is still read over plain http', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    web.redirect(HTTP_ID, '/v2/assertions/9.json').json('http://issuer.test/v2/assertions/9.json', a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.message).toContain('read over plain http (http://issuer.test/v2/assertions/9.json)');
    expect(r.verdict).toBe('indeterminate');
  });
});

/** An issuer (profile and badge class) at plain-http addresses, its assertions too. */
function plainIssuer(badgeClass = 'http://old.test/badge.json'): FakeWeb {
  return new FakeWeb()
    .json('http://old.test/issuer.json', { '@context': CTX, type: 'Issuer', id: 'http://old.test/issuer.json', name: 'Old Issuer', url: 'http://old.test', email: 'b@old.test' })
    .json(badgeClass, { '@context': CTX, type: 'BadgeClass', id: badgeClass, name: 'Old', description: 'd', image: 'http://old.test/b.png', criteria: 'http://old.test/c', issuer: 'http://old.test/issuer.json' });
}

describe('an issuer that is itself plain http', () => {
  it('is taken as it serves itself: its http copy confirms the badge (OB 2.0 permits it; a known limit)', async () => {
    const web = plainIssuer();
    const a = await assertion({ id: 'http://old.test/a/1.json', badge: 'http://old.test/badge.json', verification: { type: 'HostedBadge' } });
    web.json('http://old.test/a/1.json', a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('but not when the badge class its copy names is served over https', async () => {
    const web = plainIssuer('https://old.test/badge.json');
    const a = await assertion({ id: 'http://old.test/a/1.json', badge: 'https://old.test/badge.json', verification: { type: 'HostedBadge' } });
    web.json('http://old.test/a/1.json', a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.message).toContain('the badge class it names is served over https');
    expect(r.verdict).toBe('indeterminate');
  });
});

describe('an OB 1.x hosted assertion at an http verify.url for an https issuer', () => {
  const a10 = { uid: 'abc', recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: BADGE, issuedOn: 1700000000, verify: { type: 'hosted', url: HTTP_ID } };

  it('answered over plain http confirms nothing; redirected to https it is valid', async () => {
    const { web } = await makeIssuer();
    web.json(HTTP_ID, a10);
    const direct = await verify(JSON.stringify(a10), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(direct.format).toBe('ob1.0-hosted');
    expect(check(direct, 'hosted')?.message, JSON.stringify(direct.checks)).toContain('read over plain http');
    expect(direct.verdict).toBe('indeterminate');
    web.redirect(HTTP_ID, HTTPS_ID).json(HTTPS_ID, a10);
    const upgraded = await verify(JSON.stringify(a10), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(upgraded.verdict, JSON.stringify(upgraded.checks)).toBe('valid');
  });
});

describe('"revoked" answered over plain http for an https issuer', () => {
  it('settles nothing (anyone on the path could make a genuine badge look revoked); over TLS it revokes', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    for (const answer of ['gone', 'revoked'] as const) {
      if (answer === 'gone') web.status(HTTP_ID, 410);
      else web.json(HTTP_ID, { ...a, revoked: true, revocationReason: 'forged by the path' });
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted')?.message, answer).toContain('read over plain http');
      expect(check(r, 'revocation')?.outcome, answer).toBe('indeterminate');
      expect(r.verdict, answer).toBe('indeterminate');
    }
    web.redirect(HTTP_ID, HTTPS_ID).status(HTTPS_ID, 410);
    const tls = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(tls, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });

  it('revokes for an issuer that is itself plain http', async () => {
    const web = plainIssuer().status('http://old.test/a/1.json', 410);
    const a = await assertion({ id: 'http://old.test/a/1.json', badge: 'http://old.test/badge.json', verification: { type: 'HostedBadge' } });
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });
});

describe('a copy over plain http naming a plain-http badge class and profile of its own (review44)', () => {
  const EVIL_CLASS = 'http://issuer.test/evil-class.json';
  const EVIL_ISSUER = 'http://issuer.test/evil-issuer.json';
  /** What anyone on the path answers for the https issuer's http id: a copy for Mallory, with a class and profile at http addresses it answers too. */
  async function pathAnswers() {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    web
      .json(HTTP_ID, { ...a, badge: EVIL_CLASS, recipient: { type: 'email', hashed: false, identity: 'mallory@evil.test' } })
      .json(EVIL_CLASS, { '@context': CTX, type: 'BadgeClass', id: EVIL_CLASS, name: 'Safe Lifting', description: 'Lifts safely', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/criteria', issuer: EVIL_ISSUER })
      .json(EVIL_ISSUER, { '@context': CTX, type: 'Issuer', id: EVIL_ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test' });
    return { web, a };
  }

  it('confirms nothing when the badge in hand names the issuer’s https badge class', async () => {
    const { web, a } = await pathAnswers();
    expect(a.badge).toBe(BADGE);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW, identities: ['mallory@evil.test'] });
    expect(check(r, 'hosted'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
    expect(check(r, 'hosted')?.message).toContain(`the badge class the badge names is served over https (${BADGE})`);
    expect(r.verdict).toBe('indeterminate');
  });

  it('an OB 2.0 badge in hand whose badge class is embedded with its https id, likewise', async () => {
    const { web, a } = await pathAnswers();
    const embedded = { ...a, badge: { '@context': CTX, type: 'BadgeClass', id: BADGE, name: 'Safe Lifting', description: 'Lifts safely', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/criteria', issuer: 'https://issuer.test/issuer.json' } };
    const r = await verify(JSON.stringify(embedded), { fetch: web.fetch, now: NOW, identities: ['mallory@evil.test'] });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('a badge in hand embedding a plain-http class of an https issuer, likewise (its issuer is the badge’s word too)', async () => {
    const { web, a } = await pathAnswers();
    const embedded = { ...a, badge: { '@context': CTX, type: 'BadgeClass', id: 'http://issuer.test/badge.json', name: 'Safe Lifting', description: 'Lifts safely', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/criteria', issuer: 'https://issuer.test/issuer.json' } };
    const r = await verify(JSON.stringify(embedded), { fetch: web.fetch, now: NOW, identities: ['mallory@evil.test'] });
    expect(check(r, 'hosted')?.message, JSON.stringify(r.checks)).toContain('the issuer the badge names is served over https (https://issuer.test/issuer.json)');
    expect(r.verdict).toBe('indeterminate');
  });
});

describe('"revoked" over plain http for a badge in hand embedding an https badge class whose issuer has no id (review44)', () => {
  it("settles nothing: the class the badge names is served over https", async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    const embedded = { ...a, badge: { '@context': CTX, type: 'BadgeClass', id: BADGE, name: 'Safe Lifting', description: 'Lifts safely', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/criteria', issuer: { type: 'Issuer', name: 'Test Issuer', url: 'https://issuer.test' } } };
    web.status(HTTP_ID, 410);
    const r = await verify(JSON.stringify(embedded), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')?.outcome, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(check(r, 'hosted')?.message).toContain('410 Gone was read over plain http');
    expect(r.verdict).toBe('indeterminate');
  });
});
