/**
 * A sign-out is several writes (accounts.ts signOut: the account, its tokens, the local twins put
 * back, the badges its backpack no longer lists moved to this browser, then the account's badges and
 * its sync state deleted). A worker stopped between two of them (the browser closed, the worker
 * killed while the server's revocation hung) left the account gone and its badges listed for good:
 * no sign-out could find it again, a twin stayed hidden behind a copy nobody synced, and a badge
 * moved to this browser was listed twice (its backpack copy beside it), or, moved again by a second
 * sign-out, kept twice. A restarted worker now ends the sign-out (accounts.ts finishSignOuts).
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { syncedBadgr, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();

/** Ada's account synced, a badge issued to her synced, then deleted at the backpack: the next sync marks it. */
async function deletedAtBackpack() {
  const control = ctx.bp.control;
  const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
  const entityId = control.issueBadge('ada@example.org');
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
  const key = `${id}|${entityId}`;
  const before = (await h.db.badges.get(key))!;
  control.deleteBadge(entityId);
  h.clock.offsetMs += 60_000;
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
  expect((await h.db.badges.get(key))!.unlisted).toEqual(expect.any(String));
  return { h, id, key, before, localKey: badgeKey('local', `id:${before.meta.credentialId!}`) };
}

/** What is left once a restarted worker ended the sign-out: nothing of the account, the kept badge once, local. */
async function expectEnded(h: Harness, id: string, publicUrl: string | undefined, localKey: string) {
  expect(await h.db.accounts.get(id)).toBeUndefined();
  expect(await h.db.badges.byAccount(id)).toEqual([]);
  expect(await h.db.syncState.get(id)).toBeUndefined();
  const shown = (await h.app.library.list()).filter((b) => b.publicUrl === publicUrl);
  expect(shown).toEqual([expect.objectContaining({ key: localKey, accountId: 'local' })]);
  expect(await h.app.library.list()).toHaveLength(1);
}

describe('a sign-out the worker did not finish', () => {
  it('stopped before the badges were deleted (the kept badge moved already): a restarted worker ends it, the badge kept once', async () => {
    const { h, id, before, localKey } = await deletedAtBackpack();
    h.clock.offsetMs += 60_000;
    // The worker stops as it would delete the account's badges.
    h.db.badges.deleteByAccount = () => Promise.reject(new Error('the worker stopped'));
    await expect(h.app.accounts.signOut(id)).rejects.toThrow('the worker stopped');
    // As the worker left it: the account gone, its badges still listed, the kept one beside its backpack copy.
    expect(await h.db.accounts.get(id)).toBeUndefined();
    expect(await h.db.badges.get(localKey)).toBeDefined();
    expect((await h.app.library.list()).filter((b) => b.publicUrl === before.meta.publicUrl)).toHaveLength(2);

    const after = await h.restart();
    await after.app.accounts.finishSignOuts();
    await expectEnded(after, id, before.meta.publicUrl, localKey);
    // Once: a second pass moves nothing again.
    await after.app.accounts.finishSignOuts();
    await expectEnded(after, id, before.meta.publicUrl, localKey);
  });

  it('stopped while the server revoked the session (the account gone, nothing else done): a restarted worker ends it, twins put back and the unlisted badge kept', async () => {
    const { h, id, key, before, localKey } = await deletedAtBackpack();
    // The user's own copy of a badge the backpack still lists, hidden behind its copy.
    const listed = (await h.db.badges.byAccount(id)).find((r) => r.key !== key && r.original.kind === 'png' && r.meta.credentialId)!;
    const png = (await h.db.originals.get(listed.key))!.bytes;
    await h.app.library.import({ kind: 'file', name: 'mine.png', base64: Buffer.from(png).toString('base64') });
    const twin = badgeKey('local', `id:${listed.meta.credentialId!}`);
    expect((await h.db.originals.get(twin))?.hidden).toBeDefined();
    // The worker stops while the revocation is under way.
    ctx.bp.control.pause();
    const stopped = h.app.accounts.signOut(id);
    for (let i = 0; i < 200 && (await h.db.accounts.get(id)); i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    expect(await h.db.accounts.get(id)).toBeUndefined();
    // What a new worker sees (the old one never goes on: its database is closed under it).
    const after = await h.restart();
    h.db.close();
    ctx.bp.control.resume();
    await stopped.catch(() => undefined);
    await after.app.accounts.finishSignOuts();
    expect(await after.db.badges.byAccount(id)).toEqual([]);
    expect(await after.db.syncState.get(id)).toBeUndefined();
    expect((await after.app.library.list()).filter((b) => b.publicUrl === before.meta.publicUrl)).toEqual([expect.objectContaining({ key: localKey, accountId: 'local', unlisted: expect.any(String) })]);
    expect(await after.db.badges.get(twin)).toMatchObject({ accountId: 'local', original: { fileName: 'mine.png' } });
    expect(await after.app.library.list()).toHaveLength(2);
  });

  it('signed out twice at once (two clicks): the second waits for nothing and ends nothing of the first, the badge kept once and said where from', async () => {
    const { h, id, before, localKey } = await deletedAtBackpack();
    const pending = h.app.accounts.signOut(id);
    // The second click once the first has deleted the account (its sync being stopped, its session revoked).
    for (let i = 0; i < 200 && (await h.db.accounts.get(id)); i++) await new Promise((r) => setTimeout(r, 1));
    const [first, second] = await Promise.all([pending, h.app.accounts.signOut(id)]);
    expect([first.kept, second.kept]).toEqual([1, 0]);
    expect((await h.app.library.list()).filter((b) => b.publicUrl === before.meta.publicUrl)).toEqual([expect.objectContaining({ key: localKey, movedFrom: new URL(ctx.bp.baseUrl).host })]);
    expect(await h.db.badges.byAccount(id)).toEqual([]);
    expect(await h.db.syncState.get(id)).toBeUndefined();
  });
});
