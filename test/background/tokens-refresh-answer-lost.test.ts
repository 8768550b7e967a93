/**
 * A refresh whose answer never arrives, though the backpack acted on it: the pair was rotated (RFC 6749
 * §6, DOT's default), and the new refresh token is lost with the answer (a network cut, a stopped worker).
 *
 * - A backpack with a grace period for rotation (django-oauth-toolkit's REFRESH_TOKEN_GRACE_PERIOD_SECONDS,
 *   Okta, Auth0, Clerk…) takes the old token again for a few seconds and answers the same pair. Lanyard
 *   sent it again only at the caller's next try (the address list: the user's next click; a sync: its
 *   backoff), usually past the grace, and the user had to sign in again. It now sends it again at once.
 * - A backpack without one (Badgr: DOT's default of 0; RFC 9700 §4.14.2 reuse detection) refuses it:
 *   a "sign in again" that keeps every badge, which now says the answer was lost, also after a worker
 *   stopped mid-refresh (the refresh token is marked `sentAt` before the request goes).
 *
 * The first and third tests failed before the change; the OB 3.0 sync passed already (the sync's own
 * in-place retry, a second later, sends the old token again within the grace) and guards that path.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LOST_ANSWER_REPLAY_MS } from '../../src/background/services/lost-answer.ts';
import { expectSignInAgain } from './sign-in-again.ts';
import { harness, syncedAs, syncedBadgr, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });
afterEach(() => {
  ctx.bp.control.clearFaults();
  ctx.bp.control.stateForTests.refreshGraceSeconds = 0;
});

describe('a refresh whose answer is lost after the backpack rotated the pair', () => {
  it('Badgr with a grace period: sent again at once with the same token, the rotated pair kept, no new sign-in', async () => {
    ctx.bp.control.stateForTests.refreshGraceSeconds = 30;
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    const before = await h.db.secrets.get(`refresh:${id}`);
    h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
    ctx.bp.control.failNext({ path: '/o/token', dropAnswer: true });
    const seen = ctx.bp.control.requests.length;
    await expect(h.app.emails.list(id)).resolves.toBeDefined();
    const tokenCalls = ctx.bp.control.requests.slice(seen).filter((r) => r.path === '/o/token');
    expect(tokenCalls.map((r) => r.status)).toEqual([200, 200]);
    expect(h.waits).toContain(LOST_ANSWER_REPLAY_MS);
    const after = await h.db.secrets.get(`refresh:${id}`);
    if (after?.kind !== 'refresh' || before?.kind !== 'refresh') throw new Error('no refresh token');
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.sentAt).toBeUndefined();
    expect(ctx.bp.control.isTokenLive(after.refreshToken)).toBe(true);
    expect((await h.app.accounts.list()).find((a) => a.id === id)?.needsSignIn).toBeFalsy();
  });

  it('OB 3.0 with a grace period: a sync goes on with the pair the lost answer carried', async () => {
    ctx.bp.control.stateForTests.refreshGraceSeconds = 30;
    const { h, id, cached } = await syncedAs('ob3', ctx.bp.baseUrl);
    h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
    ctx.bp.control.failNext({ path: '/oauth/token', dropAnswer: true });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    const kept = await h.db.secrets.get(`refresh:${id}`);
    expect(kept?.kind === 'refresh' && ctx.bp.control.isTokenLive(kept.refreshToken)).toBe(true);
  });

  it('a sign-in whose first use refreshes (the profile read refused), that answer lost: sent again, signed in with the rotated pair', async () => {
    ctx.bp.control.stateForTests.refreshGraceSeconds = 30;
    const h = await harness();
    ctx.bp.control.failNext({ status: 401, path: '/ims/ob/v3p0/profile', challenge: 'invalid_token' });
    ctx.bp.control.failNext({ path: '/oauth/token', skip: 1, dropAnswer: true });
    const account = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(account).toMatchObject({ needsSignIn: false });
    expect(h.waits).toContain(LOST_ANSWER_REPLAY_MS);
    const kept = await h.db.secrets.get(`refresh:${account.id}`);
    expect(kept?.kind === 'refresh' && ctx.bp.control.isTokenLive(kept.refreshToken)).toBe(true);
    expect(await h.app.sync.run(account.id)).toMatchObject({ status: 'idle' });
  });

  it('without a grace period (Badgr\'s), the worker stopped before the answer: the next worker says the answer was lost, sign in again, badges kept', async () => {
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
    // The answer is lost, and so is the one to the replay: the token endpoint gone as the worker stops.
    ctx.bp.control.failNext({ path: '/o/token', dropAnswer: true });
    ctx.bp.control.failNext({ path: '/o/token', drop: true });
    await expect(h.app.emails.list(id)).rejects.toMatchObject({ code: 'UNREACHABLE' });
    const marked = await h.db.secrets.get(`refresh:${id}`);
    expect(marked?.kind === 'refresh' && marked.sentAt).toBeTypeOf('number');
    const next = await h.restart();
    const s = await next.app.sync.run(id);
    await expectSignInAgain(next, id, s, cached);
    expect(s.error?.message).toMatch(/answer was lost/);
  });

  it('a refresh that was answered leaves no mark, and a refusal then says the session ended', async () => {
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
    await h.app.emails.list(id);
    const kept = await h.db.secrets.get(`refresh:${id}`);
    if (kept?.kind !== 'refresh') throw new Error('no refresh token');
    expect(kept.sentAt).toBeUndefined();
    ctx.bp.control.stateForTests.tokenByRefresh(kept.refreshToken)!.revoked = true;
    h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
    const e = await h.app.emails.list(id).catch((x: unknown) => x as { message: string });
    expect(e).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/^The backpack ended the session/) });
  });

  it('a server that keeps its refresh tokens (no refresh_token in the answer): the answered refresh leaves no mark', async () => {
    ctx.bp.control.stateForTests.keepRefreshToken = true;
    try {
      const { h, id } = await syncedAs('ob3', ctx.bp.baseUrl);
      h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
      const kept = await h.db.secrets.get(`refresh:${id}`);
      expect(kept).toMatchObject({ kind: 'refresh' });
      expect(kept?.kind === 'refresh' && kept.sentAt).toBeUndefined();
    } finally {
      ctx.bp.control.stateForTests.keepRefreshToken = false;
    }
  });
});
