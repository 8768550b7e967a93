/**
 * Answers read with the user's token never come from, nor go into, the browser's HTTP cache. A
 * backpack that sends `Last-Modified` without `Cache-Control` makes its answer heuristically fresh
 * (RFC 9111 §4.2.2: a cache may reuse it for a fraction of its age, typically 10%), and one that sends
 * `Cache-Control: max-age` fresh outright; the browser then answers a sync from its cache without
 * asking the backpack (a badge added or revoked meanwhile unseen), and keeps the user's badge list on
 * disk after sign-out forgot it. A private cache may store answers to requests with Authorization
 * (§3.5 restricts only shared caches). So every such request is `cache: 'no-store'` (Fetch §5.3
 * "cache mode"). The discovery documents, without a token, may be cached.
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { BadgeConnectClient, type BadgeConnectService } from '../../src/backpack/badge-connect.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import { Ob3Client, type Ob3Service } from '../../src/backpack/ob3.ts';

/** A fetch answering `body` with a long-lived cache policy, recording each request's cache mode. */
function cacheable(body: unknown): { fetch: Fetch; modes: (RequestCache | undefined)[] } {
  const modes: (RequestCache | undefined)[] = [];
  const fetch: Fetch = async (_url, init) => {
    modes.push(init?.cache);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', 'cache-control': 'max-age=86400', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT', etag: '"v1"' } });
  };
  return { fetch, modes };
}

describe('requests with the token bypass the HTTP cache', () => {
  it('OB 3.0: the credentials and the profile', async () => {
    const { fetch, modes } = cacheable({ credential: [] });
    const ob3 = new Ob3Client({ fetch });
    const service = { apiBase: 'https://wallet.example/ims/ob/v3p0' } as Ob3Service;
    await ob3.credentialsPage(service, 't');
    await ob3.profile(service, 't');
    expect(modes).toEqual(['no-store', 'no-store']);
  });

  it('Badge Connect: the assertions', async () => {
    const { fetch, modes } = cacheable({ status: { error: null, statusCode: 200, statusText: 'OK' }, assertions: [] });
    await new BadgeConnectClient({ fetch }).assertionsPage({ apiBase: 'https://wallet.example/bc/v1' } as BadgeConnectService, 't');
    expect(modes).toEqual(['no-store']);
  });

  it('Badgr: the backpack and the address list', async () => {
    const backpack = cacheable({ status: { success: true, description: 'ok' }, result: [] });
    await new BadgrClient({ apiBase: 'https://api.badgr.io', fetch: backpack.fetch }).assertions('t');
    const emails = cacheable([]);
    await new BadgrClient({ apiBase: 'https://api.badgr.io', fetch: emails.fetch }).emails('t');
    expect([...backpack.modes, ...emails.modes]).toEqual(['no-store', 'no-store']);
  });
});
