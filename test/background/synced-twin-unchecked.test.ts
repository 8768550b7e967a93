/**
 * A backpack's copy that could not be checked (`indeterminate`: its key unreachable) never stands for
 * a valid local copy of the badge (synced-twin.ts standsFor): a forgery claiming a genuine badge's id,
 * signed with a key nobody can fetch, would otherwise hide the genuine badge behind an entry that
 * says nothing. The user's badge stays listed, valid, beside the copy marked as not checked; nothing
 * is deleted.
 */
import { describe, expect, it } from 'vitest';
import { keyRing } from '../backpack/crypto/keys.ts';
import { signCompactJws } from '../backpack/crypto/jws.ts';
import { ob2BadgeClass, ob2Issuer, ob2Record } from '../backpack/issuance/ob2.ts';
import type { Backpack } from '../backpack/server.ts';
import { GRACE } from '../backpack/seed-data.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';
import { shown, signInSynced } from './twin-list.ts';

const unchecked = useBackpack();
const twoBp = useBackpack();
const text = (t: string) => ({ kind: 'text' as const, text: t });
const UNCHECKED = 'unchecked-programmer';

/**
 * Ada's programmer badge (OB 2.0, hosted by the Analytical Society), held by the user only locally
 * (the backpack files it under an address of no account), and in the backpack a signed OB 2.0 badge
 * giving itself the programmer badge's id whose issuer's profile and key never answer (the connection
 * dropped): the engine can neither confirm nor refute it, nor bind it to any issuer.
 */
function unreachableKey(bp: Backpack, to = 'ada@example.org'): string {
  const { urls, issuers, badgeClasses, badges } = bp.control.stateForTests;
  badges.get('ada-programmer')!.recipientEmail = 'nobody@elsewhere.example';
  const id = urls.assertion('ada-programmer');
  issuers.set('iss-dark', ob2Issuer(urls, { entityId: 'iss-dark', name: 'The Analytical Society', description: 'Signs with a key nobody can read.', email: 'dark@dark.example', signs: true }));
  badgeClasses.set('bc-dark', ob2BadgeClass(urls, { entityId: 'bc-dark', issuerId: 'iss-dark', name: 'Programmer', description: 'A look-alike.', criteria: 'None.' }));
  const spec = { entityId: UNCHECKED, badgeClassId: 'bc-dark', issuerId: 'iss-dark', email: to, salt: 'dark', issuedOn: '2026-05-02T12:00:00Z', signed: true };
  const record = ob2Record(urls, spec, keyRing(), spec.issuedOn);
  const json = { ...record.json, id };
  badges.set(UNCHECKED, { ...record, json, compact: signCompactJws({ typ: 'JWT' }, json, keyRing().rsa) });
  bp.control.failNext({ path: urls.issuer('iss-dark').slice(bp.baseUrl.length), drop: true, count: 10_000 });
  return id;
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
    const id = unreachableKey(unchecked.bp);
    const h = await harness();
    const local = await h.app.library.import(text(id));
    const account = await signInSynced(h, unchecked.bp);
    await h.db.hidden.hide(local.key, `${account.id}|${UNCHECKED}`);
    expect(await h.db.badges.get(local.key)).toBeUndefined();
    await h.app.sync.run(account.id);
    expect(await shown(h, id)).toContainEqual({ key: local.key, verdict: 'valid' });
    expect((await h.db.originals.get(local.key))!.hidden).toBeUndefined();
  });

  it('hidden already behind it: removing that copy puts the badge back, it is not deleted', async () => {
    const id = unreachableKey(unchecked.bp);
    const h = await harness();
    const local = await h.app.library.import(text(id));
    const account = await signInSynced(h, unchecked.bp);
    await h.db.hidden.hide(local.key, `${account.id}|${UNCHECKED}`);
    expect(await h.db.badges.get(local.key)).toBeUndefined();
    await h.app.library.remove(`${account.id}|${UNCHECKED}`);
    expect(await shown(h, id)).toEqual([{ key: local.key, verdict: 'valid' }]);
  });
});

describe('a copy that cannot be checked in a second backpack, beside the genuine copy in the first', () => {
  it('the local badge hidden behind the genuine copy comes back when that one signs out', async () => {
    const id = unreachableKey(twoBp.bp, 'grace@example.org');
    const h = await harness();
    const local = await h.app.library.import(text(id));
    twoBp.bp.control.stateForTests.badges.get('ada-programmer')!.recipientEmail = 'ada@example.org';
    const ada = await signInSynced(h, twoBp.bp);
    const grace = await badgrSignIn(h, twoBp.bp.baseUrl, GRACE.username, GRACE.password);
    await h.app.sync.run(grace.id);
    await copyOf(h, `${grace.id}|${UNCHECKED}`);
    expect(await shown(h, id)).toEqual([{ key: `${ada.id}|ada-programmer`, verdict: 'valid' }, { key: `${grace.id}|${UNCHECKED}`, verdict: 'indeterminate' }].sort((a, b) => a.key.localeCompare(b.key)));
    await h.app.accounts.signOut(ada.id);
    expect(await shown(h, id)).toContainEqual({ key: local.key, verdict: 'valid' });
  });
});
