/**
 * A next-page link written with `http:` for the API's own https host: a server behind a proxy that
 * ends TLS builds its absolute links from the request it received, plain http (Django's
 * `build_absolute_uri` without SECURE_PROXY_SSL_HEADER, which Badgr's cursor pagination and
 * `pagination.nextResults` use). It names the same resource as the https address; read as another
 * site, the listing stopped after its first page, every run. It is asked at the https address
 * (the token never goes over plain http, nor to another host or port).
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { PartialListError } from '../../src/backpack/errors.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import { Ob3Client, type Ob3Service } from '../../src/backpack/ob3.ts';

const API = 'https://api.wallet.example';
const json = (body: unknown, headers: Record<string, string> = {}): Response => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', ...headers } });

describe('a next link on http: for the https host of the API', () => {
  it('Badgr: pagination.nextResults is followed at https', async () => {
    const asked: string[] = [];
    const fetch: Fetch = async (url) => {
      asked.push(url);
      const page2 = url.includes('cursor=');
      const a = { entityId: page2 ? 'b' : 'a', openBadgeId: `${API}/public/assertions/${page2 ? 'b' : 'a'}` };
      return json({ status: { success: true, description: 'ok' }, result: [a], pagination: page2 ? { hasNext: false } : { hasNext: true, nextResults: 'http://api.wallet.example/v2/backpack/assertions?cursor=cD0y' } });
    };
    const list = await new BadgrClient({ apiBase: API, fetch }).assertions('t');
    expect(list.map((a) => a.entityId)).toEqual(['a', 'b']);
    expect(asked[1]).toBe(`${API}/v2/backpack/assertions?cursor=cD0y`);
  });

  it('OB 3.0: a Link rel="next" is followed at https', async () => {
    const page = await new Ob3Client({ fetch: async () => json({ credential: [] }, { link: '<http://api.wallet.example/ims/ob/v3p0/credentials?limit=10&offset=10>; rel="next"' }) }).credentialsPage({ apiBase: `${API}/ims/ob/v3p0` } as Ob3Service, 't');
    expect(page.next).toBe(`${API}/ims/ob/v3p0/credentials?limit=10&offset=10`);
  });

  it('another host, or another port, on http is still another site', async () => {
    for (const link of ['<http://cdn.wallet.example/ims/ob/v3p0/credentials?offset=10>; rel="next"', '<http://api.wallet.example:8080/ims/ob/v3p0/credentials?offset=10>; rel="next"']) {
      const read = new Ob3Client({ fetch: async () => json({ credential: [] }, { link }) }).credentialsPage({ apiBase: `${API}/ims/ob/v3p0` } as Ob3Service, 't');
      await expect(read).rejects.toBeInstanceOf(PartialListError);
    }
  });
});
