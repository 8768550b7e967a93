/**
 * What a sign-in under way tells the popup (state.ts `signIns`), and a second one to the same
 * backpack. The state said only `signingIn: true`: a sign-in waiting for a sign-out of the same
 * account to end (sign-out-end.ts clear) looked like any other, and a popup opened again during a
 * sign-in could start a second one to the same backpack, which raced the first to store the same
 * account (the later tokens replaced the earlier, whose session stayed live at the provider).
 */
import { describe, expect, it } from 'vitest';
import type { SignInUnderWay } from '../../src/messaging/protocol.ts';
import { badgrSignIn, failure, harness, useBackpack, type Harness } from './harness.ts';
import { holdFirst } from './held-fetch.ts';

const ctx = useBackpack({ badges: 2 });

async function until(ok: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await ok()).toBe(true);
}

/** Every phase the state says while `p` runs (read every few milliseconds). */
async function phasesDuring(h: Harness, p: Promise<unknown>): Promise<Set<SignInUnderWay['phase']>> {
  const seen = new Set<SignInUnderWay['phase']>();
  let over = false;
  void p.finally(() => (over = true)).catch(() => undefined);
  while (!over) {
    for (const s of (await h.app.state()).signIns ?? []) seen.add(s.phase);
    await new Promise((r) => setTimeout(r, 2));
  }
  return seen;
}

describe('a sign-in under way, as the state says it', () => {
  it('waiting for a sign-out of the same account: finishing-sign-out while it waits, then gone once signed in', async () => {
    const revoke = holdFirst('/oauth/revoke');
    const h = await harness({ fetch: revoke.fetch });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const out = h.app.accounts.signOut(id);
    await until(() => revoke.holding());
    const signIn = h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    await until(async () => (await h.app.state()).signIns?.[0]?.phase === 'finishing-sign-out');
    expect((await h.app.state()).signIns).toEqual([{ id: expect.any(String), kind: 'badge-connect', baseUrl: ctx.bp.baseUrl, phase: 'finishing-sign-out' }]);
    revoke.release();
    await out;
    expect((await signIn).id).toBe(id);
    expect((await h.app.state()).signIns).toBeUndefined();
  });

  it('no sign-out of that account: never finishing-sign-out (only shown when it really waits)', async () => {
    const h = await harness();
    const signIn = badgrSignIn(h, ctx.bp.baseUrl);
    const seen = await phasesDuring(h, signIn);
    await signIn;
    expect([...seen]).toEqual(['signing-in']);
  });

  it('says the password sign-in’s backpack and name, never the password', async () => {
    const profile = holdFirst('/v2/users/self');
    const h = await harness({ fetch: profile.fetch });
    const signIn = badgrSignIn(h, ctx.bp.baseUrl);
    await until(() => profile.holding());
    const [run] = (await h.app.state()).signIns ?? [];
    expect(run).toEqual({ id: expect.any(String), kind: 'badgr', baseUrl: ctx.bp.baseUrl, username: expect.stringContaining('@'), phase: 'signing-in' });
    expect(JSON.stringify(run)).not.toContain('password');
    profile.release();
    await signIn;
  });
});

describe('a second sign-in to the same backpack while one runs', () => {
  it('is refused, sending nothing; the first goes on and is stored, and a popup that waits for it gets its account', async () => {
    const profile = holdFirst('/v2/users/self');
    const h = await harness({ fetch: profile.fetch });
    const first = badgrSignIn(h, ctx.bp.baseUrl);
    await until(() => profile.holding());
    const sent = ctx.bp.control.requests.length;
    // A trailing slash, or the host written in capitals, names the same backpack.
    expect((await failure(badgrSignIn(h, ctx.bp.baseUrl.replace('http://localhost', 'http://LOCALHOST').replace('http://127.0.0.1', 'HTTP://127.0.0.1')))).code).toBe('ERR_SIGN_IN_UNDER_WAY');
    const second = await failure(badgrSignIn(h, `${ctx.bp.baseUrl}/`));
    expect(second.code).toBe('ERR_SIGN_IN_UNDER_WAY');
    expect(second.message).toContain(new URL(ctx.bp.baseUrl).host);
    expect(ctx.bp.control.requests.length).toBe(sent);
    // An OAuth one to that backpack is another account, and runs (sign-in-run-kinds.test.ts).
    const waited = h.app.accounts.waitSignIn(ctx.bp.baseUrl, 'badgr');
    expect((await h.app.state()).signIns).toHaveLength(1);
    profile.release();
    const account = await first;
    expect((await waited).id).toBe(account.id);
    expect(await h.db.accounts.get(account.id)).toMatchObject({ needsSignIn: false });
    expect(h.platform.session.map.get(account.id)).toBeDefined();
    // Over: the next one goes on.
    expect((await badgrSignIn(h, ctx.bp.baseUrl)).id).toBe(account.id);
  });

  it('a popup waiting for one that is cancelled hears ERR_CANCELLED; with none under way, ERR_NOT_FOUND', async () => {
    const profile = holdFirst('/v2/users/self');
    const h = await harness({ fetch: profile.fetch });
    const first = failure(badgrSignIn(h, ctx.bp.baseUrl));
    await until(() => profile.holding());
    const waited = failure(h.app.accounts.waitSignIn(ctx.bp.baseUrl, 'badgr'));
    expect(h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
    expect((await first).code).toBe('ERR_CANCELLED');
    expect((await waited).code).toBe('ERR_CANCELLED');
    expect((await failure(h.app.accounts.waitSignIn(ctx.bp.baseUrl, 'badgr'))).code).toBe('ERR_NOT_FOUND');
    expect((await h.app.state()).signIns).toBeUndefined();
  });
});

describe('a popup opened again during two sign-ins of two kinds to one server', () => {
  it('joins the one of its own kind (accounts/sign-in-wait names it), not the one listed first', async () => {
    // A Badgr sign-in and an OB 3.0 one to one backpack, both held: two accounts (sign-in-run-kinds.test.ts).
    const badgr = holdFirst('/v2/users/self');
    const ob3 = holdFirst('/oauth/token');
    const h = await harness({ fetch: (url: string, init?: RequestInit) => (new URL(url).pathname === '/v2/users/self' ? badgr : ob3).fetch(url, init) });
    const first = badgrSignIn(h, ctx.bp.baseUrl);
    await until(() => badgr.holding());
    const second = h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await until(() => ob3.holding());
    expect((await h.app.state()).signIns?.map((s) => s.kind)).toEqual(['badgr', 'ob3']);
    const waited = h.app.accounts.waitSignIn(ctx.bp.baseUrl, 'ob3');
    ob3.release();
    const account = await second;
    badgr.release();
    expect((await first).id).not.toBe(account.id);
    expect((await waited).id).toBe(account.id);
  });
});
