/** Sign-in (Badgr password; OB 3.0 and Badge Connect through discovery, registration and the authorization page), tokens, sign-out. */
import { describe, expect, it } from 'vitest';
import { ADA } from '../backpack/seed-data.ts';
import { badgrSignIn, failure, harness, REDIRECT_ORIGIN, useBackpack } from './harness.ts';

const ctx = useBackpack({ loginAttempts: 2 });

describe('Badgr sign-in by password', () => {
  it('signs in, keeps the access token in the session and the refresh token in the secrets store, and nothing in storage.local', async () => {
    const h = await harness();
    const view = await badgrSignIn(h, ctx.bp.baseUrl);
    expect(view).toMatchObject({ kind: 'badgr', user: 'ada@example.org', baseUrl: ctx.bp.baseUrl, needsSignIn: false });
    const account = await h.db.accounts.get(view.id);
    expect(account?.addresses).toEqual([
      { id: '1', email: 'ada@example.org', verified: true, primary: true },
      { id: '2', email: 'ada.lovelace@school.example', verified: true, primary: false },
      { id: '3', email: 'ada@old-job.example', verified: false, primary: false },
    ]);
    const access = h.platform.session.map.get(view.id)?.accessToken;
    expect(access && ctx.bp.control.isTokenLive(access)).toBe(true);
    expect(await h.db.secrets.get(`refresh:${view.id}`)).toMatchObject({ kind: 'refresh', refreshToken: expect.any(String) });
    expect(JSON.stringify([...(h.platform.local as unknown as { map: Map<string, unknown> }).map])).not.toContain(access);
    expect(JSON.stringify(await h.db.accounts.all())).not.toContain(access);
  });

  it('signing in again to the same user keeps one account', async () => {
    const h = await harness();
    const a = await badgrSignIn(h, ctx.bp.baseUrl);
    const b = await badgrSignIn(h, `${ctx.bp.baseUrl}/`);
    expect(b.id).toBe(a.id);
    expect(await h.db.accounts.all()).toHaveLength(1);
  });

  it('says BAD_CREDENTIALS for a wrong password, then THROTTLED with the wait Badgr gives (expires)', async () => {
    const h = await harness();
    ctx.bp.control.clearThrottle();
    await expect(badgrSignIn(h, ctx.bp.baseUrl, ADA.username, 'wrong')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    await expect(badgrSignIn(h, ctx.bp.baseUrl, ADA.username, 'wrong')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    const e = await failure(badgrSignIn(h, ctx.bp.baseUrl));
    expect(e).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(e.message).toMatch(/try again in \d+ seconds/);
    ctx.bp.control.clearThrottle();
    expect(await h.db.accounts.all()).toEqual([]);
  });

  it('says UNREACHABLE for a host that does not answer', async () => {
    const h = await harness();
    await expect(badgrSignIn(h, 'http://127.0.0.1:9')).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringContaining('could not be reached') });
  });

  it('needs host access to the backpack first, and says how to give it', async () => {
    const h = await harness();
    h.granted.clear();
    await expect(badgrSignIn(h, ctx.bp.baseUrl)).rejects.toMatchObject({ code: 'ERR_HOST_PERMISSION', message: expect.stringContaining('http://127.0.0.1/*') });
    expect(h.fetched).toEqual([]);
  });
});

describe('OB 3.0 and Badge Connect sign-in', () => {
  it('discovers, registers one client (every URL on the redirect host), authorizes with PKCE and state, and reads the profile', async () => {
    const h = await harness();
    const clientsBefore = ctx.bp.control.clients.length;
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(view).toMatchObject({ kind: 'ob3', providerName: 'Lanyard test backpack', user: 'ada@example.org' });
    const launched = new URL(h.platform.identity.launched[0]!);
    expect(launched.searchParams.get('code_challenge_method')).toBe('S256');
    expect(launched.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(launched.searchParams.get('redirect_uri')).toBe(`${REDIRECT_ORIGIN}/oauth2`);
    const client = ctx.bp.control.clients.at(-1)!;
    expect(ctx.bp.control.clients).toHaveLength(clientsBefore + 1);
    for (const k of ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri']) expect(new URL(String(client.metadata[k])).origin).toBe(REDIRECT_ORIGIN);
    const secret = (await h.db.secrets.all()).find((s) => s.kind === 'client');
    expect(secret).toMatchObject({ clientId: client.clientId, clientSecret: client.clientSecret });
    // A second sign-in reuses the client registered by this install.
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(ctx.bp.control.clients).toHaveLength(clientsBefore + 1);
  });

  it('registers anew when the kept client secret has expired (RFC 7591 client_secret_expires_at)', async () => {
    const h = await harness();
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const before = ctx.bp.control.clients.length;
    const kept = (await h.db.secrets.all()).find((s) => s.kind === 'client')!;
    if (kept.kind !== 'client') throw new Error('no client kept');
    await h.db.secrets.put({ ...kept, registration: { ...kept.registration, client_secret_expires_at: Math.floor(Date.now() / 1000) - 10 } });
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(ctx.bp.control.clients).toHaveLength(before + 1);
    const now = (await h.db.secrets.all()).find((s) => s.kind === 'client');
    expect(now).toMatchObject({ clientId: ctx.bp.control.clients.at(-1)!.clientId });
    // One that never expires (0) is kept.
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(ctx.bp.control.clients).toHaveLength(before + 1);
  });

  it('keeps only the fields of the registration answer it uses in secrets, and trims a whole answer an older version kept', async () => {
    const h = await harness();
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const kept = (await h.db.secrets.all()).find((s) => s.kind === 'client')!;
    if (kept.kind !== 'client') throw new Error('no client kept');
    // The test backpack answers the whole metadata back (RFC 7591 §3.2.1): client_name, logo_uri… are not kept.
    expect(Object.keys(kept.registration).sort()).toEqual(['client_secret_expires_at', 'redirect_uris', 'scope', 'token_endpoint_auth_method']);
    // A record as an older version wrote it: the whole answer, a registration access token with it.
    await h.db.secrets.put({ ...kept, registration: { ...kept.registration, client_id: kept.clientId, client_secret: kept.clientSecret, registration_access_token: 'rat-old', client_name: 'Lanyard' } });
    const before = ctx.bp.control.clients.length;
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(ctx.bp.control.clients).toHaveLength(before);
    expect(JSON.stringify(await h.db.secrets.all())).not.toContain('rat-old');
    expect(await h.db.secrets.get(kept.id)).toEqual(kept);
  });

  it('a sign-in answer that grants more scope than asked: the exchange asks for what was asked, and only that is kept (RFC 6749 §3.3)', async () => {
    const h = await harness();
    const extra = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert';
    h.platform.identity.tamper = (url) => {
      const u = new URL(url);
      u.searchParams.set('scope', `${u.searchParams.get('scope')} ${extra}`);
      return u.toString();
    };
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const asked = new URL(h.platform.identity.launched[0]!).searchParams.get('scope')!.split(' ');
    const kept = await h.db.secrets.get(`refresh:${view.id}`);
    expect(kept).toMatchObject({ kind: 'refresh', scope: asked });
    expect(JSON.stringify(kept)).not.toContain('credential.upsert');
    // The token endpoint issued what was asked: the backpack's own record says so.
    expect(ctx.bp.control.issuedTokens.at(-1)!.scope).not.toContain(extra);
  });

  it('signs in to Badge Connect the same way, with its own client', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(view).toMatchObject({ kind: 'badge-connect', user: 'ada@example.org' });
    expect(new URL(h.platform.identity.launched[0]!).searchParams.get('scope')).toContain('v2p1/scope/assertion.readonly');
  });

  it('refuses an answer that does not carry the state it sent', async () => {
    const h = await harness();
    h.platform.identity.tamper = (url) => url.replace(/state=[^&]+/, 'state=forged');
    await expect(h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).rejects.toMatchObject({ code: 'AUTHORIZATION_FAILED' });
    expect(await h.db.accounts.all()).toEqual([]);
  });

  it('says REGISTRATION_REFUSED, offering the password sign-in, when the provider refuses the client', async () => {
    // A redirect host that breaks the provider's rules (http), as Badgr's one-host rule does for extensions.
    const h = await harness();
    h.platform.identity.redirectUrl = (p) => `http://pakfgahhhefpnaajfclapgchhifablpl.chromiumapp.org/${p}`;
    const e = await failure(h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl }));
    expect(e.code).toBe('REGISTRATION_REFUSED');
    expect(e.message).toMatch(/Sign in with your e-mail address and password instead/);
    expect(h.platform.identity.launched).toEqual([]);
  });

  it('says AUTHORIZATION_FAILED when the user closes the window', async () => {
    const h = await harness();
    h.platform.identity.launchWebAuthFlow = async () => {
      throw new Error('The user did not approve access.');
    };
    await expect(h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).rejects.toMatchObject({ code: 'AUTHORIZATION_FAILED', message: expect.stringContaining('did not approve') });
  });
});

describe('tokens', () => {
  it('refreshes a token shortly before it expires, keeping the rotated refresh token', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const first = h.platform.session.map.get(view.id)!;
    const firstRefresh = await h.db.secrets.get(`refresh:${view.id}`);
    h.clock.offsetMs = first.expiresAt! - Date.now() - 60_000; // a minute left
    await h.app.sync.run(view.id);
    const second = h.platform.session.map.get(view.id)!;
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(ctx.bp.control.isTokenLive(first.accessToken)).toBe(false);
    expect(ctx.bp.control.isTokenLive(second.accessToken)).toBe(true);
    const secondRefresh = await h.db.secrets.get(`refresh:${view.id}`);
    expect(secondRefresh).not.toEqual(firstRefresh);
  });

  it('marks the account as needing a new sign-in when the refresh token is refused', async () => {
    const h = await harness();
    const view = await badgrSignIn(h, ctx.bp.baseUrl);
    const refresh = await h.db.secrets.get(`refresh:${view.id}`);
    if (refresh?.kind !== 'refresh') throw new Error('no refresh token');
    ctx.bp.control.stateForTests.tokenByRefresh(refresh.refreshToken)!.revoked = true;
    h.platform.session.map.clear();
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect(s.retryAt).toBeUndefined();
    expect((await h.app.accounts.list())[0]).toMatchObject({ needsSignIn: true });
  });
});

describe('sign-out', () => {
  it.each(['badgr', 'ob3', 'badge-connect'] as const)('%s: revokes the session on the server and forgets tokens, account and its badges', async (kind) => {
    const h = await harness();
    const view = kind === 'badgr' ? await badgrSignIn(h, ctx.bp.baseUrl) : await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(view.id);
    expect(await h.db.badges.countByAccount(view.id)).toBeGreaterThan(0);
    const access = h.platform.session.map.get(view.id)!.accessToken;
    const refresh = await h.db.secrets.get(`refresh:${view.id}`);
    await expect(h.app.accounts.signOut(view.id)).resolves.toEqual({ signedOut: true, revoked: 'revoked', kept: 0 });
    expect(ctx.bp.control.isTokenLive(access)).toBe(false);
    if (refresh?.kind === 'refresh') expect(ctx.bp.control.isTokenLive(refresh.refreshToken)).toBe(false);
    expect(h.platform.session.map.has(view.id)).toBe(false);
    expect(await h.db.secrets.get(`refresh:${view.id}`)).toBeUndefined();
    expect(await h.db.accounts.get(view.id)).toBeUndefined();
    expect(await h.db.badges.countByAccount(view.id)).toBe(0);
    expect(await h.db.syncState.get(view.id)).toBeUndefined();
  });

  it('forgets the account even when the server cannot be reached', async () => {
    const h = await harness();
    const view = await badgrSignIn(h, ctx.bp.baseUrl);
    ctx.bp.control.failNext({ drop: true, path: '/o/revoke_token', count: 5 });
    await expect(h.app.accounts.signOut(view.id)).resolves.toEqual({ signedOut: true, revoked: 'failed', kept: 0 });
    ctx.bp.control.clearFaults();
    expect(await h.db.accounts.all()).toEqual([]);
  });
});
