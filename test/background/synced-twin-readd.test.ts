/**
 * A local baked image hidden behind its backpack copy (synced-twin.ts), then that copy found not
 * confirmed (indeterminate: a Check all while its issuer could not be reached), so that it no longer
 * stands for the user's valid copy (standsFor). Adding the badge again (its link) must not write over
 * the hidden one: the hidden record and its original (the image's bytes) live under the key the new
 * copy is stored at, and an import that does not reveal it first replaced them, a baked image traded
 * for a bare link (library.ts keeps the image only for a listed record).
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const url = (p: string) => `${ctx.bp.baseUrl}${p}`;
const ASSERTION = '/public/assertions/ada-programmer';
const localKey = () => badgeKey('local', `id:${url(ASSERTION)}`);

describe('a hidden baked image, its backpack copy no longer confirmed, the badge added again as a link', () => {
  it('keeps the image: the user\'s copy is listed with its bytes, nothing is lost', async () => {
    const h = await harness();
    const account = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(account.id);
    const png = new Uint8Array(await (await fetch(url(`${ASSERTION}/baked`))).arrayBuffer());
    await h.app.library.import({ kind: 'file', name: 'programmer.png', base64: Buffer.from(png).toString('base64') });
    expect((await h.db.originals.get(localKey()))?.hidden).toBeDefined();
    const copy = (await h.db.badges.get(`${account.id}|ada-programmer`))!;
    await h.db.badges.put({ ...copy, verdict: 'indeterminate' });
    const view = await h.app.library.import({ kind: 'text', text: url(ASSERTION) });
    expect(view).toMatchObject({ key: localKey(), verdict: 'valid' });
    expect((await h.db.badges.get(localKey()))!.original.kind).toBe('png');
    expect((await h.db.originals.get(localKey()))!.bytes).toEqual(png);
  });
});
