/**
 * A backpack's copy with the id of a local badge but for another achievement of the same issuer
 * never stands for it (synced-twin.ts standsFor). Real issuers reuse one credential id for several
 * awards: MIT Learn's course, module and program certificates (DCC's template, real-issuers-12) all
 * carry one urn:uuid id. Here the test backpack's OB 3.0 issuer signs two such credentials (VC-JWT,
 * OB 3.0 §8.2.4): the course certificate, which the user added as a file, and the program
 * certificate, synced from the backpack. Before, the synced program certificate hid the local course
 * certificate as its twin (the same issuer, both valid): the user saw one badge, and removing the
 * program certificate removed the course one with it.
 */
import { describe, expect, it } from 'vitest';
import type { BadgeRecord } from '../../src/platform/records.ts';
import type { Backpack } from '../backpack/server.ts';
import { sameIdAward } from './same-id-award.ts';
import { harness, useBackpack, type Harness } from './harness.ts';
import { shown } from './twin-list.ts';

const ctx = useBackpack();
const ID = 'urn:uuid:5f0c8f2e-3b1a-4c7d-9e2f-6a1b2c3d4e5f';

/** One credential of the backpack's OB 3.0 issuer with the shared id, signed as a VC-JWT; stored in the backpack for Ada when `entityId` is given. */
function credential(bp: Backpack, achievementId: string, name: string, entityId?: string): string {
  return sameIdAward(bp, ID, entityId ?? `ob3-${achievementId}`, achievementId, name, entityId ? '2026-03-01T10:00:00Z' : undefined);
}

const course = (bp: Backpack) => credential(bp, 'ach-course-ai', 'Foundations of Universal AI');
/** The program certificate in the backpack (entity `ob3-program`), under the same id. */
const programInBackpack = (bp: Backpack) => credential(bp, 'ach-program-med', 'AI and Precision Medicine', 'ob3-program');
const signInOb3 = async (h: Harness) => (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
const keyOf = async (h: Harness, account: string) => (await h.db.badges.byAccount(account)).find((r) => r.meta.credentialId === ID)!.key;
const names = async (h: Harness) => (await Promise.all((await shown(h, ID)).map(async (s) => [(await h.db.badges.get(s.key))!.meta.name, s.verdict]))).sort();

describe('a synced copy of another achievement under the id of a local badge', () => {
  it('a sync lists both: the local course certificate is not hidden behind the program certificate', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
    expect(local).toMatchObject({ verdict: 'valid', name: 'Foundations of Universal AI' });
    programInBackpack(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    expect((await h.db.badges.get(await keyOf(h, account)))).toMatchObject({ verdict: 'valid', meta: { name: 'AI and Precision Medicine' } });
    expect(await names(h)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
    expect((await h.db.originals.get(local.key))!.hidden).toBeUndefined();
    // Removing the program certificate leaves the course certificate.
    await h.app.library.remove(await keyOf(h, account));
    expect(await names(h)).toEqual([['Foundations of Universal AI', 'valid']]);
  });

  it('the course certificate added after the sync is the user\'s own entry, not "held" as the program certificate', async () => {
    const h = await harness();
    programInBackpack(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const view = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
    expect(view).toMatchObject({ accountId: 'local', verdict: 'valid', name: 'Foundations of Universal AI' });
    expect(view).not.toHaveProperty('heldFrom');
    expect(view).not.toHaveProperty('alreadyHeld');
    expect(await names(h)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
  });

  it('hidden already behind it (as an older Lanyard hid it): the next sync puts it back; so does removing the copy', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
    programInBackpack(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const copy = await keyOf(h, account);
    await h.db.hidden.reveal(local.key);
    expect(await h.db.hidden.hide(local.key, copy)).toBe(true);
    await h.app.sync.run(account);
    expect((await h.db.originals.get(local.key))!.hidden).toBeUndefined();
    expect(await h.db.hidden.hide(local.key, copy)).toBe(true);
    await h.app.library.remove(copy);
    expect(await names(h)).toEqual([['Foundations of Universal AI', 'valid']]);
  });

  it('the backpack\'s copy of the same achievement still stands for the local badge: one entry', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: credential(ctx.bp, 'ach-course-ai', 'Foundations of Universal AI', 'ob3-program') });
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    expect(await shown(h, ID)).toEqual([{ key: await keyOf(h, account), verdict: 'valid' }]);
    expect((await h.db.originals.get(local.key))!.hidden).toMatchObject({ meta: { name: 'Foundations of Universal AI' } });
  });

  it('another award added under the id of a hidden twin is listed beside, and the twin stays hidden behind its copy', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: credential(ctx.bp, 'ach-course-ai', 'Foundations of Universal AI', 'ob3-program') });
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const view = await h.app.library.import({ kind: 'text', text: credential(ctx.bp, 'ach-program-med', 'AI and Precision Medicine') });
    expect(view).toMatchObject({ accountId: 'local', name: 'AI and Precision Medicine' });
    expect(view).not.toHaveProperty('alreadyHeld');
    expect(view.key).not.toBe(local.key);
    expect(await shown(h, ID)).toEqual([{ key: await keyOf(h, account), verdict: 'valid' }, { key: view.key, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
    expect((await h.db.originals.get(local.key))!.hidden).toMatchObject({ meta: { name: 'Foundations of Universal AI' } });
  });
});

/** The record as stored before Lanyard kept the achievement id (BadgeMeta.achievementId). */
const before = ({ meta: { achievementId: _a, ...meta }, ...r }: BadgeRecord): BadgeRecord => ({ ...r, meta });

/** The local badge hidden inside its original as a record stored before achievementId existed, behind the backpack's copy `copy`. */
async function hiddenOld(h: Harness, key: string, copy: string) {
  await h.db.hidden.reveal(key);
  await h.db.badges.put(before((await h.db.badges.get(key))!));
  expect(await h.db.hidden.hide(key, copy)).toBe(true);
  expect((await h.db.originals.get(key))!.hidden!.meta.achievementId).toBeUndefined();
}

describe('local records stored before the achievement id was kept', () => {
  it('a listed one: the program certificate synced does not hide it; it is checked again and learns its achievement', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
    await h.db.badges.put(before((await h.db.badges.get(local.key))!));
    programInBackpack(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    expect(await names(h)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
    expect((await h.db.badges.get(local.key))!.meta.achievementId).toBe(ctx.bp.control.stateForTests.urls.ob3Achievement('ach-course-ai'));
  });

  it('a hidden one behind another award: the next sync puts it back; removing that copy never drops it', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
    programInBackpack(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const copy = await keyOf(h, account);
    await hiddenOld(h, local.key, copy);
    await h.app.sync.run(account);
    expect(await names(h)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
    await hiddenOld(h, local.key, copy);
    await h.app.library.remove(copy);
    expect(await names(h)).toEqual([['Foundations of Universal AI', 'valid']]);
  });

  it('a hidden one behind another award whose record is as old (neither tells its achievement): removing that copy never drops it', async () => {
    // Both as an older Lanyard stored them; the next sync (within a day: the copy, unchanged, is not checked again) learns nothing.
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
    programInBackpack(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const copy = await keyOf(h, account);
    await hiddenOld(h, local.key, copy);
    await h.db.badges.put(before((await h.db.badges.get(copy))!));
    await h.app.sync.run(account);
    await h.app.library.remove(copy);
    expect(await names(h)).toEqual([['Foundations of Universal AI', 'valid']]);
  });

  it('a hidden one behind the backpack\'s copy of the same award stays hidden after the next sync: one entry', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: credential(ctx.bp, 'ach-course-ai', 'Foundations of Universal AI', 'ob3-program') });
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const copy = await keyOf(h, account);
    await hiddenOld(h, local.key, copy);
    await h.app.sync.run(account);
    expect(await shown(h, ID)).toEqual([{ key: copy, verdict: 'valid' }]);
    expect((await h.db.originals.get(local.key))!.hidden).toMatchObject({ meta: { name: 'Foundations of Universal AI' } });
  });

  it('a backpack\'s copy stored before: the course certificate added is the user\'s own entry, not "held" as that copy', async () => {
    const h = await harness();
    programInBackpack(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const copy = await keyOf(h, account);
    await h.db.badges.put(before((await h.db.badges.get(copy))!));
    const view = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
    expect(view).toMatchObject({ accountId: 'local', name: 'Foundations of Universal AI' });
    expect(view).not.toHaveProperty('heldFrom');
    expect(await names(h)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
  });
});

describe('a backup holding a hidden twin and another award under its id', () => {
  it('restores both awards: without the backpack, both listed; with it signed in, the twin hidden again behind its copy, the other award listed', async () => {
    const h = await harness();
    const local = await h.app.library.import({ kind: 'text', text: credential(ctx.bp, 'ach-course-ai', 'Foundations of Universal AI', 'ob3-program') });
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const other = await h.app.library.import({ kind: 'text', text: credential(ctx.bp, 'ach-program-med', 'AI and Precision Medicine') });
    expect((await h.db.originals.get(local.key))!.hidden).toBeDefined();
    const { json } = await h.app.backup.export();
    expect((JSON.parse(json) as { badges: { key: string; hiddenBehind?: string }[] }).badges.filter((e) => e.key.startsWith('local|')).map((e) => [e.key, e.hiddenBehind]).sort()).toEqual([[local.key, expect.any(String)], [other.key, undefined]].sort());

    const alone = await harness();
    await alone.app.backup.import(json);
    expect(await names(alone)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
    expect((await alone.db.badges.get(local.key))!.meta.achievementId).toBe(ctx.bp.control.stateForTests.urls.ob3Achievement('ach-course-ai'));

    const signed = await harness();
    const there = await signInOb3(signed);
    await signed.app.sync.run(there);
    await signed.app.backup.import(json);
    expect(await shown(signed, ID)).toEqual([{ key: await keyOf(signed, there), verdict: 'valid' }, { key: other.key, verdict: 'valid' }].sort((a, b) => a.key.localeCompare(b.key)));
    expect((await signed.db.originals.get(local.key))!.hidden).toMatchObject({ meta: { name: 'Foundations of Universal AI' } });
  });
});
