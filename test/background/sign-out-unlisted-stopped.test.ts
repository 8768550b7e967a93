/**
 * A badge a sign-out keeps (unlisted-keep.ts) is checked again as a local badge once moved: what it
 * was issued to is then "no longer listed", no longer settled by the backpack's word that it lists
 * it. A worker stopped after the move and before that check left the badge as the backpack had it
 * verified, and the next worker's end of the sign-out (sign-out-end.ts finishSignOuts) found it held
 * already (these very bytes) and checked nothing: a badge issued to an address that is not the
 * user's kept saying the user's backpack lists it, a verdict no backpack backs any more. A badge moved
 * but never checked again here (its verification the backpack account's, verifiedAt unchanged) is now
 * checked again by that end.
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { badgrSignIn, syncedBadgr, useBackpack } from './harness.ts';

const ctx = useBackpack();
const recipientOf = (r: { checks: { id: string; outcome: string; message: string }[] } | undefined) => r?.checks.find((c) => c.id === 'recipient');

describe('a sign-out stopped between keeping a badge and checking it again', () => {
  it('the next worker checks the kept badge again as a local badge', async () => {
    const control = ctx.bp.control;
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    // Issued to an address Lanyard does not know as Ada's, then moved to another user's backpack.
    const entityId = control.issueBadge('ada.lovelace@school.example');
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const key = `${id}|${entityId}`;
    const before = (await h.db.badges.get(key))!;
    control.stateForTests.badges.get(entityId)!.importedBy = 'user-someone-else';
    h.clock.offsetMs += 60_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const marked = (await h.db.badges.get(key))!;
    expect(marked.unlisted).toEqual(expect.any(String));
    const localKey = badgeKey('local', `id:${before.meta.credentialId!}`);
    // Another backpack stays signed in with a confirmed address, not the badge's.
    const grace = await badgrSignIn(h, ctx.bp.baseUrl, 'grace@example.org', 'lanyard-demo-2');
    await h.app.sync.run(grace.id);
    h.clock.offsetMs += 60_000;

    // The worker stops once the badge is moved, before it is checked again.
    const get = h.db.badges.get.bind(h.db.badges);
    h.db.badges.get = async (k: string) => {
      if (k === localKey && (await get(k))?.accountId === 'local') throw new Error('the worker stopped');
      return get(k);
    };
    await expect(h.app.accounts.signOut(id)).rejects.toThrow('the worker stopped');
    h.db.badges.get = get;
    expect((await h.db.badges.get(localKey))?.verifiedAt).toBe(marked.verifiedAt);

    const after = await h.restart();
    await after.app.accounts.finishSignOuts();
    expect(await after.db.badges.byAccount(id)).toEqual([]);
    const kept = (await after.db.badges.get(localKey))!;
    expect(kept.verifiedAt! > marked.verifiedAt!).toBe(true);
    expect(recipientOf(kept)).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(/^Your backpack no longer lists this badge/) });
  });
});
