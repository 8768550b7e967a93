/**
 * A request that carries the access token and is redirected to another site: the browser drops the
 * Authorization header there (Fetch "HTTP-redirect fetch": a CORS non-wildcard request-header name is
 * removed on a cross-origin redirect), so what the other site answers was not asked for this user.
 * It was read as the backpack's own answer (a page of badges, a profile and its address). Now it is
 * refused, and the token never left the backpack's site.
 */
import { describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { failure } from './failure.ts';
import { badgrCall } from '../../src/backpack/badgr-request.ts';
import { fetchPage } from '../../src/backpack/paged.ts';
import { getJson } from '../../src/backpack/http.ts';

/** What the browser's fetch gives after following a redirect to `finalUrl`. */
function redirectedTo(finalUrl: string, body: unknown, headers: Record<string, string> = {}) {
  const seen: { url: string; authorization: string | null }[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    seen.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    const res = new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', ...headers } });
    Object.defineProperty(res, 'redirected', { value: true });
    Object.defineProperty(res, 'url', { value: finalUrl });
    return res;
  };
  return { fetch, seen };
}

describe('an answer with the token that comes from another site after a redirect', () => {
  it('an OB 3.0 page redirected to another site is refused (PROTOCOL), not read as the backpack\'s badges', async () => {
    const { fetch } = redirectedTo('https://elsewhere.example/credentials', { credential: [{ id: 'urn:uuid:planted' }] });
    const e = await failure(fetchPage({ fetch }, 'https://bp.example/ims/ob/v3p0/credentials?limit=2', 'token', 'OB 3.0 credentials', (b) => (b as { credential: unknown[] }).credential));
    expect(e.code).toBe(C.PROTOCOL);
    expect(e.message).toContain('elsewhere.example');
  });

  it('a profile redirected to another site is refused', async () => {
    const { fetch } = redirectedTo('https://elsewhere.example/profile', { email: 'someone@elsewhere.example' });
    expect((await failure(getJson({ fetch }, 'https://bp.example/ims/ob/v3p0/profile', 'token', 'OB 3.0 profile'))).code).toBe(C.PROTOCOL);
  });

  it('a Badgr call redirected to another site is refused', async () => {
    const { fetch } = redirectedTo('https://elsewhere.example/v2/backpack/assertions', { status: { success: true }, result: [] });
    expect((await failure(badgrCall({ fetch }, 'https://api.badgr.io/v2/backpack/assertions', { token: 'token', what: 'The Badgr backpack' }))).code).toBe(C.PROTOCOL);
  });

  it('a redirect within the backpack\'s own site is followed as before', async () => {
    const { fetch } = redirectedTo('https://bp.example/ims/ob/v3p0/credentials/?limit=2', { credential: [{ id: 'urn:uuid:1' }] });
    const page = await fetchPage({ fetch }, 'https://bp.example/ims/ob/v3p0/credentials?limit=2', 'token', 'OB 3.0 credentials', (b) => (b as { credential: unknown[] }).credential);
    expect(page.items).toEqual([{ id: 'urn:uuid:1' }]);
  });

  it('an unprotected document (the service description) may still be read where it was redirected: discovery checks that site itself', async () => {
    const { fetch } = redirectedTo('https://bp.example/ims/ob/v3p0/discovery', { openapi: '3.0.1' });
    const { res } = await getJson({ fetch }, 'https://www.bp.example/ims/ob/v3p0/discovery', undefined, 'OB 3.0 discovery');
    expect(res.url).toBe('https://bp.example/ims/ob/v3p0/discovery');
  });
});
