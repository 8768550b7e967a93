/** Badgr's /o/token, /o/revoke_token and token management, against the in-process server. */
import { describe, expect, it } from 'vitest';
import { auth, badgrLogin, basicAuth, formPost, useBackpack } from './helpers.ts';
import { ADA, GRACE } from './seed-data.ts';

const ctx = useBackpack();
const token = (fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> => fetch(`${ctx.bp.baseUrl}/o/token`, formPost(fields, headers));
const password = { grant_type: 'password', client_id: 'public', username: ADA.username, password: ADA.password, scope: 'rw:profile rw:backpack' };

describe('POST /o/token: password grant', () => {
  it('issues a 24-hour Bearer token with a refresh token and the scope asked for', async () => {
    const res = await token(password);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 86400, scope: 'rw:profile rw:backpack' });
    expect(body.access_token).toEqual(expect.any(String));
    expect(body.refresh_token).toEqual(expect.any(String));
    const t = ctx.bp.control.tokens.find((x) => x.accessToken === body.access_token)!;
    expect(t.expiresAt - t.createdAt).toBe(86400 * 1000);
  });

  it('defaults to grant_type=password and, with no scope, to r:profile', async () => {
    const res = await token({ client_id: 'public', username: ADA.username, password: ADA.password });
    expect(await res.json()).toMatchObject({ scope: 'r:profile' });
  });

  it('answers Badgr\'s exact shape for a wrong password: 400 invalid_grant', async () => {
    ctx.bp.control.clearThrottle();
    const res = await token({ ...password, password: 'nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid credentials given.' });
    ctx.bp.control.clearThrottle();
  });

  it('refuses an unknown client_id and a wrong client secret as Badgr does', async () => {
    ctx.bp.control.clearThrottle();
    let res = await token({ ...password, client_id: 'nobody' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid client_id' });
    res = await token({ ...password, client_id: '' }, basicAuth('public', 'guess'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid client_secret' });
    ctx.bp.control.clearThrottle();
  });

  it('takes parameters from the form body only', async () => {
    const q = new URLSearchParams(password).toString();
    let res = await fetch(`${ctx.bp.baseUrl}/o/token?${q}`, formPost(password));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Token grant parameters must be sent in post body, not query parameters' });
    res = await fetch(`${ctx.bp.baseUrl}/o/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(password) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: 'Request is missing username parameter.' });
    ctx.bp.control.clearThrottle();
  });

  it('refuses unknown scopes and grant types', async () => {
    expect(await (await token({ ...password, scope: 'rw:everything' })).json()).toEqual({ error: 'invalid_scope' });
    expect(await (await token({ ...password, grant_type: 'client_credentials' })).json()).toEqual({ error: 'unsupported_grant_type' });
    ctx.bp.control.clearThrottle();
  });
});

describe('login throttling (apps/mainsite/utils.py throttleable)', () => {
  it('answers 429 with `expires` after three failures, even for the right password, until the backoff lapses', async () => {
    ctx.bp.control.clearThrottle();
    const wrong = { ...password, username: GRACE.username, password: 'wrong' };
    for (let i = 0; i < 3; i++) expect((await token(wrong)).status).toBe(400);
    const res = await token({ ...password, username: GRACE.username, password: GRACE.password });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error_description: 'Too many login attempts. Please wait and try again.', error: 'login attempts throttled', expires: 2 });
    // Another failure after the backoff doubles it.
    ctx.bp.control.advanceTime(2100);
    expect((await token(wrong)).status).toBe(400);
    expect((await (await token(wrong)).json()).expires).toBe(4);
    ctx.bp.control.advanceTime(4100);
    expect((await token({ ...password, username: GRACE.username, password: GRACE.password })).status).toBe(200);
    // Success clears the count.
    expect((await token(wrong)).status).toBe(400);
    expect((await token(wrong)).status).toBe(400);
    ctx.bp.control.clearThrottle();
  });
});

describe('refresh_token grant', () => {
  it('rotates: the new pair works, the old refresh token and access token stop working', async () => {
    const first = await badgrLogin(ctx.bp.baseUrl);
    const res = await token({ grant_type: 'refresh_token', client_id: 'public', refresh_token: first.refresh_token });
    expect(res.status).toBe(200);
    const second = await res.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second).toMatchObject({ expires_in: 86400, scope: 'rw:profile rw:backpack' });
    const again = await token({ grant_type: 'refresh_token', client_id: 'public', refresh_token: first.refresh_token });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant' });
    expect((await fetch(`${ctx.bp.baseUrl}/v2/users/self`, { headers: auth(first.access_token) })).status).toBe(401);
    expect((await fetch(`${ctx.bp.baseUrl}/v2/users/self`, { headers: auth(second.access_token) })).status).toBe(200);
    ctx.bp.control.clearThrottle();
  });

  it('lets a 24-hour token lapse with the server clock', async () => {
    const t = await badgrLogin(ctx.bp.baseUrl);
    ctx.bp.control.advanceTime(86400 * 1000 + 1000);
    expect((await fetch(`${ctx.bp.baseUrl}/v2/users/self`, { headers: auth(t.access_token) })).status).toBe(401);
    const res = await token({ grant_type: 'refresh_token', client_id: 'public', refresh_token: t.refresh_token });
    expect(res.status).toBe(200);
  });
});

describe('revocation', () => {
  it('POST /o/revoke_token/ (RFC 7009) ends the session, and answers 200 for an unknown token', async () => {
    const t = await badgrLogin(ctx.bp.baseUrl);
    // DOT's pattern is ^revoke_token/$: without the slash, Django's APPEND_SLASH answers 301.
    const bare = await fetch(`${ctx.bp.baseUrl}/o/revoke_token`, { ...formPost({ token: t.refresh_token, client_id: 'public' }), redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`${ctx.bp.baseUrl}/o/revoke_token/`);
    expect(ctx.bp.control.isTokenLive(t.access_token)).toBe(true);
    const res = await fetch(`${ctx.bp.baseUrl}/o/revoke_token/`, formPost({ token: t.refresh_token, token_type_hint: 'refresh_token', client_id: 'public' }));
    expect(res.status).toBe(200);
    expect(ctx.bp.control.isTokenLive(t.access_token)).toBe(false);
    expect((await fetch(`${ctx.bp.baseUrl}/o/revoke_token/`, formPost({ token: 'unknown', client_id: 'public' }))).status).toBe(200);
    expect((await fetch(`${ctx.bp.baseUrl}/o/revoke_token/`, formPost({ token: 'x', token_type_hint: 'id_token', client_id: 'public' }))).status).toBe(400);
  });

  it('GET /v2/auth/tokens lists live tokens; DELETE /v2/auth/tokens/{id} revokes one (204)', async () => {
    const t = await badgrLogin(ctx.bp.baseUrl);
    const list = await (await fetch(`${ctx.bp.baseUrl}/v2/auth/tokens`, { headers: auth(t.access_token) })).json();
    expect(list.status).toEqual({ success: true, description: 'ok' });
    const mine = ctx.bp.control.tokens.find((x) => x.accessToken === t.access_token)!;
    const entry = list.result.find((e: { entityId: string }) => e.entityId === mine.entityId);
    expect(entry).toMatchObject({ entityType: 'AccessToken', scope: 'rw:profile rw:backpack', application: { clientId: 'public' } });
    const other = await badgrLogin(ctx.bp.baseUrl);
    const del = await fetch(`${ctx.bp.baseUrl}/v2/auth/tokens/${mine.entityId}`, { method: 'DELETE', headers: auth(other.access_token) });
    expect(del.status).toBe(204);
    expect(ctx.bp.control.revokedTokens.map((x) => x.accessToken)).toContain(t.access_token);
    expect((await fetch(`${ctx.bp.baseUrl}/v2/users/self`, { headers: auth(t.access_token) })).status).toBe(401);
    expect((await fetch(`${ctx.bp.baseUrl}/v2/auth/tokens/nope`, { method: 'DELETE', headers: auth(other.access_token) })).status).toBe(404);
  });
});
