/**
 * badgr-server's `POST /v1/user/emails` is wrapped in `throttleable` (apps/badgeuser/api_v1.py
 * BadgeUserEmailList.post, apps/mainsite/utils.py): keyed by the form's `username` (none in a JSON
 * body) and the client's IP, every refused add (a duplicate, another user's address) lengthens a
 * backoff, during which it answers 429 with the login body `{error_description, error, expires}`,
 * `expires` the wait in seconds, and no Retry-After.
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';

const throttled = JSON.stringify({ error_description: 'Too many login attempts. Please wait and try again.', error: 'login attempts throttled', expires: 8 });

describe('adding an address while Badgr backs off', () => {
  it('is THROTTLED with the wait from `expires`, not "try again later"', async () => {
    const fetch = async (): Promise<Response> => new Response(throttled, { status: 429, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const client = new BadgrClient({ fetch, apiBase: 'https://api.badgr.example' });
    const e = await client.addEmail('token', 'ada@new.example').then(() => undefined, (x: unknown) => x);
    expect(e).toMatchObject({ code: C.THROTTLED, status: 429, retryAfterSeconds: 8 });
  });

  it('a Retry-After header still wins, and an `expires` that is no count of seconds is no wait', async () => {
    const answer = (body: unknown, headers: Record<string, string> = {}) => async (): Promise<Response> => new Response(JSON.stringify(body), { status: 429, headers });
    const withHeader = new BadgrClient({ fetch: answer({ error: 'login attempts throttled', expires: 8 }, { 'retry-after': '3' }), apiBase: 'https://api.badgr.example' });
    expect(await withHeader.addEmail('token', 'a@b.example').catch((x: unknown) => x)).toMatchObject({ retryAfterSeconds: 3 });
    for (const expires of [-1, 'soon', 1e12, Number.NaN]) {
      const odd = new BadgrClient({ fetch: answer({ error: 'login attempts throttled', expires }), apiBase: 'https://api.badgr.example' });
      const e = (await odd.addEmail('token', 'a@b.example').catch((x: unknown) => x)) as { code: string; retryAfterSeconds?: number };
      expect(e.code).toBe(C.THROTTLED);
      expect(e.retryAfterSeconds, String(expires)).toBeUndefined();
    }
  });
});
