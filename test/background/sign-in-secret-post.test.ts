/**
 * A backpack that registers Lanyard for `client_secret_post` though it asked for `client_secret_basic`
 * (RFC 7591 §3.2.1: the server "MAY reject or replace any of the client's requested metadata values",
 * and its answer says what it registered), and then takes the client's credentials only in the form
 * (RFC 6749 §2.3.1). Lanyard kept the answer's method but always sent Basic: the code exchange was
 * refused `invalid_client`, the registration forgotten, and every sign-in registered again and failed
 * the same way ("does not know this copy of Lanyard any more").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshId } from '../../src/background/services/tokens.ts';
import { API_KINDS, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });

beforeAll(() => void (ctx.bp.control.stateForTests.registersSecretPost = true));
afterAll(() => void (ctx.bp.control.stateForTests.registersSecretPost = false));

describe.each(API_KINDS.filter((k) => k.kind !== 'badgr'))('$kind: a client registered for client_secret_post', ({ kind, token }) => {
  it('signs in, syncs, refreshes and signs out (its session revoked) with the credentials in the form', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect((await h.app.sync.run(id)).status).toBe('idle');
    expect((await h.db.badges.byAccount(id)).length).toBeGreaterThan(0);
    const before = ctx.bp.control.requests.filter((r) => r.path === token).length;
    const old = await h.db.secrets.get(refreshId(id));
    await h.app.sync.run(id).catch(() => undefined);
    // A refresh (the access token refused once).
    ctx.bp.control.failNext({ status: 401, path: kind === 'ob3' ? '/ims/ob/v3p0/credentials' : '/ims/ob/v2p1/assertions', challenge: 'invalid_token' });
    expect((await h.app.sync.run(id)).status).toBe('idle');
    expect(ctx.bp.control.requests.filter((r) => r.path === token).length).toBeGreaterThan(before);
    const now = await h.db.secrets.get(refreshId(id));
    expect(now).not.toEqual(old);
    const live = now?.kind === 'refresh' ? now.refreshToken : '';
    expect(ctx.bp.control.isTokenLive(live)).toBe(true);
    expect(await h.app.accounts.signOut(id)).toMatchObject({ signedOut: true, revoked: 'revoked' });
    expect(ctx.bp.control.isTokenLive(live)).toBe(false);
  });
});
