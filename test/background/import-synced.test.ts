/**
 * A badge the user imports into the local backpack that a connected backpack already synced: one
 * entry, the backpack's, and the popup is told from where (synced-copy.ts). Before, the import made a
 * second entry of the same badge. What the user added is kept as the synced copy's hidden twin
 * (synced-twin.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { guards } from '../../src/messaging/validate.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const url = (p: string) => `${ctx.bp.baseUrl}${p}`;
const text = (t: string) => ({ kind: 'text' as const, text: t });
const file = (name: string, u: Uint8Array) => ({ kind: 'file' as const, name, base64: Buffer.from(u).toString('base64') });
const bytes = async (p: string) => new Uint8Array(await (await fetch(url(p))).arrayBuffer());

async function synced() {
  const h = await harness();
  const account = await badgrSignIn(h, ctx.bp.baseUrl);
  await h.app.sync.run(account.id);
  const key = `${account.id}|ada-programmer`;
  const record = (await h.db.badges.get(key))!;
  expect(record.meta.credentialId).toBe(url('/public/assertions/ada-programmer'));
  return { h, account, key, record, count: await h.db.badges.count() };
}

describe('importing a badge a connected backpack synced already', () => {
  it('by its link or its baked image: one entry, the backpack\'s, said as held from that backpack', async () => {
    const { h, account, key, record, count } = await synced();
    for (const source of [text(url('/public/assertions/ada-programmer')), file('programmer.png', await bytes('/public/assertions/ada-programmer/baked'))]) {
      const view = await h.app.library.import(source);
      expect(view).toMatchObject({ key, accountId: account.id, alreadyHeld: true, heldFrom: account.providerName });
      expect(await h.db.badges.count()).toBe(count);
      expect((await h.app.library.list()).filter((b) => b.name === view.name)).toHaveLength(1);
    }
    // The backpack's copy is left as it was: nothing of it lost or rewritten.
    expect(await h.db.badges.get(key)).toEqual(record);
  });

  it('a badge no backpack holds is added locally as before, and one held locally already is updated there', async () => {
    const { h, count } = await synced();
    const other = await h.app.library.import(text(url('/ob3/credentials/ob3-ada-di')));
    expect(other.accountId).toBe('local');
    expect(other.alreadyHeld).toBeUndefined();
    expect(await h.db.badges.count()).toBe(count + 1);
  });

  it('the reply with heldFrom passes the popup\'s reply guard, and one whose heldFrom is no text does not', async () => {
    const { h } = await synced();
    const view = await h.app.library.import(text(url('/public/assertions/ada-programmer')));
    const guard = guards.popup.reply['badges/import'];
    expect(guard(view)).toBe(true);
    expect(guard({ ...view, heldFrom: 1 })).toBe(false);
  });
});
