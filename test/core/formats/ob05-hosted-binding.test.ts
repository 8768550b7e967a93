/**
 * OB 0.5 hosted assertions, checked at the URL that served them and bound to the `origin` their
 * embedded issuer names (ob2-hosted.ts, hosted-scope.ts inOriginScope05): what an attacker can and
 * cannot make of that binding, and what a genuine copy found elsewhere is.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);

/** A 0.5 assertion as Mozilla's Backpack beta read it: recipient an e-mail address, issuer embedded. */
const assertion05 = (origin: string, issuer: Record<string, unknown> = {}) => ({
  recipient: 'ann@example.org',
  issued_on: '2013-03-16',
  badge: {
    version: '0.5.0',
    name: 'Instructor',
    image: '/img/badges/instructor.png',
    description: 'Teaching at workshops',
    criteria: '/badges/instructor.html',
    issuer: { origin, name: 'Victim University', contact: 'admin@victim.test', ...issuer },
  },
});

const page = (href: string): { bytes: Uint8Array; type: string } => ({
  type: 'text/html; charset=utf-8',
  bytes: new TextEncoder().encode(`<!doctype html><html><head><title>A badge</title><link rel="alternate" type="application/json" href="${href}"></head><body>Badge</body></html>`),
});

describe('an OB 0.5 assertion served at its issuer\'s origin', () => {
  it('is valid there (the binding the check makes)', async () => {
    const web = new FakeWeb().json('https://victim.test/badges/ann.json', assertion05('https://victim.test'));
    const r = await verify('https://victim.test/badges/ann.json', { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  /**
   * OB 0.5 had no revocation list, but an issuer whose embedded profile names one is read like any
   * issuer's (ob2-common.ts checkRevocationList). The assertion has no id: its id is the URL that
   * served it, and an entry naming that URL revokes it. It was passed over (the list was compared
   * with the copy's own id and uid only, and a 0.5 copy has neither): a revoked badge was valid.
   */
  it('is revoked when its issuer\'s revocation list names the URL that served it', async () => {
    const url = 'https://victim.test/badges/ann.json';
    const web = new FakeWeb()
      .json(url, assertion05('https://victim.test', { revocationList: 'https://victim.test/revoked.json' }))
      .json('https://victim.test/revoked.json', { type: 'RevocationList', revokedAssertions: [{ id: url, revocationReason: 'Issued in error' }] });
    const r = await verify(url, { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'revocation'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect(r.verdict).toBe('invalid');
  });
});

/**
 * A copy read from another site than the origin its issuer names. Nothing in a 0.5 assertion names
 * where it lives: the site that served this copy is where the user found it, not a claim the badge
 * makes. Byte for byte the issuer's, it is a genuine badge's copy (an earner's own site, a backpack's
 * mirror, a site the issuer moved to); forged, it is the same text. Neither is confirmed by it, so
 * the hosted check is unsettled, as for the same JSON pasted as text: it was `invalid`, a genuine
 * badge called false.
 */
describe('an OB 0.5 assertion served from another site than its issuer\'s origin', () => {
  it('is unconfirmed, not invalid and never valid', async () => {
    const web = new FakeWeb().json('https://mirror.test/ann.json', assertion05('https://victim.test'));
    const r = await verify('https://mirror.test/ann.json', { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.HOSTED_SCOPE });
    expect(check(r, 'hosted')?.message).toContain('not on the issuer\'s site (victim.test)');
    expect(r.verdict).toBe('indeterminate');
  });

  it.each([
    ['another port', 'https://victim.test:8443/ann.json'],
    ['a trailing dot', 'https://victim.test./ann.json'],
    ['a sibling host', 'https://victim.test.evil.test/ann.json'],
    ['userinfo naming the origin', 'https://victim.test@evil.test/ann.json'],
  ])('is never valid at %s', async (_, url) => {
    const web = new FakeWeb().json(url, assertion05('https://victim.test'));
    const r = await verify(url, { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).not.toBe('pass');
    expect(r.verdict).not.toBe('valid');
  });

  it('is never valid because the embedded issuer names an origin with a path, another scheme or its host in capitals', async () => {
    for (const origin of ['https://evil.test/victim.test', 'http://VICTIM.TEST:80', 'https://victim.test/']) {
      const web = new FakeWeb().json('https://evil.test/ann.json', assertion05(origin));
      const r = await verify('https://evil.test/ann.json', { fetch: web.fetch, now: NOW, identities: [] });
      // Bound to evil.test only when the origin names evil.test: the attacker's own site, its own badge.
      if (origin.includes('//evil.test')) expect(check(r, 'hosted')?.message, origin).toContain('evil.test');
      else expect(r.verdict, origin).not.toBe('valid');
    }
  });

  it('a web page\'s alternate JSON is bound by the URL it was read from, not the page\'s', async () => {
    // The page is the issuer's; the JSON it names is the attacker's, on the attacker's site.
    const web = new FakeWeb();
    web.pages.set('https://victim.test/badges/ann', page('https://evil.test/ann.json'));
    web.json('https://evil.test/ann.json', assertion05('https://victim.test'));
    const r = await verify('https://victim.test/badges/ann', { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).not.toBe('pass');
    expect(r.verdict).not.toBe('valid');
    // The attacker's page naming the issuer's own JSON shows the issuer's badge: read from the issuer.
    const back = new FakeWeb();
    back.pages.set('https://evil.test/ann', page('https://victim.test/badges/ann.json'));
    back.json('https://victim.test/badges/ann.json', assertion05('https://victim.test'));
    const own = await verify('https://evil.test/ann', { fetch: back.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(own, 'hosted')?.message).toContain('Hosted on victim.test');
  });
});

/**
 * The origin an OB 0.5 issuer names is scheme, host and port: an https origin is served over TLS.
 * A copy read over plain http from that host was bound to it by host alone, so anyone on the
 * network path could answer the http read with a forged assertion naming the https origin and have
 * it called valid. Such a copy is unconfirmed; an http origin read over http is bound as before.
 */
describe('an OB 0.5 assertion read over plain http', () => {
  it('is unconfirmed, never valid, when its issuer\'s origin is https', async () => {
    const web = new FakeWeb().json('http://victim.test/badges/ann.json', assertion05('https://victim.test'));
    const r = await verify('http://victim.test/badges/ann.json', { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.HOSTED_SCOPE });
    expect(check(r, 'hosted')?.message).toContain('plain http');
    expect(check(r, 'hosted')?.message).toContain('https://victim.test');
    expect(r.verdict).toBe('indeterminate');
  });

  it('is bound as before when its issuer\'s origin is http', async () => {
    const web = new FakeWeb().json('http://victim.test/badges/ann.json', assertion05('http://victim.test'));
    const r = await verify('http://victim.test/badges/ann.json', { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });
});

/**
 * Whether a 0.5 copy came over plain http is where its read ended (fetch-once.ts finalUrl), not the
 * URL asked for: a genuine badge whose http URL its issuer redirects to its https origin was read over
 * TLS, and was left indeterminate for the http it was asked at. A redirect to another site is refused
 * by the fetch, so nothing else can answer.
 */
describe('an OB 0.5 http URL its issuer redirects to https', () => {
  it('was read over TLS: valid when its issuer\'s origin is https', async () => {
    const web = new FakeWeb().redirect('http://victim.test/badges/ann.json', 'https://victim.test/badges/ann.json').json('https://victim.test/badges/ann.json', assertion05('https://victim.test'));
    const r = await verify('http://victim.test/badges/ann.json', { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('but a read that ends over plain http is still anyone\'s', async () => {
    const web = new FakeWeb().redirect('http://victim.test/badges/ann.json', '/b/ann.json').json('http://victim.test/b/ann.json', assertion05('https://victim.test'));
    const r = await verify('http://victim.test/badges/ann.json', { fetch: web.fetch, now: NOW, identities: ['ann@example.org'] });
    expect(check(r, 'hosted'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.HOSTED_SCOPE });
    expect(check(r, 'hosted')?.message).toContain('http://victim.test/b/ann.json');
  });
});
