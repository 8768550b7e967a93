/**
 * The scope Lanyard believes a token grants (RFC 6749 §3.3, §5.1; src/backpack/oauth.ts keptScope):
 * what the server granted, never more than what Lanyard asked for. A hostile token endpoint or
 * authorization response that grants more does not widen it. Stub fetches record what was sent.
 */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import { buildAuthorizationRequest, completeAuthorization, keptScope, refreshTokens, tokenRequest } from '../../src/backpack/oauth.ts';
import type { RegisteredClient } from '../../src/backpack/registration.ts';

const SITE = 'https://wallet.example';
const CLIENT: RegisteredClient = { clientId: 'c', clientSecret: 's', registration: {} };

/** A token endpoint that grants `scope` (or says nothing of it), recording each request's form. */
function tokenEndpoint(scope: string | undefined): { fetch: Fetch; forms: URLSearchParams[] } {
  const forms: URLSearchParams[] = [];
  const fetch: Fetch = async (_url, init) => {
    forms.push(new URLSearchParams(String(init?.body ?? '')));
    return new Response(JSON.stringify({ access_token: 'at', refresh_token: 'rt', token_type: 'Bearer', ...(scope !== undefined ? { scope } : {}) }), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, forms };
}

describe('a token answer never widens what Lanyard believes it may do (RFC 6749 §3.3, §5.1)', () => {
  it('a scope wider than asked keeps what was asked; a narrower one is kept as granted; none means what was asked', async () => {
    const ask = (granted: string | undefined) => tokenRequest({ fetch: tokenEndpoint(granted).fetch }, `${SITE}/token`, CLIENT, { grant_type: 'refresh_token', refresh_token: 'r', scope: 'read profile' }, 'refresh');
    expect((await ask('read profile admin:all write')).scope).toEqual(['read', 'profile']);
    expect((await ask('read')).scope).toEqual(['read']);
    expect((await ask(undefined)).scope).toEqual(['read', 'profile']);
    expect((await ask('admin')).scope).toEqual([]);
  });

  it("a refresh that asks for no scope (Badgr's) keeps none of the answer's", async () => {
    const t = await tokenRequest({ fetch: tokenEndpoint('rw:profile rw:issuer rw:backpack').fetch }, `${SITE}/token`, null, { grant_type: 'refresh_token', refresh_token: 'r' }, 'refresh');
    expect(t.scope).toEqual([]);
  });

  it('the next refresh asks for what was kept, not for what the server added', async () => {
    const wide = tokenEndpoint('read profile admin:all');
    const t = await refreshTokens({ fetch: wide.fetch }, `${SITE}/token`, CLIENT, 'r', ['read', 'profile']);
    await refreshTokens({ fetch: wide.fetch }, `${SITE}/token`, CLIENT, t.refreshToken!, t.scope);
    expect(wide.forms.map((f) => f.get('scope'))).toEqual(['read profile', 'read profile']);
  });

  it('an authorization response granting more than asked: the code exchange asks for what was asked only', async () => {
    const request = await buildAuthorizationRequest({ authorizationUrl: `${SITE}/authorize`, clientId: 'c', redirectUri: 'https://lanyard.example/cb', scope: ['read', 'profile'], issuer: { origin: SITE, required: false } });
    const back = (scope: string) => `https://lanyard.example/cb?code=x&state=${request.state}&scope=${encodeURIComponent(scope)}`;
    const endpoint = tokenEndpoint(undefined);
    const t = await completeAuthorization({ fetch: endpoint.fetch }, `${SITE}/token`, CLIENT, request, back('read admin:all profile'));
    expect(endpoint.forms[0]!.get('scope')).toBe('read profile');
    expect(t.scope).toEqual(['read', 'profile']);
    // A narrower grant is what is asked for (OB 3.0 security.html: it "MAY be a subset").
    await completeAuthorization({ fetch: endpoint.fetch }, `${SITE}/token`, CLIENT, request, back('read'));
    expect(endpoint.forms[1]!.get('scope')).toBe('read');
    // One that grants none of it is refused before the code is sent.
    const e = await Promise.resolve().then(() => completeAuthorization({ fetch: endpoint.fetch }, `${SITE}/token`, CLIENT, request, back('admin:all'))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackpackError);
    expect(e).toMatchObject({ code: C.AUTHORIZATION_FAILED, detail: 'scope' });
    expect(endpoint.forms).toHaveLength(2);
  });

  it('a grant without the read scope (asked first) is refused: by the authorization response before the exchange, or by the token answer', async () => {
    const request = await buildAuthorizationRequest({ authorizationUrl: `${SITE}/authorize`, clientId: 'c', redirectUri: 'https://lanyard.example/cb', scope: ['read', 'profile'], issuer: { origin: SITE, required: false } });
    const back = (scope?: string) => `https://lanyard.example/cb?code=x&state=${request.state}${scope ? `&scope=${encodeURIComponent(scope)}` : ''}`;
    const refused = (p: Promise<unknown>) => p.then(() => new Error('expected a failure'), (x: unknown) => x);
    const quiet = tokenEndpoint(undefined);
    expect(await refused(completeAuthorization({ fetch: quiet.fetch }, `${SITE}/token`, CLIENT, request, back('profile')))).toMatchObject({ code: C.AUTHORIZATION_FAILED, detail: 'scope', message: expect.stringMatching(/read your badges/) });
    expect(quiet.forms).toHaveLength(0);
    // The response said nothing of scope (all granted), the token answer grants less (RFC 6749 §5.1: then REQUIRED).
    const narrow = tokenEndpoint('profile');
    expect(await refused(completeAuthorization({ fetch: narrow.fetch }, `${SITE}/token`, CLIENT, request, back()))).toMatchObject({ code: C.AUTHORIZATION_FAILED, detail: 'scope' });
  });

  it('keptScope keeps the order Lanyard asked in', () => {
    expect(keptScope(['a', 'b', 'c'], ['c', 'x', 'a'])).toEqual(['a', 'c']);
  });
});
