/**
 * A provider that changes or deletes a badge between two syncs, for each kind of API: the cache stays
 * correct and loses nothing. A badge revoked there is checked again and said revoked (never kept `valid`
 * from the last run); a badge deleted there stays in Lanyard, marked "no longer listed" by the next whole
 * listing (sync-listed.ts), never deleted; every other badge is kept as it was, once.
 */
import { describe, expect, it } from 'vitest';
import { API_KINDS, syncedAs, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });

describe.each(API_KINDS.filter((k) => k.kind !== 'ob3'))('$kind: a badge revoked, another deleted, between two syncs', ({ kind }) => {
  it('the revoked one is said revoked, the deleted one kept and marked unlisted, the rest kept once', async () => {
    const { h, id, cached } = await syncedAs(kind, ctx.bp.baseUrl);
    const revoked = 'gen-1';
    const deleted = 'gen-2';
    const before = await h.db.badges.byAccount(id);
    const revokedKey = before.find((r) => r.meta.credentialId?.includes(revoked) || r.key.includes(revoked))?.key;
    const deletedKey = before.find((r) => r.meta.credentialId?.includes(deleted) || r.key.includes(deleted))?.key;
    expect(revokedKey && deletedKey).toBeTruthy();
    expect(before.find((r) => r.key === revokedKey)?.verdict).toBe('valid');
    const snapshot = ctx.bp.control.stateForTests.badges.get(deleted)!;
    ctx.bp.control.revokeBadge(revoked);
    ctx.bp.control.deleteBadge(deleted);
    try {
      // Badge Connect lists incrementally: its whole listing comes once the last is a week old.
      h.clock.offsetMs += 8 * 24 * 3600_000;
      ctx.bp.control.advanceTime(8 * 24 * 3600_000);
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
      const after = await h.db.badges.byAccount(id);
      expect(after.map((r) => r.key).sort()).toEqual(cached);
      const r = after.find((x) => x.key === revokedKey)!;
      expect(r.verdict).toBe('invalid');
      expect(after.find((x) => x.key === deletedKey)?.unlisted).toBeTruthy();
      for (const x of after) if (x.key !== revokedKey && x.key !== deletedKey) expect(x.unlisted).toBeUndefined();
    } finally {
      ctx.bp.control.stateForTests.badges.set(deleted, snapshot);
      ctx.bp.control.stateForTests.badges.get(revoked)!.revoked = false;
    }
  });
});
