/**
 * A relative `Link` target is resolved against the URI the page was retrieved from: RFC 8288 §3.1
 * resolves it "as per RFC 3986 §5", whose base for a representation that was redirected is "the
 * last URI used (i.e., the URI that resulted in the actual retrieval of the representation)"
 * (§5.1.3), and §3.2 makes that URI the links' context. A listing moved within the backpack's own
 * origin (a tenant path, a trailing slash) wrote `<credentials?offset=2>` relative to where it now
 * lives; read against the address Lanyard first asked, the next page named another resource.
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { fetchPage } from '../../src/backpack/paged.ts';
import { BADGR_BASE, badgrAssertion } from './badgr-assertion.ts';

/** A fetch whose answers were redirected (as the browser follows a same-origin 301/308) to `finalUrl`. */
function movedTo(finalUrl: (asked: string) => string, body: (asked: string) => unknown, link: (asked: string) => string | undefined) {
  const asked: string[] = [];
  const fetch = async (url: string): Promise<Response> => {
    asked.push(url);
    const l = link(url);
    const res = new Response(JSON.stringify(body(url)), { headers: { 'content-type': 'application/json', ...(l ? { link: l } : {}) } });
    const to = finalUrl(url);
    if (to !== url) {
      Object.defineProperty(res, 'redirected', { value: true });
      Object.defineProperty(res, 'url', { value: to });
    }
    return res;
  };
  return { fetch, asked };
}

const read = (b: unknown): unknown[] => (b as { credential: unknown[] }).credential;

describe('a relative next link on a listing the backpack redirected within its own site', () => {
  it('OB 3.0: resolves against the address that answered, not the one first asked', async () => {
    const { fetch } = movedTo(
      (u) => u.replace('/ims/ob/v3p0/', '/tenant-a/ims/ob/v3p0/'),
      () => ({ credential: [{ id: 'urn:uuid:1' }, { id: 'urn:uuid:2' }] }),
      () => '<credentials?limit=2&offset=2>; rel="next", <credentials?limit=2&offset=0>; rel="first"',
    );
    const page = await fetchPage({ fetch }, 'https://bp.example/ims/ob/v3p0/credentials?limit=2', 'token', 'OB 3.0 credentials', read);
    expect(page.next).toBe('https://bp.example/tenant-a/ims/ob/v3p0/credentials?limit=2&offset=2');
  });

  it('OB 3.0: an anchor naming the address that answered is this page\'s context (RFC 8288 §3.2)', async () => {
    const { fetch } = movedTo(
      (u) => u.replace('/credentials', '/credentials/'),
      () => ({ credential: [{ id: 'urn:uuid:1' }] }),
      () => '<https://bp.example/ims/ob/v3p0/credentials/?limit=1&offset=1>; anchor="https://bp.example/ims/ob/v3p0/credentials/?limit=1"; rel="next"',
    );
    const page = await fetchPage({ fetch }, 'https://bp.example/ims/ob/v3p0/credentials?limit=1', 'token', 'OB 3.0 credentials', read);
    expect(page.next).toBe('https://bp.example/ims/ob/v3p0/credentials/?limit=1&offset=1');
  });

  it('Badgr: a relative Link next after a redirect is asked where the listing lives', async () => {
    const { fetch, asked } = movedTo(
      (u) => u.replace('/v2/backpack/', '/v2/backpack/v/'),
      (u) => ({ status: { success: true, description: 'ok' }, result: [badgrAssertion(u.includes('cursor=') ? 'a2' : 'a1')] }),
      (u) => (u.includes('cursor=') ? undefined : '<assertions?cursor=x>; rel="next"'),
    );
    const list = await new BadgrClient({ fetch, apiBase: BADGR_BASE }).assertions('tok');
    expect(list.map((a) => a.entityId)).toEqual(['a1', 'a2']);
    expect(new URL(asked[1]!).pathname).toBe('/v2/backpack/v/assertions');
  });
});
