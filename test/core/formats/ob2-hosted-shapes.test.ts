/** Hosted OB 2.0 assertions as old badges meet issuers that moved on (not in the conformance corpus). */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);

describe('an http id whose issuer now serves the assertion under its https id', () => {
  it('is the same assertion: the https id is checked against the issuer scope', async () => {
    const { web } = await makeIssuer({ verification: { type: 'VerificationObject', startsWith: 'https://issuer.test/assertions/' } });
    const old = await assertion({ id: 'http://issuer.test/assertions/9.json', verification: { type: 'HostedBadge' } });
    // Served there through the issuer's redirect to https: read over TLS.
    web.redirect('http://issuer.test/assertions/9.json', 'https://issuer.test/assertions/9.json').json('https://issuer.test/assertions/9.json', { ...old, id: 'https://issuer.test/assertions/9.json' });
    const r = await verify(JSON.stringify(old), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
    // The same copy answered directly over plain http, for this https issuer: anyone's (hostile round 43,
    // ob2-hosted-plain-http.test.ts), so it confirms nothing; it was pinned valid here.
    web.json('http://issuer.test/assertions/9.json', { ...old, id: 'https://issuer.test/assertions/9.json' });
    const plain = await verify(JSON.stringify(old), { fetch: web.fetch, now: NOW });
    expect(check(plain, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
    expect(plain.verdict).toBe('indeterminate');
  });

  it('is not confirmed by a copy that declares another path or host that does not serve it, or a downgrade to http', async () => {
    // The declared id is fetched once (ob2-hosted.ts followDeclaredId); here nothing answers there.
    const { web } = await makeIssuer();
    const asked = 'http://issuer.test/assertions/9.json';
    for (const declared of ['https://issuer.test/assertions/10.json', 'https://evil.test/assertions/9.json']) {
      const a = await assertion({ id: asked, verification: { type: 'HostedBadge' } });
      web.json(asked, { ...a, id: declared });
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted'), declared).toMatchObject({ outcome: 'indeterminate' });
      expect(r.verdict, declared).toBe('indeterminate');
    }
    // An https copy declaring the http address of another path is not followed over plain http.
    const https = 'https://issuer.test/assertions/11.json';
    const b = await assertion({ id: https, verification: { type: 'HostedBadge' } });
    web.json(https, { ...b, id: 'http://issuer.test/assertions/12.json' });
    web.json('http://issuer.test/assertions/12.json', { ...b, id: 'http://issuer.test/assertions/12.json' });
    const down = await verify(JSON.stringify(b), { fetch: web.fetch, now: NOW });
    expect(check(down, 'hosted')?.outcome).toBe('indeterminate');
    expect(web.requested).not.toContain('http://issuer.test/assertions/12.json');
  });
});

/**
 * The other way round: the badge's https link answers a copy that declares the same address with
 * http (an issuer's application behind a TLS proxy writes the ids it knows, http ones). The copy came
 * over TLS from the host and path of its own id, upgraded to https: what the http id would give
 * through the redirect to https a hosted fetch accepts (fetch-once.ts sameSite). It was
 * indeterminate; now it is that assertion, never fetched over plain http.
 */
describe('an https link whose copy declares the same address with http', () => {
  const https = 'https://issuer.test/assertions/21.json';
  const http = 'http://issuer.test/assertions/21.json';
  const hosted = async (verification?: unknown, revoked?: string) => {
    const { web } = await makeIssuer({ revocationList: revoked !== undefined, ...(verification ? { verification } : {}) });
    if (revoked) web.json('https://issuer.test/revocations.json', { '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', id: 'https://issuer.test/revocations.json', revokedAssertions: [revoked] });
    const a = await assertion({ id: http, verification: { type: 'HostedBadge' } });
    web.json(https, a);
    return { web, r: await verify(https, { fetch: web.fetch, now: NOW }) };
  };

  it('is the assertion at its id: confirmed, and plain http never asked', async () => {
    const { web, r } = await hosted();
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
    expect(web.requested).not.toContain(http);
  });

  it('is in the issuer\'s scope when either address is under its declared location', async () => {
    for (const startsWith of ['https://issuer.test/assertions/', 'http://issuer.test/assertions/']) {
      const { r } = await hosted({ type: 'VerificationObject', startsWith });
      expect(check(r, 'hosted')?.outcome, startsWith).toBe('pass');
    }
    const { r } = await hosted({ type: 'VerificationObject', startsWith: 'https://issuer.test/other/' });
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'fail', code: 'ERR_HOSTED_SCOPE' });
  });

  it('is revoked when the issuer\'s list names either address', async () => {
    for (const listed of [http, https]) {
      const { r } = await hosted(undefined, listed);
      expect(check(r, 'revocation'), listed).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
      expect(r.verdict).toBe('invalid');
    }
  });

  it('given as JSON whose id is the https address: the copy there declaring the http one confirms it', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: https, verification: { type: 'HostedBadge' } });
    web.json(https, { ...a, id: http });
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(web.requested).not.toContain(http);
  });

  it('the other way round too (an http id whose copy declares https): a list naming the old http address revokes it', async () => {
    const { web } = await makeIssuer({ revocationList: true });
    web.json('https://issuer.test/revocations.json', { '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', id: 'https://issuer.test/revocations.json', revokedAssertions: [http] });
    const a = await assertion({ id: http, verification: { type: 'HostedBadge' } });
    web.json(http, { ...a, id: https });
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });

  /**
   * The same badge read from an https link elsewhere (a mirror, a page's alternate JSON): its http id
   * is read at its https form, whose copy declares the https id. A list naming the http id the badge
   * was issued with revoked it when pasted as JSON (above), and was passed over here: valid.
   */
  it('read from an https link elsewhere, an http id whose copy declares https: a list naming the http id revokes it', async () => {
    const { web } = await makeIssuer({ revocationList: true });
    web.json('https://issuer.test/revocations.json', { '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', id: 'https://issuer.test/revocations.json', revokedAssertions: [http] });
    const a = await assertion({ id: http, verification: { type: 'HostedBadge' } });
    web.json(https, { ...a, id: https });
    web.json('https://mirror.test/b/21.json', a);
    const r = await verify('https://mirror.test/b/21.json', { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
    expect(web.requested).not.toContain(http);
  });

  it('an http id at another path is read at its https form, never over plain http', async () => {
    const { web } = await makeIssuer();
    const other = 'http://issuer.test/assertions/22.json';
    const a = await assertion({ id: other, verification: { type: 'HostedBadge' } });
    web.json(https, a);
    web.json('https://issuer.test/assertions/22.json', a);
    const r = await verify(https, { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(web.requested).not.toContain(other);
  });

  it('on another port or host it is not the same address: unconfirmed', async () => {
    for (const declared of ['http://issuer.test:8080/assertions/21.json', 'http://other.test/assertions/21.json']) {
      const { web } = await makeIssuer();
      web.json(https, await assertion({ id: declared, verification: { type: 'HostedBadge' } }));
      const r = await verify(https, { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted')?.outcome, declared).toBe('indeterminate');
      expect(web.requested).not.toContain(declared);
    }
  });
});
