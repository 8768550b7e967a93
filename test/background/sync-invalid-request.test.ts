/**
 * A 401 whose Bearer challenge says `error="invalid_request"`: RFC 6750 §3.1, "The request is missing
 * a required parameter, includes an unsupported parameter or parameter value, repeats the same
 * parameter, uses more than one method for including an access token, or is otherwise malformed"
 * (to be answered 400; some servers send it with their 401). http.ts read every 401 as a token
 * refused: the run refreshed (rotating the pair) twice for a request a new token cannot mend, then
 * marked the account "sign in again", which cannot mend it either. Now: a PROTOCOL error that says
 * what the backpack answered, no refresh, the account not marked, the session and every badge kept.
 * A 401 `invalid_token` is still refreshed (sync-refreshed-refused.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { refreshId } from '../../src/background/services/tokens.ts';
import { API_KINDS, badgrSignIn, failure, harness, syncedAs, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });

const KINDS = API_KINDS;

describe.each(KINDS)('$kind: a 401 with error="invalid_request"', ({ kind, list, profile, token }) => {
  it('is a protocol error: no refresh, no sign-in asked, the session and the badges kept', async () => {
    const { h, id, cached } = await syncedAs(kind, ctx.bp.baseUrl);
    const refreshes = () => ctx.bp.control.requests.filter((r) => r.path === token).length;
    const before = refreshes();
    const secret = await h.db.secrets.get(refreshId(id));
    ctx.bp.control.failNext({ status: 401, path: list, count: 3, challenge: 'invalid_request' });
    const run = await h.app.sync.run(id);
    ctx.bp.control.clearFaults();
    expect(run).toMatchObject({ status: 'error', error: { code: 'PROTOCOL' } });
    expect(run.error?.message).toMatch(/malformed.*invalid_request/);
    expect(refreshes() - before).toBe(0);
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: false });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    expect(await h.db.secrets.get(refreshId(id))).toEqual(secret);
    expect(secret?.kind === 'refresh' && ctx.bp.control.isTokenLive(secret.refreshToken)).toBe(true);
  });

  it('at sign-in (the profile read): the sign-in fails with the protocol error, no refresh made, nothing kept', async () => {
    const h = await harness();
    const before = ctx.bp.control.requests.filter((r) => r.path === token).length;
    const issued = ctx.bp.control.tokens.length;
    ctx.bp.control.failNext({ status: 401, path: profile, count: 3, challenge: 'invalid_request' });
    const signIn = kind === 'badgr' ? badgrSignIn(h, ctx.bp.baseUrl) : h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    const e = await failure(signIn);
    ctx.bp.control.clearFaults();
    expect(e).toMatchObject({ code: 'PROTOCOL' });
    expect(e.message).toMatch(/malformed.*invalid_request/);
    // The grant only: no refresh.
    expect(ctx.bp.control.requests.filter((r) => r.path === token).length - before).toBe(1);
    expect(await h.app.accounts.list()).toEqual([]);
    // The session the grant opened is ended at the backpack (session-end.ts keepOrEnd, not waited for).
    const [opened] = ctx.bp.control.tokens.slice(issued);
    await expect.poll(() => ctx.bp.control.isTokenLive(opened!.accessToken)).toBe(false);
  });
});
