/**
 * A backpack's copy stands for the user's own copy of a badge only when the engine bound both to one
 * issuer (synced-twin.ts standsFor): another issuer's badge, validly signed by that issuer, that
 * claims a genuine badge's id (any issuer can write any id: VC DM 2.0 §4.4) never hides the genuine
 * badge, by a sync or an import; the backpack's genuine copy of the badge (the same issuer) still
 * stands for the local one.
 */
import { describe, expect, it } from 'vitest';
import type { Backpack } from '../backpack/server.ts';
import { harness, useBackpack } from './harness.ts';
import { besideGenuine, claimingCopy, hiddenAsBefore, listedAgain, shown, signInSynced } from './twin-list.ts';

const foreignBp = useBackpack();
const twinBp = useBackpack();
const twoBp = useBackpack();
const text = (t: string) => ({ kind: 'text' as const, text: t });
const FOREIGN = 'foreign-programmer';

/** Another issuer's valid badge (its own key, published) giving itself Ada's programmer badge's id. */
const foreign = (bp: Backpack, to?: string): string => claimingCopy(bp, FOREIGN, { id: 'iss-rival', name: 'Rival Society' }, to);

describe('another issuer\'s valid badge claiming a genuine local badge\'s id', () => {
  it('a sync lists both: the genuine local badge is not hidden behind it', async () => {
    const id = foreign(foreignBp.bp);
    const h = await harness();
    const local = await h.app.library.import(text(id));
    expect(local.verdict).toBe('valid');
    const account = await signInSynced(h, foreignBp.bp);
    const other = (await h.db.badges.get(`${account.id}|${FOREIGN}`))!;
    expect(other).toMatchObject({ verdict: 'valid', meta: { credentialId: id } });
    expect(other.meta.issuerId).not.toBe((await h.db.badges.get(local.key))!.meta.issuerId);
    expect(await shown(h, id)).toEqual([{ key: other.key, verdict: 'valid' }, { key: local.key, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
    expect((await h.db.originals.get(local.key))!.hidden).toBeUndefined();
  });

  it('the genuine badge imported after the sync is the user\'s own entry, listed, not "held" as the other\'s twin', async () => {
    const id = foreign(foreignBp.bp);
    const h = await harness();
    const account = await signInSynced(h, foreignBp.bp);
    const view = await h.app.library.import(text(id));
    expect(view).toMatchObject({ accountId: 'local', verdict: 'valid' });
    expect(view).not.toHaveProperty('heldFrom');
    expect(await shown(h, id)).toEqual([{ key: `${account.id}|${FOREIGN}`, verdict: 'valid' }, { key: view.key, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
  });
});

describe('a genuine local badge hidden already behind another issuer\'s copy (as an older Lanyard hid it)', () => {
  it('the next sync puts it back in the list', async () => {
    const id = foreign(foreignBp.bp);
    const { h, local, account } = await hiddenAsBefore(foreignBp.bp, id, FOREIGN);
    await h.app.sync.run(account.id);
    await listedAgain(h, id, local.key);
  });

  it('removing that copy puts it back in the list: the badge removed was never this one', async () => {
    const id = foreign(foreignBp.bp);
    const { h, local, account } = await hiddenAsBefore(foreignBp.bp, id, FOREIGN);
    await h.app.library.remove(`${account.id}|${FOREIGN}`);
    expect(await shown(h, id)).toEqual([{ key: local.key, verdict: 'valid' }]);
  });
});

describe('another issuer\'s copy in a second backpack, beside the genuine copy in the first', () => {
  it('removing it leaves the genuine local badge hidden behind the genuine copy, and back when that one signs out', async () => {
    const id = foreign(twoBp.bp, 'grace@example.org');
    const h = await harness();
    const { local, ada, grace } = await besideGenuine(h, twoBp.bp, id);
    expect(await shown(h, id)).toEqual([{ key: `${ada.id}|ada-programmer`, verdict: 'valid' }, { key: `${grace.id}|${FOREIGN}`, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
    await h.app.library.remove(`${grace.id}|${FOREIGN}`);
    expect((await h.db.originals.get(local.key))!.hidden).toMatchObject({ key: local.key, verdict: 'valid' });
    await h.app.accounts.signOut(ada.id);
    expect(await shown(h, id)).toEqual([{ key: local.key, verdict: 'valid' }]);
  });
});

describe('the backpack\'s genuine copy (the same issuer)', () => {
  it('still stands for the local badge: one entry, the backpack\'s, the local one hidden', async () => {
    const id = twinBp.bp.control.stateForTests.urls.assertion('ada-programmer');
    const h = await harness();
    const local = await h.app.library.import(text(id));
    const account = await signInSynced(h, twinBp.bp);
    const key = `${account.id}|ada-programmer`;
    expect((await h.db.badges.get(key))!.meta.issuerId).toBe((await h.db.originals.get(local.key))!.hidden?.meta.issuerId);
    expect(await shown(h, id)).toEqual([{ key, verdict: 'valid' }]);
  });
});
