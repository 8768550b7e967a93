/**
 * "Sync is incremental and never loses what was cached": a badge the backpack stops listing stays
 * cached, marked `unlisted` (sync-listed.ts). Sign-out forgot every badge of the account
 * (deleteByAccount), those too: a badge the backpack deleted (the user's only copy now) was destroyed
 * without a word, and signing in again did not bring it back. Now sign-out moves each badge the
 * backpack no longer lists to the local backpack ("Just this browser", unlisted-keep.ts), with its
 * original bytes (its baked image), when it was added and its mark, and checks it again as a local
 * badge, no longer with the backpack's word; the reply says how many were kept.
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { badgrSignIn, syncedBadgr, useBackpack } from './harness.ts';

const ctx = useBackpack();
const recipientOf = (r: { checks: { id: string; outcome: string; message: string }[] } | undefined) => r?.checks.find((c) => c.id === 'recipient');

/**
 * Ada's account synced, then a new badge issued to her, synced, and deleted at the backpack (or
 * `detached`: moved to another user's backpack, its hosted copy still served): the next sync marks it.
 */
async function deletedAtBackpack(issueTo = 'ada@example.org', detached = false) {
  const control = ctx.bp.control;
  const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
  const entityId = control.issueBadge(issueTo);
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
  const key = `${id}|${entityId}`;
  const before = (await h.db.badges.get(key))!;
  const bytes = (await h.db.originals.get(key))!.bytes;
  expect(before.original.kind).toBe('png');
  if (detached) control.stateForTests.badges.get(entityId)!.importedBy = 'user-someone-else';
  else control.deleteBadge(entityId);
  h.clock.offsetMs += 60_000;
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
  const marked = (await h.db.badges.get(key))!;
  expect(marked.unlisted).toEqual(expect.any(String));
  return { h, id, key, before, marked, bytes, localKey: badgeKey('local', `id:${before.meta.credentialId!}`) };
}

describe('signing out of a backpack that no longer lists a badge', () => {
  it('keeps that badge in this browser, its bytes, addedAt and mark whole, checked again as a local badge; the others go; the reply counts it', async () => {
    const { h, id, key, before, marked, bytes, localKey } = await deletedAtBackpack();
    const others = (await h.db.badges.byAccount(id)).length - 1;
    expect(others).toBeGreaterThan(0);
    h.clock.offsetMs += 60_000;

    const reply = await h.app.accounts.signOut(id);
    expect(reply).toMatchObject({ signedOut: true, kept: 1 });
    expect(await h.db.badges.byAccount(id)).toEqual([]);
    expect(await h.db.badges.get(key)).toBeUndefined();

    const moved = (await h.db.badges.get(localKey))!;
    expect(moved).toMatchObject({ accountId: 'local', addedAt: before.addedAt, unlisted: marked.unlisted, movedFrom: new URL(ctx.bp.baseUrl).host, original: { kind: 'png' } });
    expect(moved.meta.credentialId).toBe(before.meta.credentialId);
    expect((await h.db.originals.get(localKey))!.bytes).toEqual(bytes);
    // Checked again as a local badge: after the sign-out, with no word of the backpack's.
    expect(moved.verifiedAt! > marked.verifiedAt!).toBe(true);
    expect(moved.verdict).not.toBe('invalid');
    expect(JSON.stringify(moved.checks)).not.toMatch(/Your backpack lists this badge/);
    // The list shows it, once, and its view says it is no longer listed.
    const listed = (await h.app.library.list()).filter((b) => b.publicUrl === before.meta.publicUrl);
    expect(listed).toEqual([expect.objectContaining({ key: localKey, accountId: 'local', unlisted: marked.unlisted, movedFrom: new URL(ctx.bp.baseUrl).host })]);

    // Signing in again does not bring it twice (the backpack does not list it), nor take it away.
    const again = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(again.id);
    expect((await h.app.library.list()).filter((b) => b.publicUrl === before.meta.publicUrl)).toHaveLength(1);
    expect(await h.db.badges.get(localKey)).toMatchObject({ accountId: 'local' });
  });

  it('a badge issued to an address of the signed-out account is not "someone else\'s" once kept here: it was the user\'s backpack that held it', async () => {
    const { h, id, localKey } = await deletedAtBackpack('ada.lovelace@school.example', true);
    // Another backpack stays signed in with a confirmed address (the Badgr sign-in name): the local
    // badges are checked against it, and this badge is not issued to it.
    const grace = await badgrSignIn(h, ctx.bp.baseUrl, 'grace@example.org', 'lanyard-demo-2');
    await h.app.sync.run(grace.id);
    expect(await h.app.accounts.signOut(id)).toMatchObject({ kept: 1 });
    const moved = (await h.db.badges.get(localKey))!;
    expect(moved.verdict).not.toBe('invalid');
    expect(recipientOf(moved)).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(/^Your backpack no longer lists this badge/) });
  });

  it('a local badge the backpack\'s copy hid comes back, and the copy is not kept beside it (one entry)', async () => {
    const { h, id, before, localKey } = await deletedAtBackpack();
    // The user's own copy added before the backpack deleted its one: hidden behind the synced copy.
    const png = (await h.db.originals.get(`${id}|${before.sourceId}`))!.bytes;
    await h.app.library.import({ kind: 'file', name: 'mine.png', base64: Buffer.from(png).toString('base64') });
    expect((await h.db.originals.get(localKey))?.hidden).toBeDefined();
    expect(await h.app.accounts.signOut(id)).toMatchObject({ kept: 1 });
    const shown = (await h.app.library.list()).filter((b) => b.publicUrl === before.meta.publicUrl);
    expect(shown).toEqual([expect.objectContaining({ key: localKey, accountId: 'local' })]);
    expect((await h.db.badges.get(localKey))!.original.fileName).toBe('mine.png');
  });

  it('nothing kept when the backpack lists everything it had: the reply says 0', async () => {
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    expect(await h.app.accounts.signOut(id)).toMatchObject({ signedOut: true, kept: 0 });
    expect((await h.app.library.list()).length).toBe(0);
  });
});

describe('a kept badge another signed-in backpack still lists', () => {
  it('is that backpack\'s copy\'s hidden twin (one entry), and comes back when that backpack signs out too', async () => {
    const { h, id, before, localKey } = await deletedAtBackpack();
    // The same backpack through Badge Connect, its copy of the badge written as a sync that ran before the deletion would have left it.
    const { stateForTests } = ctx.bp.control;
    const entityId = before.sourceId;
    expect(stateForTests.badges.has(entityId)).toBe(false);
    const bc = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(bc.id);
    const copy = { ...before, key: `${bc.id}|${entityId}`, accountId: bc.id };
    await h.db.saveBadge({ record: copy, original: { key: copy.key, bytes: (await h.db.originals.get(`${id}|${entityId}`))!.bytes } });

    expect(await h.app.accounts.signOut(id)).toMatchObject({ kept: 1 });
    const entries = async () => (await h.app.library.list()).filter((b) => b.publicUrl === before.meta.publicUrl).map((b) => b.key);
    expect(await entries()).toEqual([copy.key]);
    expect((await h.db.originals.get(localKey))?.hidden).toMatchObject({ accountId: 'local', movedFrom: new URL(ctx.bp.baseUrl).host });

    await h.app.accounts.signOut(bc.id);
    expect(await entries()).toEqual([localKey]);
  });
});
