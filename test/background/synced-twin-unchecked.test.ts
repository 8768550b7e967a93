/**
 * A backpack's copy that could not be checked (`indeterminate`: its key unreachable) never stands for
 * a valid local copy of the badge (synced-twin.ts standsFor): a forgery claiming a genuine badge's id,
 * signed with a key nobody can fetch, would otherwise hide the genuine badge behind an entry that
 * says nothing. The user's badge stays listed, valid, beside the copy marked as not checked; nothing
 * is deleted.
 */
import { describe, expect, it } from 'vitest';
import type { Backpack } from '../backpack/server.ts';
import { harness, useBackpack } from './harness.ts';
import { besideGenuine, claimingCopy, listedAgain, shown, signInSynced } from './twin-list.ts';

const unchecked = useBackpack();
const twoBp = useBackpack();
const text = (t: string) => ({ kind: 'text' as const, text: t });
const UNCHECKED = 'unchecked-programmer';

/**
 * A signed badge giving itself Ada's programmer badge's id (twin-list.ts claimingCopy), its issuer's
 * profile and key never answering (the connection dropped): the engine can neither confirm nor
 * refute it, nor bind it to any issuer.
 */
function unreachableKey(bp: Backpack, to?: string): string {
  const id = claimingCopy(bp, UNCHECKED, { id: 'iss-dark', name: 'The Analytical Society' }, to);
  bp.control.failNext({ path: bp.control.stateForTests.urls.issuer('iss-dark').slice(bp.baseUrl.length), drop: true, count: 10_000 });
  return id;
}

/** The local badge hidden behind the unchecked copy, as an older Lanyard hid it. */
async function hiddenBehindIt() {
  const id = unreachableKey(unchecked.bp);
  const h = await harness();
  const local = await h.app.library.import(text(id));
  const account = await signInSynced(h, unchecked.bp);
  await h.db.hidden.hide(local.key, `${account.id}|${UNCHECKED}`);
  expect(await h.db.badges.get(local.key)).toBeUndefined();
  return { id, h, local, account };
}

const copyOf = async (h: Awaited<ReturnType<typeof harness>>, key: string) => {
  const r = (await h.db.badges.get(key))!;
  expect(r.verdict).toBe('indeterminate');
  expect(r.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('indeterminate');
  return r;
};

describe('a backpack copy that cannot be checked, claiming a valid local badge\'s id', () => {
  it('a sync leaves the local badge listed, valid, beside the copy marked not checked', async () => {
    const id = unreachableKey(unchecked.bp);
    const h = await harness();
    const local = await h.app.library.import(text(id));
    expect(local.verdict).toBe('valid');
    const account = await signInSynced(h, unchecked.bp);
    const copy = await copyOf(h, `${account.id}|${UNCHECKED}`);
    expect(copy.meta.credentialId).toBe(id);
    expect(await shown(h, id)).toEqual([{ key: copy.key, verdict: 'indeterminate' }, { key: local.key, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
    expect((await h.db.originals.get(local.key))!.hidden).toBeUndefined();
  });

  it('the badge imported after the sync is the user\'s own entry, not "held" as that copy\'s twin', async () => {
    const id = unreachableKey(unchecked.bp);
    const h = await harness();
    const account = await signInSynced(h, unchecked.bp);
    const view = await h.app.library.import(text(id));
    expect(view).toMatchObject({ accountId: 'local', verdict: 'valid' });
    expect(view).not.toHaveProperty('heldFrom');
    expect(await shown(h, id)).toEqual([{ key: `${account.id}|${UNCHECKED}`, verdict: 'indeterminate' }, { key: view.key, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('hidden already behind it (as an older Lanyard hid it): the next sync puts it back', async () => {
    const { id, h, local, account } = await hiddenBehindIt();
    await h.app.sync.run(account.id);
    await listedAgain(h, id, local.key);
  });

  it('hidden already behind it: removing that copy puts the badge back, it is not deleted', async () => {
    const { id, h, local, account } = await hiddenBehindIt();
    await h.app.library.remove(`${account.id}|${UNCHECKED}`);
    expect(await shown(h, id)).toEqual([{ key: local.key, verdict: 'valid' }]);
  });
});

describe('a copy that cannot be checked in a second backpack, beside the genuine copy in the first', () => {
  it('the local badge hidden behind the genuine copy comes back when that one signs out', async () => {
    const id = unreachableKey(twoBp.bp, 'grace@example.org');
    const h = await harness();
    const { local, ada, grace } = await besideGenuine(h, twoBp.bp, id);
    await copyOf(h, `${grace.id}|${UNCHECKED}`);
    expect(await shown(h, id)).toEqual([{ key: `${ada.id}|ada-programmer`, verdict: 'valid' }, { key: `${grace.id}|${UNCHECKED}`, verdict: 'indeterminate' }].sort((a, b) => a.key.localeCompare(b.key)));
    await h.app.accounts.signOut(ada.id);
    expect(await shown(h, id)).toContainEqual({ key: local.key, verdict: 'valid' });
  });
});
