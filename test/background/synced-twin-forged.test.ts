/**
 * A backpack's copy that fails stands for the user's own copy of the same badge only when a check of
 * the user's copy fails too (synced-twin.ts standsFor): a forgery claiming a genuine badge's id (put
 * into the user's backpack: Badgr adds badges issued to a verified address) never hides the genuine
 * badge, by a sync, an import or a backup restore; a badge the issuer revoked since still leaves one
 * entry, the backpack's, which says so.
 */
import { describe, expect, it } from 'vitest';
import { GRACE } from '../backpack/seed-data.ts';
import type { Backpack } from '../backpack/server.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';
import { hiddenAsBefore, listedAgain, shown, signInSynced } from './twin-list.ts';

const forgedBp = useBackpack();
const revokedBp = useBackpack();
const twoBp = useBackpack();
const text = (t: string) => ({ kind: 'text' as const, text: t });
const FORGED = 'forged-programmer';

/**
 * Ada's programmer badge, held by the user only locally (the backpack lists it no more: Badgr
 * files it under an address of no account), and in the backpack a forgery claiming its id: a
 * genuine signed badge of the same issuer to Ada, its id changed, so its signature no longer matches.
 */
function forge(bp: Backpack, to?: string): string {
  const state = bp.control.stateForTests;
  if (!to) state.badges.get('ada-programmer')!.recipientEmail = 'nobody@elsewhere.example';
  const donor = state.badges.get('ada-notes-signed')!;
  const [header, , signature] = donor.compact!.split('.');
  const json = { ...donor.json, id: state.urls.assertion('ada-programmer') };
  state.badges.set(FORGED, { ...donor, entityId: FORGED, json, compact: `${header}.${Buffer.from(JSON.stringify(json)).toString('base64url')}.${signature}`, ...(to ? { recipientEmail: to } : {}) });
  return state.urls.assertion('ada-programmer');
}

describe('a forged backpack copy claiming a genuine local badge\'s id', () => {
  it('a sync leaves the genuine local badge listed, valid, beside the forgery marked not valid', async () => {
    const id = forge(forgedBp.bp);
    const h = await harness();
    const local = await h.app.library.import(text(id));
    expect(local.verdict).toBe('valid');
    const account = await signInSynced(h, forgedBp.bp);
    const forged = (await h.db.badges.get(`${account.id}|${FORGED}`))!;
    expect(forged).toMatchObject({ verdict: 'invalid', meta: { credentialId: id } });
    expect(forged.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'fail' });
    expect(await shown(h, id)).toEqual([{ key: forged.key, verdict: 'invalid' }, { key: local.key, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
    expect((await h.db.originals.get(local.key))!.hidden).toBeUndefined();
    // A second sync (the backpack's copy checked again, the local one already judged) changes nothing.
    await h.app.sync.run(account.id);
    expect((await shown(h, id)).map((e) => e.key)).toContain(local.key);
  });

  it('the genuine badge imported after the sync is added as the user\'s own entry, not as the forgery\'s', async () => {
    const id = forge(forgedBp.bp);
    const h = await harness();
    const account = await signInSynced(h, forgedBp.bp);
    const view = await h.app.library.import(text(id));
    expect(view).toMatchObject({ accountId: 'local', verdict: 'valid' });
    expect(view).not.toHaveProperty('heldFrom');
    expect((await shown(h, id)).map((e) => e.verdict).sort()).toEqual(['invalid', 'valid']);
    expect(await h.db.badges.get(view.key)).toBeDefined();
    expect(await h.db.badges.get(`${account.id}|${FORGED}`)).toBeDefined();
  });

  it('a backup restored where the forgery is synced lists the genuine badge', async () => {
    const id = forge(forgedBp.bp);
    const before = await harness();
    const local = await before.app.library.import(text(id));
    const { json } = await before.app.backup.export();
    const there = await harness();
    await signInSynced(there, forgedBp.bp);
    expect(await there.app.backup.import(json)).toMatchObject({ imported: 1 });
    await listedAgain(there, id, local.key);
  });
});

describe('a genuine local badge hidden already', () => {
  it('behind a forgery (as an older Lanyard hid it): the next sync puts it back in the list', async () => {
    const id = forge(forgedBp.bp);
    const { h, local, account } = await hiddenAsBefore(forgedBp.bp, id, FORGED);
    await h.app.sync.run(account.id);
    await listedAgain(h, id, local.key);
  });

  it('behind a genuine copy, with a forgery in another backpack: it comes back when the genuine one signs out', async () => {
    const id = forge(twoBp.bp, 'grace@example.org');
    const h = await harness();
    const local = await h.app.library.import(text(id));
    const ada = await signInSynced(h, twoBp.bp);
    const grace = await badgrSignIn(h, twoBp.bp.baseUrl, GRACE.username, GRACE.password);
    await h.app.sync.run(grace.id);
    expect(grace.id).not.toBe(ada.id);
    expect((await h.db.badges.get(`${grace.id}|${FORGED}`))!.verdict).toBe('invalid');
    // One badge, the backpack's genuine copy; the forgery beside it.
    expect(await shown(h, id)).toEqual([{ key: `${ada.id}|ada-programmer`, verdict: 'valid' }, { key: `${grace.id}|${FORGED}`, verdict: 'invalid' }].sort((a, b) => a.key.localeCompare(b.key)));
    await h.app.accounts.signOut(ada.id);
    expect(await shown(h, id)).toContainEqual({ key: local.key, verdict: 'valid' });
  });
});

describe('a genuine backpack copy the issuer revoked since the user added the badge', () => {
  it('hides the stale local "valid" copy, which is checked again and kept revoked for sign-out', async () => {
    const bp = revokedBp.bp;
    const id = bp.control.stateForTests.urls.assertion('ada-programmer');
    const h = await harness();
    const local = await h.app.library.import(text(id));
    expect(local.verdict).toBe('valid');
    bp.control.revokeBadge('ada-programmer');
    const account = await signInSynced(h, bp);
    const key = `${account.id}|ada-programmer`;
    expect(await shown(h, id)).toEqual([{ key, verdict: 'invalid' }]);
    const hidden = (await h.db.originals.get(local.key))!.hidden!;
    expect(hidden).toMatchObject({ key: local.key, verdict: 'invalid' });
    await h.app.accounts.signOut(account.id);
    expect(await shown(h, id)).toEqual([{ key: local.key, verdict: 'invalid' }]);
  });
});
