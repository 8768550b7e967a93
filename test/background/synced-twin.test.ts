/**
 * One badge, one entry, and nothing the user added is lost (synced-twin.ts): a local badge a
 * signed-in backpack's copy stands for is that copy's hidden twin, put back when the account signs
 * out, removed with the backpack's copy when the user removes it.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../src/background/services/base64.ts';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { badgrSignIn, harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();
const url = (p: string) => `${ctx.bp.baseUrl}${p}`;
const text = (t: string) => ({ kind: 'text' as const, text: t });
const file = (name: string, u: Uint8Array) => ({ kind: 'file' as const, name, base64: Buffer.from(u).toString('base64') });
const bytes = async (p: string) => new Uint8Array(await (await fetch(url(p))).arrayBuffer());
const ASSERTION = '/public/assertions/ada-programmer';
const localKey = () => badgeKey('local', `id:${url(ASSERTION)}`);

async function signedIn(h: Harness) {
  const account = await badgrSignIn(h, ctx.bp.baseUrl);
  await h.app.sync.run(account.id);
  const key = `${account.id}|ada-programmer`;
  expect((await h.db.badges.get(key))!.meta.credentialId).toBe(url(ASSERTION));
  return { account, key };
}

/** The entries the list shows for the badge. */
const entries = async (h: Harness, name: string) => (await h.app.library.list()).filter((b) => b.name === name);

describe('a badge the user added that a backpack synced: signing out keeps it', () => {
  it('a baked image added after the sync comes back as a local badge, with its bytes, on sign-out', async () => {
    const h = await harness();
    const { account, key } = await signedIn(h);
    const png = await bytes(`${ASSERTION}/baked`);
    const view = await h.app.library.import(file('programmer.png', png));
    expect(view).toMatchObject({ key, heldFrom: account.providerName });
    expect(await entries(h, view.name)).toHaveLength(1);
    await h.app.accounts.signOut(account.id);
    const shown = await entries(h, view.name);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ key: localKey(), accountId: 'local' });
    const detail = await h.app.library.get(localKey());
    expect(detail.verdict).toBe('valid');
    const record = (await h.db.badges.get(localKey()))!;
    expect(record.original).toEqual({ kind: 'png', fileName: 'programmer.png' });
    expect(fromBase64((await h.app.library.download(localKey(), 'baked')).base64)).toEqual(png);
    expect((await h.db.originals.get(localKey()))!.hidden).toBeUndefined();
  });

  it('a link added after the sync comes back as that link; a baked image added then a link keeps the image', async () => {
    const h = await harness();
    const { account } = await signedIn(h);
    const png = await bytes(`${ASSERTION}/baked`);
    await h.app.library.import(text(url(ASSERTION)));
    await h.app.library.import(file('programmer.png', png));
    await h.app.library.import(text(url(ASSERTION)));
    await h.app.accounts.signOut(account.id);
    expect((await h.db.badges.get(localKey()))!.original.kind).toBe('png');
    expect((await h.db.originals.get(localKey()))!.bytes).toEqual(png);
  });

  it('removing the entry shown removes the copy it stood for: nothing comes back on sign-out', async () => {
    const h = await harness();
    const { account, key } = await signedIn(h);
    const view = await h.app.library.import(text(url(ASSERTION)));
    expect(await h.app.library.remove(key)).toEqual({ removed: true });
    expect(await h.db.originals.get(localKey())).toBeUndefined();
    await h.app.accounts.signOut(account.id);
    expect(await entries(h, view.name)).toHaveLength(0);
    expect(await h.db.badges.count()).toBe(0);
  });
});

describe('a badge added locally, then synced by a backpack: one entry', () => {
  it('the backpack\'s copy is shown, the local one kept hidden and put back on sign-out', async () => {
    const h = await harness();
    const local = await h.app.library.import(file('programmer.png', await bytes(`${ASSERTION}/baked`)));
    expect(local.key).toBe(localKey());
    const before = (await h.db.badges.get(local.key))!;
    const { account, key } = await signedIn(h);
    const shown = await entries(h, local.name);
    expect(shown.map((b) => b.key)).toEqual([key]);
    expect(await h.db.badges.count()).toBe(await h.db.badges.countByAccount(account.id));
    // Added again: the backpack's entry, the hidden one updated in place, still one entry.
    expect(await h.app.library.import(text(url(ASSERTION)))).toMatchObject({ key, heldFrom: account.providerName });
    expect((await entries(h, local.name)).map((b) => b.key)).toEqual([key]);
    await h.app.accounts.signOut(account.id);
    const back = (await h.db.badges.get(local.key))!;
    expect(back).toMatchObject({ key: before.key, accountId: 'local', original: before.original, verdict: 'valid', addedAt: before.addedAt });
    expect((await entries(h, local.name)).map((b) => b.key)).toEqual([local.key]);
  });

  it('a second sync leaves one entry, and signing in again hides the local copy again', async () => {
    const h = await harness();
    const local = await h.app.library.import(text(url(ASSERTION)));
    const { account, key } = await signedIn(h);
    await h.app.sync.run(account.id);
    expect((await entries(h, local.name)).map((b) => b.key)).toEqual([key]);
    await h.app.accounts.signOut(account.id);
    expect((await entries(h, local.name)).map((b) => b.key)).toEqual([local.key]);
    const again = await signedIn(h);
    expect((await entries(h, local.name)).map((b) => b.key)).toEqual([again.key]);
  });

  it('removing the backpack\'s entry removes the local copy too', async () => {
    const h = await harness();
    const local = await h.app.library.import(text(url(ASSERTION)));
    const { account, key } = await signedIn(h);
    expect(await h.app.library.remove(key)).toEqual({ removed: true });
    expect(await entries(h, local.name)).toHaveLength(0);
    await h.app.accounts.signOut(account.id);
    expect(await h.db.badges.get(local.key)).toBeUndefined();
    expect(await h.db.originals.get(local.key)).toBeUndefined();
  });
});

describe('a hidden twin in a backup (backup.ts)', () => {
  it('is exported, and restored hidden again behind the backpack signed in there, or listed alone where it is not', async () => {
    const h = await harness();
    const png = await bytes(`${ASSERTION}/baked`);
    const local = await h.app.library.import(file('programmer.png', png));
    const { key } = await signedIn(h);
    const { json } = await h.app.backup.export();
    const entriesOf = (JSON.parse(json) as { badges: { key: string; hiddenBehind?: string }[] }).badges;
    expect(entriesOf.find((e) => e.key === local.key)).toMatchObject({ hiddenBehind: key });

    // Restored where that backpack is signed in: one entry, the user's copy hidden again, with its bytes.
    const there = await harness();
    const again = await signedIn(there);
    expect(await there.app.backup.import(json)).toMatchObject({ imported: 1 });
    expect((await entries(there, local.name)).map((b) => b.key)).toEqual([again.key]);
    expect((await there.db.originals.get(local.key))!.hidden).toMatchObject({ key: local.key, accountId: 'local' });
    expect((await there.db.originals.get(local.key))!.bytes).toEqual(png);
    // A second restore adds nothing: the hidden copy is held.
    expect(await there.app.backup.import(json)).toMatchObject({ imported: 0 });

    // Restored where no backpack is signed in: the user's own copy is the one entry, as after a sign-out.
    const fresh = await harness();
    await fresh.app.backup.import(json);
    const shown = await entries(fresh, local.name);
    expect(shown.map((b) => b.key)).toEqual([local.key]);
    expect(fromBase64((await fresh.app.library.download(local.key, 'baked')).base64)).toEqual(png);
  });
});
