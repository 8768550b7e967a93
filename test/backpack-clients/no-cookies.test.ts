/**
 * A backpack request speaks for the account its token or password names, never for the browser's
 * session on the backpack's web site: an extension's worker sends a host-permitted site's cookies by
 * default (Fetch §5.3 credentials mode 'same-origin' counts the extension's host permissions), so a
 * backpack that reads its session cookie beside the token could answer for whoever is signed in there.
 * Every request is `credentials: 'omit'`, with no Referer naming the extension (fetch42).
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { BadgeConnectClient, type BadgeConnectService } from '../../src/backpack/badge-connect.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import { Ob3Client, type Ob3Service } from '../../src/backpack/ob3.ts';

/** A fetch answering `body`, recording each request's init. */
function recording(body: unknown): { fetch: Fetch; inits: RequestInit[] } {
  const inits: RequestInit[] = [];
  const fetch: Fetch = async (_url, init) => {
    inits.push(init ?? {});
    return Response.json(body);
  };
  return { fetch, inits };
}

const plain = { credentials: 'omit', referrerPolicy: 'no-referrer' };

describe('backpack requests send no cookies and no Referer', () => {
  it('OB 3.0: the credentials and the profile', async () => {
    const { fetch, inits } = recording({ credential: [] });
    const ob3 = new Ob3Client({ fetch });
    const service = { apiBase: 'https://wallet.example/ims/ob/v3p0' } as Ob3Service;
    await ob3.credentialsPage(service, 't');
    await ob3.profile(service, 't');
    expect(inits).toHaveLength(2);
    for (const init of inits) expect(init).toMatchObject(plain);
  });

  it('Badge Connect: the assertions', async () => {
    const { fetch, inits } = recording({ status: { error: null, statusCode: 200, statusText: 'OK' }, assertions: [] });
    await new BadgeConnectClient({ fetch }).assertionsPage({ apiBase: 'https://wallet.example/bc/v1' } as BadgeConnectService, 't');
    expect(inits).toHaveLength(1);
    expect(inits[0]).toMatchObject(plain);
  });

  it('Badgr: the backpack and the address list', async () => {
    const backpack = recording({ status: { success: true, description: 'ok' }, result: [] });
    await new BadgrClient({ apiBase: 'https://api.badgr.io', fetch: backpack.fetch }).assertions('t');
    const emails = recording([]);
    await new BadgrClient({ apiBase: 'https://api.badgr.io', fetch: emails.fetch }).emails('t');
    const inits = [...backpack.inits, ...emails.inits];
    expect(inits).toHaveLength(2);
    for (const init of inits) expect(init).toMatchObject(plain);
  });
});
