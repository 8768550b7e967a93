/**
 * A badge page pasted into "Add a badge": the link users copy is their badge's web page (Credly's
 * www.credly.com/badges/{id}), whose data is elsewhere (badge-data-urls.ts, the rule hover uses).
 * It was fetched as it was, answered HTML, and was stored as "Badge at www.credly.com", unchecked
 * for good; now the badge behind it is read, checked and stored under its data's link.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

import { API, ASSERTION, DOCS, ID } from './credly-docs.ts';

const PAGE = `https://www.credly.com/badges/${ID}/public_url`;
/** A picture with no badge inside (a 1×1 PNG: IHDR, IEND). */
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 73, 69, 78, 68, 0xae, 0x42, 0x60, 0x82]);
const HTML = '<!DOCTYPE html><html><head><title>Cloud Basics</title></head><body>Cloud Basics</body></html>';

async function setup() {
  const fetched: string[] = [];
  const h = await harness({
    fetch: async (input: string | URL | Request) => {
      const url = String(input);
      fetched.push(url);
      if (DOCS[url]) return new Response(JSON.stringify(DOCS[url]), { headers: { 'content-type': 'application/json' } });
      if (url.endsWith('.png')) return new Response(PNG, { headers: { 'content-type': 'image/png' } });
      if (url.endsWith('/list.json')) return new Response('{"data":[{"id":1}]}', { headers: { 'content-type': 'application/json' } });
      return new Response(HTML, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    },
    permissions: { contains: async (u: string) => new URL(u).origin === 'https://api.credly.com', request: async () => false },
  } as never);
  return { h, fetched };
}

describe('a badge page pasted into Add a badge', () => {
  it("Credly's badge page: the badge behind it is read and checked, and stored under its data's link", async () => {
    const { h, fetched } = await setup();
    const view = await h.app.library.import({ kind: 'text', text: PAGE });
    expect(view.name).toBe('Cloud Basics');
    expect(view.verdict).not.toBe('indeterminate');
    expect(fetched).not.toContain(PAGE);
    const stored = (await h.db.badges.get(view.key))!;
    expect(new TextDecoder().decode((await h.db.originals.get(view.key))!.bytes)).toBe(ASSERTION);
    expect(stored.original.kind).toBe('url');
    // The same badge by its data's link is the badge held already, not a second one.
    const again = await h.app.library.import({ kind: 'text', text: ASSERTION });
    expect(again.key).toBe(view.key);
    expect(again.alreadyHeld).toBe(true);
    expect(await h.db.badges.count()).toBe(1);
  });

  it('any other page is fetched as it is; one that answers a web page is not added, and the answer says what to paste instead', async () => {
    const { h, fetched } = await setup();
    const other = 'https://api.credly.com/some/page';
    // It was kept as "Badge at api.credly.com", a badge that was never one and never could be checked.
    const refused = h.app.library.import({ kind: 'text', text: other });
    await expect(refused).rejects.toMatchObject({ code: 'ERR_WEB_PAGE' });
    await expect(refused).rejects.toThrow(/web page/);
    expect(fetched).toContain(other);
    expect(await h.db.badges.count()).toBe(0);
  });

  it('a link to a picture with no badge inside, or to JSON that is no badge, is not added as an invalid badge: it is no badge at all', async () => {
    const { h } = await setup();
    // Both were kept as an invalid "Badge at api.credly.com" ("does not serve a badge"): a false invalid.
    await expect(h.app.library.import({ kind: 'text', text: `${API}/i.png` })).rejects.toMatchObject({ code: 'ERR_NOT_BAKED' });
    await expect(h.app.library.import({ kind: 'text', text: `${API}/list.json` })).rejects.toMatchObject({ code: 'ERR_NOT_A_BADGE' });
    expect(await h.db.badges.count()).toBe(0);
  });
});
