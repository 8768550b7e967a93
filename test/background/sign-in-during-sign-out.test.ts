/**
 * Signing in again to an account whose sign-out has not ended. An account's id is its backpack's
 * address and the user's id there (accounts.ts save), so the new sign-in stores the very account the
 * sign-out forgets, under the same id:
 *
 * - a sign-out that failed or was stopped after it deleted the account's badges but before its sync
 *   state (sign-out-end.ts: the state goes last) left that state with the last run's `since`. Signed
 *   in again before a new worker finished it (finishSignOuts runs once, at the worker's start), the
 *   account was stored beside that state: finishSignOuts no longer saw a sign-out to end, and Badge
 *   Connect's next run was incremental from the old `since`, listing only what changed after it. The
 *   badges deleted by the sign-out never came back (until the weekly whole listing);
 * - a sign-out still under way in this worker (waiting on the server's revocation, or checking the
 *   badges it keeps again, over the network) went on after the new sign-in stored the account: its
 *   end forgot the new sign-in's tokens (the account then synced nothing: "sign in again"), and
 *   deleted the badges and sync state its first sync had written.
 *
 * A sign-in now waits for a sign-out of the same account under way, and ends one left unfinished,
 * before it stores the account (sign-out-end.ts clear).
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { holdFirst } from './held-fetch.ts';

const ctx = useBackpack({ badges: 4 });

describe('signed in again before the sign-out ended', () => {
  it('Badge Connect: a sign-out that stopped before its sync state was deleted, then a sign-in: the next sync lists every badge again', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', since: expect.any(String) });
    const count = await h.db.badges.countByAccount(id);
    expect(count).toBeGreaterThan(0);
    // The sign-out stops as it would delete the sync state (the last step).
    const del = h.db.syncState.delete.bind(h.db.syncState);
    h.db.syncState.delete = () => Promise.reject(new Error('the worker stopped'));
    await expect(h.app.accounts.signOut(id)).rejects.toThrow('the worker stopped');
    h.db.syncState.delete = del;
    expect(await h.db.badges.countByAccount(id)).toBe(0);
    h.clock.offsetMs += 60_000;
    // Signed in again in this worker: no new worker's start has ended the sign-out.
    expect((await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl })).id).toBe(id);
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(await h.db.badges.countByAccount(id)).toBe(count);
    expect((await h.db.syncState.get(id))?.signingOutOf).toBeUndefined();
  });

  it('a sign-out waiting on the server’s revocation when the sign-in stores the account: the new sign-in keeps its account, tokens, badges and sync state', async () => {
    const revoke = holdFirst('/oauth/revoke');
    const h = await harness({ fetch: revoke.fetch });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const count = await h.db.badges.countByAccount(id);
    expect(count).toBeGreaterThan(0);
    const out = h.app.accounts.signOut(id);
    for (let i = 0; i < 400 && !revoke.holding(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(revoke.holding()).toBe(true);
    const signIn = h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    // Let the sign-in (and the first sync it starts) go as far as they can while the revocation hangs.
    await new Promise((r) => setTimeout(r, 500));
    revoke.release();
    await out;
    expect((await signIn).id).toBe(id);
    h.clock.offsetMs += 60_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(await h.db.accounts.get(id)).toBeDefined();
    expect(h.platform.session.map.get(id)).toBeDefined();
    expect(await h.db.badges.countByAccount(id)).toBe(count);
    expect((await h.db.syncState.get(id))?.signingOutOf).toBeUndefined();
  });
});
