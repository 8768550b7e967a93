/** The OB 3.0 / Badge Connect OAuth server: registration (RFC 7591), authorization page, token (PKCE S256, client_secret_basic), refresh, revocation. */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_METADATA, REDIRECT_URI, basicAuth, formPost, jsonPost, registerClient, submitAuthorizationForm, useBackpack } from './helpers.ts';
import { ADA } from './seed-data.ts';

const ctx = useBackpack();
const url = (path: string): string => `${ctx.bp.baseUrl}${path}`;
const SCOPE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly offline_access';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-long-enough-verifier';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
let client: { client_id: string; client_secret: string };

function authorizeUrl(over: Record<string, string | null> = {}): string {
  const u = new URL(url('/oauth/authorize'));
  const p: Record<string, string | null> = { response_type: 'code', client_id: client.client_id, redirect_uri: REDIRECT_URI, scope: SCOPE, state: 'st-123', code_challenge: CHALLENGE, code_challenge_method: 'S256', ...over };
  for (const [k, v] of Object.entries(p)) if (v !== null) u.searchParams.set(k, v);
  return u.toString();
}

async function code(over: Record<string, string | null> = {}): Promise<string> {
  const r = await submitAuthorizationForm(authorizeUrl(over), ADA.username, ADA.password);
  return new URL(r.location!).searchParams.get('code')!;
}

const tokenCall = (fields: Record<string, string>, headers = basicAuth(client.client_id, client.client_secret)): Promise<Response> => fetch(url('/oauth/token'), formPost(fields, headers));

beforeAll(async () => {
  client = await registerClient(ctx.bp.baseUrl);
});

describe('dynamic client registration', () => {
  it('answers 201 with client_id, client_secret, client_id_issued_at, client_secret_expires_at and the metadata', async () => {
    const res = await fetch(url('/oauth/register'), jsonPost(CLIENT_METADATA));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ client_name: 'Lanyard', redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'client_secret_basic', client_secret_expires_at: 0 });
    expect(body.client_id).toEqual(expect.any(String));
    expect(body.client_secret).toEqual(expect.any(String));
    expect(body.client_id_issued_at).toEqual(expect.any(Number));
    expect(ctx.bp.control.clients.map((c) => c.clientId)).toContain(body.client_id);
  });

  const refused = async (over: Record<string, unknown>, error: string): Promise<void> => {
    const res = await fetch(url('/oauth/register'), jsonPost({ ...CLIENT_METADATA, ...over }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(error);
  };

  it('enforces one hostname for every client URL', async () => {
    await refused({ logo_uri: 'https://cdn.example.com/logo.png' }, 'invalid_client_metadata');
    await refused({ redirect_uris: ['https://elsewhere.example/cb'] }, 'invalid_redirect_uri');
    await refused({ redirect_uris: [REDIRECT_URI, 'https://elsewhere.example/cb'] }, 'invalid_redirect_uri');
  });

  it('requires https everywhere, loopback redirects included', async () => {
    await refused({ redirect_uris: ['http://127.0.0.1:9999/cb'] }, 'invalid_redirect_uri');
    await refused({ client_uri: 'http://lanyardtestextension.chromiumapp.org/' }, 'invalid_client_metadata');
    await refused({ redirect_uris: [`${REDIRECT_URI}#frag`] }, 'invalid_redirect_uri');
  });

  it('requires the fields the specifications list, client_secret_basic, the code flow and a known scope', async () => {
    await refused({ client_name: undefined }, 'invalid_client_metadata');
    await refused({ redirect_uris: [] }, 'invalid_redirect_uri');
    await refused({ token_endpoint_auth_method: 'client_secret_post' }, 'invalid_client_metadata');
    await refused({ grant_types: ['implicit'] }, 'invalid_client_metadata');
    await refused({ response_types: ['token'] }, 'invalid_client_metadata');
    await refused({ scope: 'openid email' }, 'invalid_client_metadata');
    const res = await fetch(url('/oauth/register'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_name=x' });
    expect((await res.json()).error).toBe('invalid_client_metadata');
  });
});

describe('the authorization page', () => {
  it('shows a sign-in form, then redirects with code, scope and the state echoed', async () => {
    const page = await fetch(authorizeUrl());
    const html = await page.text();
    expect(html).toContain('name="username"');
    expect(html).toContain('name="password"');
    const r = await submitAuthorizationForm(authorizeUrl(), ADA.username, ADA.password);
    expect(r.status).toBe(302);
    const back = new URL(r.location!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe('st-123');
    expect(back.searchParams.get('scope')).toBe(SCOPE);
    expect(back.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
  });

  it('shows the form again after a wrong password, and redirects access_denied on Deny', async () => {
    const wrong = await submitAuthorizationForm(authorizeUrl(), ADA.username, 'wrong');
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain('role="alert"');
    const denied = await submitAuthorizationForm(authorizeUrl(), '', '', 'deny');
    const back = new URL(denied.location!);
    expect([back.searchParams.get('error'), back.searchParams.get('state')]).toEqual(['access_denied', 'st-123']);
  });

  it('never redirects for an unknown client or an unregistered redirect_uri', async () => {
    for (const over of [{ client_id: 'nobody' }, { redirect_uri: 'https://evil.example/cb' }] as Record<string, string>[]) {
      const res = await fetch(authorizeUrl(over), { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('redirects other errors with error and state: no PKCE, plain PKCE, wrong response_type, bad scope, no state', async () => {
    const cases: [Record<string, string | null>, string][] = [
      [{ code_challenge: null }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert' }, 'invalid_scope'],
      [{ state: null }, 'invalid_request'],
    ];
    for (const [over, error] of cases) {
      const res = await fetch(authorizeUrl(over), { redirect: 'manual' });
      expect(res.status).toBe(302);
      const back = new URL(res.headers.get('location')!);
      expect(back.searchParams.get('error')).toBe(error);
      expect(back.searchParams.get('state')).toBe(over.state === null ? null : 'st-123');
    }
  });
});

describe('the token endpoint', () => {
  it('exchanges a code with the right verifier for a token pair (no-store)', async () => {
    const res = await tokenCall({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: VERIFIER });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: SCOPE, access_token: expect.any(String), refresh_token: expect.any(String) });
  });

  it('refuses a wrong PKCE verifier, a missing one, another redirect_uri', async () => {
    const c = await code();
    let res = await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: `${VERIFIER}x` });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    res = await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT_URI, scope: SCOPE });
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    res = await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: `${REDIRECT_URI}/other`, scope: SCOPE, code_verifier: VERIFIER });
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('wants the scope in the code exchange and the refresh, as OB 3.0 and OB 2.1 require it; never more than granted', async () => {
    const c = await code();
    const bare = await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER });
    expect([bare.status, (await bare.json()).error]).toEqual([400, 'invalid_request']);
    const wider = await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT_URI, scope: `${SCOPE} https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update`, code_verifier: VERIFIER });
    expect((await wider.json()).error).toBe('invalid_scope');
    const t = await (await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: VERIFIER })).json();
    const refresh = await tokenCall({ grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect([refresh.status, (await refresh.json()).error]).toEqual([400, 'invalid_request']);
  });

  it('refuses a used code and revokes what it gave (RFC 6749 §4.1.2)', async () => {
    const c = await code();
    const first = await (await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: VERIFIER })).json();
    const again = await tokenCall({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: VERIFIER });
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect(ctx.bp.control.isTokenLive(first.access_token)).toBe(false);
  });

  it('wants client_secret_basic: 401 invalid_client with a Basic challenge otherwise', async () => {
    const fields = { grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: VERIFIER };
    for (const headers of [{}, basicAuth(client.client_id, 'wrong'), basicAuth('nobody', 'x')]) {
      const res = await tokenCall(fields, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    }
    const body = await fetch(url('/oauth/token'), formPost({ ...fields, client_id: client.client_id, client_secret: client.client_secret }));
    expect(body.status).toBe(401);
  });

  it('wants a form body and a known grant type', async () => {
    const res = await fetch(url('/oauth/token'), jsonPost({ grant_type: 'authorization_code' }, 'POST', basicAuth(client.client_id, client.client_secret)));
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    expect(await (await tokenCall({ grant_type: 'password', username: 'a', password: 'b' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('refreshes with rotation: the old refresh token is then refused', async () => {
    const first = await (await tokenCall({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: VERIFIER })).json();
    const second = await (await tokenCall({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: SCOPE })).json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(ctx.bp.control.isTokenLive(first.access_token)).toBe(false);
    expect(ctx.bp.control.isTokenLive(second.access_token)).toBe(true);
    const again = await tokenCall({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: SCOPE });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await (await tokenCall({ grant_type: 'refresh_token', refresh_token: second.refresh_token, scope: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update' })).json()).toMatchObject({ error: 'invalid_scope' });
  });
});

describe('RFC 7009 revocation', () => {
  it('revokes the pair, answers 200 for unknown tokens, wants client auth', async () => {
    const t = await (await tokenCall({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT_URI, scope: SCOPE, code_verifier: VERIFIER })).json();
    const h = basicAuth(client.client_id, client.client_secret);
    expect((await fetch(url('/oauth/revoke'), formPost({ token: t.refresh_token, token_type_hint: 'refresh_token' }, h))).status).toBe(200);
    expect(ctx.bp.control.isTokenLive(t.access_token)).toBe(false);
    expect((await fetch(url('/oauth/revoke'), formPost({ token: 'unknown' }, h))).status).toBe(200);
    expect((await fetch(url('/oauth/revoke'), formPost({ token: 'unknown' }))).status).toBe(401);
    expect(await (await fetch(url('/oauth/revoke'), formPost({ token: 'x', token_type_hint: 'id_token' }, h))).json()).toMatchObject({ error: 'unsupported_token_type' });
  });
});
