/**
 * The refresh-token flow against the test backpack (refresh tokens rotate: each refresh revokes the
 * pair it replaces, RFC 6749 §6 and the OAuth 2.0 Security BCP): one refresh for concurrent 401s,
 * a refused refresh (400 invalid_grant) that asks for a new sign-in and keeps every cached badge,
 * and a rotated refresh token that is never lost between the two writes of a refresh.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';
import { expectSignInAgain } from './sign-in-again.ts';

const ctx = useBackpack({ badges: 2 });
const tokenRequests = () => ctx.bp.control.requests.filter((r) => r.method === 'POST' && (r.path === '/oauth/token' || r.path.startsWith('/o/token'))).length;

describe('refresh tokens', () => {
  it('two requests that both get 401 for the same token refresh it once, and both go on with the new one', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const old = h.platform.session.map.get(id)!.accessToken;
    ctx.bp.control.failNext({ status: 401, path: '/v1/user/emails', count: 2 });
    const before = tokenRequests();
    const [a, b] = await Promise.all([h.app.emails.list(id), h.app.emails.list(id)]);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(tokenRequests() - before).toBe(1);
    expect(ctx.bp.control.requests.filter((r) => r.path === '/v1/user/emails' && r.status === 401)).toHaveLength(2);
    const now = h.platform.session.map.get(id)!.accessToken;
    expect(now).not.toBe(old);
    expect(ctx.bp.control.isTokenLive(now)).toBe(true);
  });

  it('a refresh answered 400 invalid_grant: the account asks for a new sign-in, keeps its cached badges, and sends nothing more until then', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(view.id);
    const cached = (await h.db.badges.byAccount(view.id)).map((r) => r.key).sort();
    expect(cached.length).toBeGreaterThan(0);
    const refresh = await h.db.secrets.get(`refresh:${view.id}`);
    if (refresh?.kind !== 'refresh') throw new Error('no refresh token');
    // The provider ends the session (the user revoked Lanyard there): the access token fails, the refresh is refused.
    ctx.bp.control.stateForTests.tokenByRefresh(refresh.refreshToken)!.revoked = true;
    await h.db.syncState.put({ ...(await h.db.syncState.get(view.id))!, since: undefined as never });
    const s = await h.app.sync.run(view.id);
    expect(ctx.bp.control.requests.some((r) => r.path === '/oauth/token' && r.status === 400)).toBe(true);
    await expectSignInAgain(h, view.id, s, cached);
    const before = ctx.bp.control.requests.length;
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect(ctx.bp.control.requests.length).toBe(before);
    // Signing in again: the same account, its badges still there, and sync works again.
    const again = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(again).toMatchObject({ id: view.id, needsSignIn: false });
    expect((await h.db.badges.byAccount(view.id)).map((r) => r.key).sort()).toEqual(cached);
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle', failures: 0 });
  });

  it('a refresh asks for the kept scope within what Lanyard asks at sign-in: a wider one an older version kept is not asked again (RFC 6749 §3.3)', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const kept = await h.db.secrets.get(`refresh:${view.id}`);
    if (kept?.kind !== 'refresh') throw new Error('no refresh token');
    const asked = kept.scope!;
    const upsert = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert';
    // As an older version kept it: the scope as granted, here wider than what was asked.
    await h.db.secrets.put({ ...kept, scope: [...asked, upsert] });
    ctx.bp.control.failNext({ status: 401, path: '/ims/ob/v3p0/credentials' });
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle' });
    expect(ctx.bp.control.issuedTokens.at(-1)!.scope).toEqual(asked);
    expect(await h.db.secrets.get(`refresh:${view.id}`)).toMatchObject({ scope: asked });
  });

  it('a rotated refresh token is kept even when the access token cannot be written: the next refresh still works', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const first = h.platform.session.map.get(view.id)!;
    h.clock.offsetMs = first.expiresAt! - Date.now() - 60_000; // a minute left: the next call refreshes
    const setToken = h.platform.session.setToken.bind(h.platform.session);
    let failOnce = true;
    h.platform.session.setToken = async (id, t) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('storage.session is full');
      }
      return setToken(id, t);
    };
    const failed = await h.app.sync.run(view.id);
    expect(failed).toMatchObject({ status: 'error', error: { message: 'storage.session is full' } });
    // The server rotated: the pair Lanyard had is dead. The new refresh token must be the one kept.
    expect(ctx.bp.control.isTokenLive(first.accessToken)).toBe(false);
    const kept = await h.db.secrets.get(`refresh:${view.id}`);
    expect(kept?.kind === 'refresh' && ctx.bp.control.isTokenLive(kept.refreshToken)).toBe(true);
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect((await h.app.accounts.list()).find((a) => a.id === view.id)).toMatchObject({ needsSignIn: false });
  });

  it('a refresh refused with invalid_client (the provider forgot Lanyard’s registration): the next sign-in registers anew and works', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(view.id);
    const cached = await h.db.badges.countByAccount(view.id);
    const account = await h.db.accounts.get(view.id);
    const kept = await h.db.secrets.get(account!.clientSecretId!);
    if (kept?.kind !== 'client') throw new Error('no client');
    ctx.bp.control.stateForTests.clients.delete(kept.clientId);
    h.clock.offsetMs = h.platform.session.map.get(view.id)!.expiresAt! - Date.now() - 60_000; // the next call refreshes
    const s = await h.app.sync.run(view.id);
    expect(ctx.bp.control.requests.some((r) => r.path === '/oauth/token' && r.status === 401)).toBe(true);
    expect(s).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect((await h.app.accounts.list()).find((a) => a.id === view.id)).toMatchObject({ needsSignIn: true });
    // An authorization request with the forgotten client_id would stop at the provider's error page (RFC 6749 §4.1.2.1): register anew.
    const again = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(again).toMatchObject({ id: view.id, needsSignIn: false });
    const renewed = await h.db.secrets.get((await h.db.accounts.get(view.id))!.clientSecretId!);
    expect(renewed?.kind === 'client' && renewed.clientId).not.toBe(kept.clientId);
    expect(await h.db.badges.countByAccount(view.id)).toBe(cached);
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle' });
  });

  it('a refresh asks for the scope the user granted (OB 3.0 and OB 2.1 require it), kept with the refresh token; an older record without it asks for what Lanyard registered', async () => {
    const READ = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';
    const PROFILE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly';
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(view.id);
    const refreshRecord = async () => {
      const r = await h.db.secrets.get(`refresh:${view.id}`);
      if (r?.kind !== 'refresh') throw new Error('no refresh token');
      return r;
    };
    const expire = () => (h.clock.offsetMs = h.platform.session.map.get(view.id)!.expiresAt! - Date.now() - 60_000);
    const kept = await refreshRecord();
    expect(kept.scope).toEqual(ctx.bp.control.stateForTests.tokenByRefresh(kept.refreshToken)!.scope);
    // A record written before the scope was kept: the scope Lanyard asked for (and was granted).
    const { scope: _dropped, ...old } = kept;
    await h.db.secrets.put(old);
    expire();
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle', failures: 0 });
    // Granted less than Lanyard asks for: the refresh asks for that, never more (an invalid_scope would end the session).
    await h.db.secrets.put({ ...(await refreshRecord()), scope: [READ, PROFILE] });
    expire();
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle', failures: 0 });
    const narrowed = await refreshRecord();
    expect(ctx.bp.control.stateForTests.tokenByRefresh(narrowed.refreshToken)!.scope).toEqual([READ, PROFILE]);
    expect(narrowed.scope).toEqual([READ, PROFILE]);
    expect((await h.app.accounts.list()).find((a) => a.id === view.id)).toMatchObject({ needsSignIn: false });
  });

  describe('while a refused refresh is on its way', () => {
    /** A platform fetch that holds token requests while closed. */
    function tokenGate() {
      let gate: { promise: Promise<void>; release: () => void } | undefined;
      let held = 0;
      return {
        close() {
          let release!: () => void;
          const promise = new Promise<void>((r) => (release = r));
          gate = { promise, release };
        },
        open() {
          gate?.release();
          gate = undefined;
        },
        held: () => held,
        fetch: async (url: string, init?: RequestInit) => {
          if (gate && /\/(oauth|o)\/token/.test(new URL(url).pathname)) {
            held++;
            await gate.promise;
          }
          return fetch(url, init);
        },
      };
    }
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(ok()).toBe(true);
    };
    const endSession = async (h: Awaited<ReturnType<typeof harness>>, id: string) => {
      const refresh = await h.db.secrets.get(`refresh:${id}`);
      if (refresh?.kind !== 'refresh') throw new Error('no refresh token');
      ctx.bp.control.stateForTests.tokenByRefresh(refresh.refreshToken)!.revoked = true;
    };

    it('a change the user made meanwhile (trust) is kept when the account is marked for a new sign-in', async () => {
      const g = tokenGate();
      const h = await harness({ fetch: g.fetch });
      const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
      await h.app.sync.run(view.id); // the first sync, which the sign-in started, is over
      await endSession(h, view.id);
      g.close();
      const run = h.app.sync.run(view.id);
      await until(() => g.held() === 1);
      await h.app.accounts.setTrust(view.id, true);
      g.open();
      expect(await run).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
      expect(await h.db.accounts.get(view.id)).toMatchObject({ needsSignIn: true, trustAddresses: true });
    });

    it('an account signed out meanwhile stays gone', async () => {
      const g = tokenGate();
      const h = await harness({ fetch: g.fetch });
      const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
      await h.app.sync.run(id); // the first sync, which the sign-in started, is over
      await endSession(h, id);
      g.close();
      const listing = h.app.emails.list(id).catch((e: unknown) => e);
      await until(() => g.held() === 1);
      expect(await h.app.accounts.signOut(id)).toMatchObject({ signedOut: true });
      g.open();
      expect(await listing).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await h.db.accounts.all()).toEqual([]);
    });
  });
});
