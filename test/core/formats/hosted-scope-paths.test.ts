/**
 * Hostile review (session 11): OB 2.0 §HostedBadge rule 3, `verification.startsWith`, was compared
 * with the assertion id as written, while the fetch (WHATWG URL, as every browser and Node do)
 * reads it normalised. An id "https://issuer.test/badges/../uploads/a.json" starts with the prefix
 * "https://issuer.test/badges/" but is fetched from /uploads/a.json, anywhere on the host; and a
 * prefix written without its slash, "https://issuer.test", also covered
 * "https://issuer.test.evil.test/…", another host. Both made a badge hosted by someone else valid.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import type { Fetch } from '../../../src/core/verify/context.ts';
import { inVerificationScope } from '../../../src/core/formats/hosted-scope.ts';
import { assertion, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skipped'));
const hosted = (id: string) => assertion({ id, verification: { type: 'HostedBadge' } });

/** A fetch that reads the URL as browsers and Node do (dot segments resolved, %2e too), then asks the fake web. */
const normalising = (inner: Fetch): Fetch => (url, init) => inner(new URL(url).href, init);

async function run(startsWith: string, id: string, servedAt: string) {
  const { web } = await makeIssuer({ verification: { type: 'VerificationObject', startsWith } });
  web.json(servedAt, await hosted(id));
  return verify(JSON.stringify(await hosted(id)), { fetch: normalising(web.fetch), now: NOW });
}

describe('startsWith is compared with the URL that is fetched', () => {
  it('an id that climbs out of the declared path with dot segments is outside the scope: not valid', async () => {
    for (const id of ['https://issuer.test/badges/../uploads/a.json', 'https://issuer.test/badges/%2e%2e/uploads/a.json', 'https://issuer.test/badges/.%2E/uploads/a.json']) {
      const r = await run('https://issuer.test/badges/', id, 'https://issuer.test/uploads/a.json');
      expect(check(r, 'hosted'), `${id} ${show(r)}`).toMatchObject({ outcome: 'fail', code: 'ERR_HOSTED_SCOPE' });
      expect(r.verdict).toBe('invalid');
    }
  });

  it('a prefix that is only a site ("https://issuer.test") covers that site, not a longer host name', async () => {
    const id = 'https://issuer.test.evil.test/a.json';
    const r = await run('https://issuer.test', id, id);
    expect(check(r, 'hosted'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_HOSTED_SCOPE' });
    expect(r.verdict).toBe('invalid');
  });

  it('assertions under the declared prefix still verify, however the prefix or the id is spelled', async () => {
    for (const [prefix, id] of [
      ['https://issuer.test/badges/', 'https://issuer.test/badges/a.json'],
      ['https://issuer.test', 'https://issuer.test/badges/a.json'],
      ['https://ISSUER.test/badges/', 'https://issuer.test/badges/a.json'],
      ['https://issuer.test/badges/', 'https://issuer.test/badges/./a.json'],
    ] as const) {
      const r = await run(prefix, id, new URL(id).href);
      expect(r.verdict, `${prefix} ${id} ${show(r)}`).toBe('valid');
    }
  });

  it('inVerificationScope itself', () => {
    const issuer = (startsWith: string) => ({ id: 'https://issuer.test/issuer.json', verification: { startsWith } });
    expect(inVerificationScope('https://issuer.test/badges/../x', issuer('https://issuer.test/badges/')).ok).toBe(false);
    expect(inVerificationScope('https://issuer.test.evil.test/x', issuer('https://issuer.test')).ok).toBe(false);
    expect(inVerificationScope('https://issuer.test/badges/x', issuer('https://issuer.test/badges/')).ok).toBe(true);
    // A prefix that is not a URL is compared as written.
    expect(inVerificationScope('https://issuer.test/badges/x', issuer('https://issuer.test/bad')).ok).toBe(true);
  });
});

/**
 * Hostile review (hostile40): `allowedOrigins` (OB 2.0 §VerificationObject: host names) was compared
 * as written with the URL parser's host, which writes an IDN as its A-label (RFC 5891 §4.4): an
 * issuer that listed "bücher.example" or " Issuer.test " had its own badges called hosted outside its site, failed. Neither spelling widens the scope.
 */
describe('allowedOrigins names a host however the issuer spells it', () => {
  const issuer = (allowedOrigins: unknown, id = 'https://issuer.test/i') => ({ id, verification: { allowedOrigins } });

  it('a Unicode host name is its A-label; space around it and letter case are not part of it', () => {
    expect(inVerificationScope('https://xn--bcher-kva.example/a.json', issuer(['bücher.example'])).ok).toBe(true);
    expect(inVerificationScope('https://bücher.example/a.json', issuer(['BÜCHER.example'])).ok).toBe(true);
    expect(inVerificationScope('https://issuer.test/a.json', issuer([' Issuer.TEST '])).ok).toBe(true);
    expect(inVerificationScope('https://issuer.test/a.json', issuer(['https://issuer.test'])).ok).toBe(true);
  });

  it('widens nothing: other hosts, ports, look-alikes, userinfo and paths stay outside', () => {
    const outside: [string, unknown][] = [
      ['https://evil.test/a.json', ['bücher.example']],
      ['https://xn--bcher-kva.example.evil.test/a.json', ['bücher.example']],
      ['https://issuer.test@evil.test/a.json', ['issuer.test']],
      ['https://evil.test/a.json', ['issuer.test@evil.test']],
      ['https://evil.test/a.json', ['evil.test/issuer.test']],
      ['https://issuer.test:8443/a.json', ['issuer.test']],
      ['https://issuer.test./a.json', ['issuer.test']],
      ['https://issuer.test/a.json', ['']],
      ['https://issuer.test/a.json', ['..']],
    ];
    for (const [id, allowed] of outside) expect(inVerificationScope(id, issuer(allowed)).ok, `${id} ${JSON.stringify(allowed)}`).toBe(false);
  });
});

/**
 * Hostile review (hostile41): OB 2.0 §VerificationObject's `allowedOrigins` is "the host registered
 * name subcomponent of an allowed origin" (RFC 3986 §3.2.2): no port. An issuer that wrote one
 * ("example.org:8443") named that host on that port, as VCORE's authority comparison reads it. The
 * entry was read with an https:// prefix, so the URL parser dropped ":443" (then any scheme's default
 * port matched: http://example.org/, port 80, passed) and kept ":80" (http://example.org/, on port 80,
 * failed: a genuine badge called hosted off its issuer's site).
 */
describe('allowedOrigins with a port names that host on that port', () => {
  const issuer = (allowedOrigins: unknown, id = 'https://example.org/issuer') => ({ id, verification: { allowedOrigins } });
  const ok = (id: string, allowed: unknown) => inVerificationScope(id, issuer(allowed)).ok;

  it('the port written, or the scheme\'s default, must be the one named', () => {
    expect(ok('https://example.org:8443/a.json', 'example.org:8443')).toBe(true);
    expect(ok('http://example.org:8443/a.json', ['example.org:8443'])).toBe(true);
    expect(ok('https://example.org/a.json', ['example.org:443'])).toBe(true);
    expect(ok('https://example.org:443/a.json', ['example.org:443'])).toBe(true);
    expect(ok('http://example.org/a.json', ['example.org:80'])).toBe(true);
    expect(ok('https://example.org:8443/a.json', ['https://example.org:8443/'])).toBe(true);
  });

  it('another port, or the default port of another scheme, is outside', () => {
    expect(ok('https://example.org/a.json', ['example.org:8443'])).toBe(false);
    expect(ok('https://example.org:8444/a.json', ['example.org:8443'])).toBe(false);
    expect(ok('http://example.org/a.json', ['example.org:443'])).toBe(false);
    expect(ok('https://example.org/a.json', ['example.org:80'])).toBe(false);
    expect(ok('http://example.org/a.json', ['https://example.org:443'])).toBe(false);
    expect(ok('https://evil.example:8443/a.json', ['example.org:8443'])).toBe(false);
    expect(ok('https://example.org:8443/a.json', ['example.org'])).toBe(false);
    expect(ok('https://example.org:8443/a.json', ['example.org:8443x'])).toBe(false);
    expect(ok('https://example.org:8443/a.json', ['example.org:99999'])).toBe(false);
  });

  it('no allowedOrigins: the issuer id\'s own host and port, as before', () => {
    expect(inVerificationScope('https://example.org:8443/a.json', { id: 'https://example.org:8443/issuer' }).ok).toBe(true);
    expect(inVerificationScope('https://example.org/a.json', { id: 'https://example.org:8443/issuer' }).ok).toBe(false);
    expect(inVerificationScope('http://example.org/a.json', { id: 'https://example.org/issuer' }).ok).toBe(true);
    expect(inVerificationScope('https://example.org:8443/a.json', { id: 'https://example.org/issuer' }).ok).toBe(false);
  });
});
