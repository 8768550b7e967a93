/**
 * The same badge added in several forms is one entry: its JSON, its baked PNG, its link, and its link
 * spelled otherwise (the scheme or host in capitals, an empty query: the server answers the same
 * badge, whose id is one). A link was kept under its own spelling, so each spelling of it, or a link
 * other than the badge's id (a backpack's public page answering the assertion), made a second entry of
 * one badge. Now a badge with an id is held under its id, however it came.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const url = (p: string) => `${ctx.bp.baseUrl}${p}`;
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const text = (t: string) => ({ kind: 'text' as const, text: t });
const file = (name: string, u: Uint8Array) => ({ kind: 'file' as const, name, base64: b64(u) });

describe('one badge added in several forms', () => {
  it('JSON, then its baked PNG, then its link in three spellings: one entry, the baked image kept', async () => {
    const h = await harness();
    const link = url('/public/assertions/ada-programmer');
    const json = await (await fetch(link, { headers: { accept: 'application/json' } })).text();
    const png = new Uint8Array(await (await fetch(url('/public/assertions/ada-programmer/baked'))).arrayBuffer());
    const views = [
      await h.app.library.import(file('a.json', new TextEncoder().encode(json))),
      await h.app.library.import(file('a.png', png)),
      await h.app.library.import(text(link)),
      await h.app.library.import(text(link.replace(/^http:\/\/127\.0\.0\.1/, 'HTTP://127.0.0.1'))),
      await h.app.library.import(text(`${link}?`)),
      await h.app.library.import(text(JSON.stringify(JSON.parse(json), null, 2))),
    ];
    expect(views.map((v) => v.verdict)).toEqual(Array(6).fill('valid'));
    expect(new Set(views.map((v) => v.key)).size).toBe(1);
    expect((await h.app.library.list()).map((v) => v.key)).toEqual([views[0]!.key]);
    expect((await h.db.badges.get(views[0]!.key))!.original.kind).toBe('png');
  });

  it('a link stored before under its own spelling (as Lanyard kept links) keeps its one entry when added again', async () => {
    const h = await harness();
    const odd = `${url('/public/assertions/ada-programmer')}?`;
    const first = await h.app.library.import(text(odd));
    // Moved to the key a link had before: its own spelling.
    const oldKey = `local|id:${odd}`;
    const record = (await h.db.badges.get(first.key))!;
    const original = (await h.db.originals.get(first.key))!;
    await h.db.saveBadge({ record: { ...record, key: oldKey, sourceId: `id:${odd}` }, original: { ...original, key: oldKey } });
    await h.app.library.remove(first.key);
    const again = await h.app.library.import(text(odd));
    expect(again.key).toBe(oldKey);
    expect((await h.app.library.list()).map((v) => v.key)).toEqual([oldKey]);
  });
});
