/**
 * RFC 6749 §5.1 `expires_in`: "The lifetime in seconds of the access token", a JSON number (RFC 8259
 * §6). Some servers send it as a string of decimal digits ("3600", "3600.0"), which is read too; a
 * fraction of a second is dropped (floor), in a number or a string. Anything else (`true`, `[3600]`,
 * "3600abc", " 3600", "0x10", "1e3", "3600.", ".5", "") is no lifetime: the expiry is unknown and
 * the token is refreshed when the API refuses it (a 401), never a lifetime JavaScript's Number() made
 * up from it (Number(true) is 1 and Number([3600]) 3600).
 */
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../src/backpack/http.ts';
import { tokenRequest } from '../../src/backpack/oauth.ts';
import type { RegisteredClient } from '../../src/backpack/registration.ts';

const CLIENT: RegisteredClient = { clientId: 'c', clientSecret: 's', registration: {} };

/** The token answer `body` (raw JSON text), as a token endpoint at wallet.example sends it. */
const answer = async (body: string) => {
  const fetch: Fetch = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  return tokenRequest({ fetch, now: () => 1_000 }, 'https://wallet.example/token', CLIENT, { grant_type: 'x' }, 'code');
};
const withExpiresIn = (raw: string) => answer(`{"access_token":"at","token_type":"Bearer","expires_in":${raw}}`);

describe('expires_in is read only as a JSON number or a decimal string (RFC 6749 §5.1)', () => {
  it('true, [3600], "3600abc" and other non-numbers give an unknown expiry, the token still kept', async () => {
    for (const raw of ['true', 'false', '[3600]', '["3600"]', '"3600abc"', '" 3600"', '"3600 "', '"0x10"', '"1e3"', '""', '"-5"', '"-3600.0"', '"3600."', '".5"', '"3600.5.1"', '"+3600"', '"3600,5"', '{"valueOf":3600}']) {
      const t = await withExpiresIn(raw);
      expect(t.accessToken, raw).toBe('at');
      expect(t.expiresAt, raw).toBeUndefined();
      expect(t.lifetimeMs, raw).toBeUndefined();
    }
  });

  it('a JSON number and a string of digits are read as seconds', async () => {
    expect((await withExpiresIn('3600')).expiresAt).toBe(1_000 + 3_600_000);
    expect((await withExpiresIn('"3600"')).expiresAt).toBe(1_000 + 3_600_000);
    expect((await withExpiresIn('"3600"')).lifetimeMs).toBe(3_600_000);
  });

  it('a decimal string ("3600.0") is seconds too, and a fraction of a second is dropped (floor)', async () => {
    expect((await withExpiresIn('"3600.0"')).expiresAt).toBe(1_000 + 3_600_000);
    expect((await withExpiresIn('"3600.0"')).lifetimeMs).toBe(3_600_000);
    expect((await withExpiresIn('"3600.9"')).lifetimeMs).toBe(3_600_000);
    expect((await withExpiresIn('299.5')).lifetimeMs).toBe(299_000);
    expect((await withExpiresIn('299.5')).expiresAt).toBe(1_000 + 299_000);
    // Under a second is no lifetime, as 0 is.
    expect((await withExpiresIn('"0.5"')).expiresAt).toBeUndefined();
  });

  it('a digit string too long to be a lifetime is no expiry, not a rounded number', async () => {
    const t = await withExpiresIn(`"${'9'.repeat(400)}"`);
    expect(t.expiresAt).toBeUndefined();
    expect(JSON.parse(JSON.stringify(t)).expiresAt).toBeUndefined();
  });
});
