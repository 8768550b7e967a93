/**
 * Checking a stored account badge again (Check again, Check all, the check when addresses change)
 * took the backpack's word that it still lists the badge: one issued to an address Lanyard does not
 * know as the user's kept the note "Your backpack lists this badge" after the backpack had stopped
 * listing it (deleted there, or detached with a removed address), at every check, for good. Now the
 * record says what the last complete listing saw (sync-listed.ts): a badge it did not hold is checked
 * again without that word, and says so, still `indeterminate`, never `valid` from the backpack's word
 * nor `invalid` for having been listed once; a listing that holds it again restores the claim.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 6 });
const LISTS = /^Your backpack lists this badge/;
const NO_LONGER = /^Your backpack no longer lists this badge/;
const recipientOf = (r: { checks: { id: string; outcome: string; message: string }[] } | undefined) => r?.checks.find((c) => c.id === 'recipient');

describe('a stored badge the backpack stopped listing', () => {
  it('is checked again without the backpack\'s word, by the sync that sees it gone, Check again and Check all; listed again, the word is back', async () => {
    const control = ctx.bp.control;
    // A badge in Ada's backpack issued to an address that is not hers (imported into it).
    const entityId = control.issueBadge('someone@elsewhere.example');
    const held = control.stateForTests.badges.get(entityId)!;
    held.importedBy = 'user-ada';
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    const key = `${id}|${entityId}`;
    expect(await h.db.badges.get(key)).toMatchObject({ verdict: 'indeterminate' });
    expect(recipientOf(await h.db.badges.get(key))).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(LISTS) });

    // The backpack stops listing it (detached from Ada; its issuer still hosts it): the next (complete,
    // full) listing sees it gone, and the cached copy stays, without the claim.
    held.importedBy = 'user-someone-else';
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    const gone = await h.db.badges.get(key);
    expect(gone).toMatchObject({ verdict: 'indeterminate', unlisted: expect.any(String) });
    expect(recipientOf(gone)).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(NO_LONGER) });
    // Check again and Check all do not bring the claim back.
    await h.app.library.verify(key);
    expect(recipientOf(await h.db.badges.get(key))).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(NO_LONGER) });
    await h.app.library.verify();
    const checked = await h.db.badges.get(key);
    expect(checked).toMatchObject({ verdict: 'indeterminate', unlisted: gone!.unlisted });
    expect(recipientOf(checked)).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(NO_LONGER) });

    // Listed again (the badge is unchanged and was verified a moment ago): the claim is back, the mark gone.
    held.importedBy = 'user-ada';
    try {
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
      const back = await h.db.badges.get(key);
      expect(back?.unlisted).toBeUndefined();
      expect(recipientOf(back)).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(LISTS) });
      await h.app.library.verify(key);
      expect(recipientOf(await h.db.badges.get(key))).toMatchObject({ message: expect.stringMatching(LISTS) });
    } finally {
      control.deleteBadge(entityId);
    }
  });
});

describe('only a listing read whole marks a badge unlisted', () => {
  const BC = '/ims/ob/v2p1/assertions';
  /** Ada's Badge Connect account, synced once whole (its first run has no `since`), three badges a page. */
  async function badgeConnect() {
    const h = await harness({ syncOptions: { pageSize: 3 } });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    const pages = h.fetched.filter((u) => new URL(u).pathname.endsWith(BC));
    const marked = async () => (await h.db.badges.byAccount(id)).filter((r) => r.unlisted).map((r) => r.sourceId);
    expect(await marked()).toEqual([]);
    return { h, id, pages, marked };
  }

  it('not an incremental run (it lists only what changed), nor a run resumed at a later page (it did not read the first)', async () => {
    const { h, id, pages, marked } = await badgeConnect();
    expect(pages.length).toBeGreaterThan(1);
    // Incremental: `since` the last run; nothing changed, so it lists nothing.
    expect((await h.db.syncState.get(id))?.since).toBeDefined();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(await marked()).toEqual([]);
    // A run a stopped worker left at the second page, listing everything: the first page's badges are not read again.
    const s = (await h.db.syncState.get(id))!;
    await h.db.syncState.put({ ...s, since: undefined as never, status: 'error', run: { id: 'left', startedAt: new Date().toISOString(), doneBeforePage: 3, cursor: pages[1]! } });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(await marked()).toEqual([]);
    // The same listing read whole from its first page marks nothing either: it holds every badge.
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(await marked()).toEqual([]);
  });
});
