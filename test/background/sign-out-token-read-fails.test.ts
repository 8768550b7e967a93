/**
 * A sign-out whose read of the account's tokens fails (the storage refusing a read). The sign-out
 * had begun (sign-out-end.ts begin) and deleted the account, but that read was outside every catch:
 * the sign-out threw without ending or abandoning, so this worker took it for one under way for
 * good. A sign-in to the same account waits for a sign-out under way (sign-out-end.ts clear): it
 * then waited forever ("Signing in…" until the user cancelled), and finishSignOuts left the end
 * to nobody. The revocation is best effort: a read that fails is a revocation that failed, and the
 * sign-out ends (its tokens forgotten, its badges kept or forgotten, its sync state last).
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });

const within = <T>(p: Promise<T>, ms: number): Promise<T | 'still waiting'> => Promise.race([p, new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), ms))]);

describe('a sign-out whose tokens cannot be read', () => {
  it('ends (revocation failed), and a sign-in to the same account afterwards is not left waiting', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const get = h.db.secrets.get.bind(h.db.secrets);
    let refused = 0;
    h.db.secrets.get = (key: string) => (key === `refresh:${id}` && !refused++ ? Promise.reject(new Error('the storage refused the read')) : get(key));
    const out = await within(h.app.accounts.signOut(id).catch((e: Error) => `threw: ${e.message}`), 5_000);
    h.db.secrets.get = get;
    expect(refused).toBe(1);
    expect(out).toMatchObject({ signedOut: true, revoked: 'failed' });
    expect(await h.db.syncState.get(id)).toBeUndefined();
    expect(await h.db.badges.countByAccount(id)).toBe(0);
    const again = await within(h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl }), 5_000);
    expect(again).toMatchObject({ id });
    expect(await h.db.accounts.get(id)).toBeDefined();
  });
});
