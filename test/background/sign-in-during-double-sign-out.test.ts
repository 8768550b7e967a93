/**
 * Two sign-outs of one account at once (a double click on Sign out: the popup sends both, and both
 * read the account before either deleted it) share one mark that a sign-out is under way
 * (sign-out-end.ts begin, 40c30025). The first to end settled that mark for both: the other, still
 * waiting (on the server's revocation, on reading its tokens), was no longer under way for a sign-in
 * to the same account (sign-out-end.ts clear), which then stored the account and its new tokens; the
 * sign-out left then read those tokens, revoked the new session at the server and forgot it here with
 * its badges and sync state: the account just signed in to said "sign in again". The mark now holds
 * until every sign-out that shares it has ended.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });

describe('signed in again while the second of two sign-outs is not over', () => {
  it('the sign-in waits for both: its account keeps its tokens, and its sync lists every badge', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const count = await h.db.badges.countByAccount(id);
    expect(count).toBeGreaterThan(0);
    // The second sign-out's read of the tokens waits (as a slow revocation would) until released.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const get = h.db.secrets.get.bind(h.db.secrets);
    let reads = 0;
    h.db.secrets.get = async (key: string) => {
      if (key === `refresh:${id}` && ++reads === 2) await held;
      return get(key);
    };
    const outs = [h.app.accounts.signOut(id), h.app.accounts.signOut(id)];
    for (let i = 0; i < 400 && reads < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(reads).toBe(2);
    // One of them ends meanwhile.
    await Promise.race(outs);
    const signIn = h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all(outs);
    expect((await signIn).id).toBe(id);
    h.db.secrets.get = get;
    expect(h.platform.session.map.get(id)).toBeDefined();
    h.clock.offsetMs += 60_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(await h.db.accounts.get(id)).toMatchObject({ needsSignIn: false });
    expect(await h.db.badges.countByAccount(id)).toBe(count);
  });
});
