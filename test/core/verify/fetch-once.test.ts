/** What every fetched document obeys: no cross-site redirects, a size cap, a depth limit, and no throw on a broken body. */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { Fetch } from '../../../src/core/verify/context.ts';
import { fetchOnce } from '../../../src/core/verify/fetch-once.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { assertion, makeIssuer, NOW } from '../formats/ob2-fixtures.ts';

const HOSTED = 'https://issuer.test/assertions/1.json';

function redirectedTo(body: unknown, finalUrl: string): Response {
  const res = new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  Object.defineProperty(res, 'redirected', { value: true });
  Object.defineProperty(res, 'url', { value: finalUrl });
  return res;
}

describe('fetched documents', () => {
  it('does not follow a redirect to another site: an open redirect on the issuer site vouches for nothing', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    const fetch: Fetch = async (url, init) => (url === HOSTED ? redirectedTo(a, 'https://evil.test/a.json') : web.fetch(url, init));
    const r = await verify(JSON.stringify(a), { fetch, now: NOW });
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'hosted')?.message).toContain('redirects to another site');
  });

  it('follows a redirect within the same site', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    const fetch: Fetch = async (url, init) => (url === HOSTED ? redirectedTo(a, 'https://issuer.test/a/1') : web.fetch(url, init));
    expect((await verify(JSON.stringify(a), { fetch, now: NOW })).verdict).toBe('valid');
  });

  it('reports a body that fails mid-read as unreachable, without throwing', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    const broken = () => new Response(new ReadableStream({ pull(c) { c.error(new DOMException('The operation timed out', 'TimeoutError')); } }));
    const fetch: Fetch = async (url, init) => (url === HOSTED ? broken() : web.fetch(url, init));
    const r = await verify(JSON.stringify(a), { fetch, now: NOW });
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'hosted')?.outcome).toBe('indeterminate');
  });

  it('refuses an oversized document and a deeply nested one', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    const huge = () => new Response('{}', { headers: { 'content-length': String(1 << 30) } });
    const tooBig = await verify(JSON.stringify(a), { fetch: async (u, i) => (u === HOSTED ? huge() : web.fetch(u, i)), now: NOW });
    expect(tooBig.checks.find((c) => c.id === 'hosted')?.message).toContain('too large');
    const deep = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    web.pages.set('https://issuer.test/issuer.json', { bytes: new TextEncoder().encode(deep), type: 'application/json' });
    web.json(HOSTED, a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('indeterminate');
  });
});

describe('fetched documents: http ids upgraded to https', () => {
  const OLD = 'http://issuer.test/assertions/1.json';
  it('follows a redirect from http to https on the same host (old badges, issuers now on https)', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: OLD, verification: { type: 'HostedBadge' } });
    const fetch: Fetch = async (url, init) => (url === OLD ? redirectedTo(a, 'https://issuer.test/assertions/1.json') : web.fetch(url, init));
    const r = await verify(JSON.stringify(a), { fetch, now: NOW });
    expect(r.checks.find((c) => c.id === 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('does not follow a downgrade, another host or another port', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    for (const final of ['http://issuer.test/assertions/1.json', 'https://cdn.issuer.test/1.json', 'https://issuer.test:8443/1.json']) {
      const from = final.startsWith('http:') ? HOSTED : OLD;
      const b = { ...a, id: from };
      const fetch: Fetch = async (url, init) => (url === from ? redirectedTo(b, final) : web.fetch(url, init));
      const r = await verify(JSON.stringify(b), { fetch, now: NOW });
      expect(r.checks.find((c) => c.id === 'hosted')?.message, final).toContain('redirects to another site');
    }
  });
});

describe('where a fetched document came from', () => {
  it('is the URL asked for, or where its redirects ended (whether it came over TLS is read from it)', async () => {
    const web = new FakeWeb()
      .json('https://issuer.test/a.json', { id: 'a' })
      .redirect('http://issuer.test/a.json', 'https://issuer.test/a.json')
      .redirect('http://issuer.test/b.json', '/c.json', 302)
      .json('http://issuer.test/c.json', { id: 'c' });
    const direct = await fetchOnce(web.fetch, 'https://issuer.test/a.json', 'application/json');
    expect(direct).toMatchObject({ url: 'https://issuer.test/a.json', finalUrl: 'https://issuer.test/a.json' });
    const upgraded = await fetchOnce(web.fetch, 'http://issuer.test/a.json', 'application/json');
    expect(upgraded).toMatchObject({ url: 'http://issuer.test/a.json', finalUrl: 'https://issuer.test/a.json', status: 200 });
    const moved = await fetchOnce(web.fetch, 'http://issuer.test/b.json', 'application/json');
    expect(moved).toMatchObject({ url: 'http://issuer.test/b.json', finalUrl: 'http://issuer.test/c.json' });
    expect(web.requested).toEqual(['https://issuer.test/a.json', 'http://issuer.test/a.json', 'https://issuer.test/a.json', 'http://issuer.test/b.json', 'http://issuer.test/c.json']);
  });
});
