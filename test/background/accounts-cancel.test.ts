/**
 * A slow sign-in cancelled from the popup (accounts/sign-in-cancel): the requests in flight are
 * aborted through the injected fetch, the sign-in ends at once as ERR_CANCELLED, and nothing of it
 * is stored (no account, no token, no sync started).
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, failure, harness, useBackpack } from './harness.ts';

const ctx = useBackpack();

/** A fetch whose requests to paths matching `hang` never answer, until their signal aborts them. */
function hangingAt(hang: RegExp) {
  const held: string[] = [];
  const fetchFn = (url: string, init?: RequestInit): Promise<Response> => {
    if (!hang.test(new URL(url).pathname)) return fetch(url, init);
    held.push(url);
    return new Promise((_, reject) => {
      const signal = init?.signal;
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { fetch: fetchFn, held };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}

describe('cancelling a slow sign-in', () => {
  it.each([
    ['the token endpoint', /^\/o\/token$/],
    ['the first read after the token (the profile)', /^\/v2\/users\/self$/],
  ])('Badgr, %s hanging: the sign-in ends as cancelled, and nothing is stored', async (_, hang) => {
    const f = hangingAt(hang);
    const h = await harness({ fetch: f.fetch });
    const signIn = failure(badgrSignIn(h, ctx.bp.baseUrl));
    await until(() => f.held.length > 0);
    expect(await h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
    expect(await signIn).toMatchObject({ code: 'ERR_CANCELLED' });
    expect(await h.db.accounts.all()).toEqual([]);
    expect((await h.db.secrets.all()).filter((s) => s.kind === 'refresh')).toEqual([]);
    expect(h.platform.session.map.size).toBe(0);
    expect(h.app.sync.isRunning('anything')).toBe(false);
    // Nothing left to cancel; the next sign-in is not affected.
    expect(await h.app.accounts.cancelSignIn()).toEqual({ cancelled: false });
  });

  it('OB 3.0, the code exchange hanging: cancelled, no account and no token kept', async () => {
    const f = hangingAt(/^\/oauth\/token$/);
    const h = await harness({ fetch: f.fetch });
    const signIn = failure(h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl }));
    await until(() => f.held.length > 0);
    expect(await h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
    expect(await signIn).toMatchObject({ code: 'ERR_CANCELLED' });
    expect(await h.db.accounts.all()).toEqual([]);
    expect((await h.db.secrets.all()).filter((s) => s.kind === 'refresh')).toEqual([]);
    expect(h.platform.session.map.size).toBe(0);
  });

  it('a sign-in that was not cancelled goes on as before', async () => {
    const h = await harness();
    const view = await badgrSignIn(h, ctx.bp.baseUrl);
    expect(await h.db.accounts.get(view.id)).toBeTruthy();
  });
});
