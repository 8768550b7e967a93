/**
 * A slow sign-in cancelled from the popup (accounts/sign-in-cancel): the requests in flight are
 * aborted through the injected fetch, the sign-in ends at once as ERR_CANCELLED, and nothing of it
 * is stored (no account, no token, no sync started).
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, failure, harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();

/** A fetch whose requests to paths matching `hang` never answer, until their signal aborts them. */
function hangingAt(hang: RegExp) {
  const held: string[] = [];
  const hanging = { on: true };
  const fetchFn = (url: string, init?: RequestInit): Promise<Response> => {
    if (!hanging.on || !hang.test(new URL(url).pathname)) return fetch(url, init);
    held.push(url);
    return new Promise((_, reject) => {
      const signal = init?.signal;
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { fetch: fetchFn, held, hanging };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}

describe('cancelling a slow sign-in', () => {
  it.each([
    ['Badgr, the token endpoint', /^\/o\/token$/, (h: Harness) => badgrSignIn(h, ctx.bp.baseUrl)],
    ['Badgr, the first read after the token (the profile)', /^\/v2\/users\/self$/, (h: Harness) => badgrSignIn(h, ctx.bp.baseUrl)],
    ['OB 3.0, the code exchange', /^\/oauth\/token$/, (h: Harness) => h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })],
  ])('%s hanging: the sign-in ends as cancelled, nothing is stored, and the next sign-in goes on', async (_, hang, signInTo) => {
    const f = hangingAt(hang);
    const h = await harness({ fetch: f.fetch });
    const signIn = failure(signInTo(h));
    await until(() => f.held.length > 0);
    expect(await h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
    expect(await signIn).toMatchObject({ code: 'ERR_CANCELLED' });
    expect(await h.db.accounts.all()).toEqual([]);
    expect((await h.db.secrets.all()).filter((s) => s.kind === 'refresh')).toEqual([]);
    expect(await h.db.syncState.all()).toEqual([]);
    expect(h.platform.session.map.size).toBe(0);
    // Nothing left to cancel; a sign-in with the backpack answering is not affected.
    expect(await h.app.accounts.cancelSignIn()).toEqual({ cancelled: false });
    f.hanging.on = false;
    const ok = await signInTo(h);
    expect(await h.db.accounts.get(ok.id)).toMatchObject({ needsSignIn: false });
  });

  it('the state says a sign-in is under way while it runs, and not once it is done (a popup opened meanwhile waits for it)', async () => {
    const f = hangingAt(/^\/v2\/users\/self$/);
    const h = await harness({ fetch: f.fetch });
    expect((await h.app.state()).signingIn).toBeUndefined();
    const signIn = badgrSignIn(h, ctx.bp.baseUrl);
    await until(() => f.held.length > 0);
    expect(await h.app.state()).toMatchObject({ signingIn: true, accounts: [] });
    f.hanging.on = false;
    expect(await h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
    await failure(signIn);
    expect((await h.app.state()).signingIn).toBeUndefined();
    const ok = await badgrSignIn(h, ctx.bp.baseUrl);
    const after = await h.app.state();
    expect(after.signingIn).toBeUndefined();
    expect(after.accounts.map((a) => a.id)).toEqual([ok.id]);
  });
});

