/**
 * A badge a backpack synced as its link alone (sync-original.ts: no baked image, no credential text) and
 * no longer lists is moved to this browser at sign-out (unlisted-keep.ts) "as an import of the same badge
 * would key it (library.ts)". Since hostile47 an import keys a badge with an id under that id, whatever
 * link it came by; the move keyed a link under the link, so the user's own copy of that badge, added by
 * its link, and the moved one were two entries of one badge.
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { syncedBadgr, useBackpack } from './harness.ts';

const ctx = useBackpack();

describe('signing out of a backpack whose unlisted badge is kept as its link', () => {
  it('the badge added here by another spelling of that link is the one entry kept', async () => {
    const control = ctx.bp.control;
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    const entityId = control.issueBadge('ada@example.org');
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    const key = `${id}|${entityId}`;
    const synced = (await h.db.badges.get(key))!;
    const credentialId = synced.meta.credentialId!;
    expect(credentialId).toMatch(/^http/);
    // Kept as its link only (a provider that gives no image nor text), spelled as the backpack lists it.
    const link = `${credentialId}?`;
    const original = (await h.db.originals.get(key))!;
    await h.db.saveBadge({ record: { ...synced, original: { kind: 'url' } }, original: { ...original, bytes: new TextEncoder().encode(link) } });
    // The user adds the badge here too, by that link: held under the badge's id (the synced copy's hidden twin, synced-twin.ts).
    await h.app.library.import({ kind: 'text', text: link });
    const mine = badgeKey('local', `id:${credentialId}`);
    expect(await h.db.originals.get(mine)).toBeDefined();
    control.deleteBadge(entityId);
    h.clock.offsetMs += 60_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect((await h.db.badges.get(key))!.unlisted).toEqual(expect.any(String));

    expect(await h.app.accounts.signOut(id)).toMatchObject({ signedOut: true, kept: 1 });
    const local = (await h.app.library.list()).filter((b) => b.accountId === 'local' && b.publicUrl === synced.meta.publicUrl);
    expect(local.map((b) => b.key)).toEqual([mine]);
  });
});
