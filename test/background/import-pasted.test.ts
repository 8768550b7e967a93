/**
 * Texts pasted into "Add a badge" as users copy them (pasted-text.ts): a `data:` link (RFC 2397),
 * which was refused as "neither JSON, a compact JWS nor an http(s) URL", and a badge link with a
 * #fragment, which made a second, indeterminate entry "Badge at <host>".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failure, harness } from './harness.ts';
import { ASSERTION, DOCS } from './credly-docs.ts';

async function setup() {
  const fetched: string[] = [];
  const h = await harness({
    fetch: async (input: string | URL | Request) => {
      const url = String(input);
      fetched.push(url);
      const doc = DOCS[url.replace(/#.*$/, '')];
      return doc ? new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } }) : new Response('', { status: 404 });
    },
    permissions: { contains: async () => true, request: async () => false },
  } as never);
  return { h, fetched };
}
const text = (t: string) => ({ kind: 'text' as const, text: t });
const JSON_TEXT = JSON.stringify(DOCS[ASSERTION]);

describe('a pasted data: link', () => {
  it('is the badge it carries, base64 or percent-encoded, kept as that badge (not as a link)', async () => {
    const { h } = await setup();
    const b64 = await h.app.library.import(text(`data:application/ld+json;base64,${Buffer.from(JSON_TEXT).toString('base64')}`));
    expect(b64).toMatchObject({ name: 'Cloud Basics', verdict: 'valid', accountId: 'local' });
    const stored = (await h.db.badges.get(b64.key))!;
    expect(stored.original.kind).toBe('json');
    expect(new TextDecoder().decode((await h.db.originals.get(b64.key))!.bytes)).toBe(JSON_TEXT);
    // The same badge again, percent-encoded and wrapped by an e-mail: held already, not a second entry.
    const pct = await h.app.library.import(text(`data:application/json,${encodeURIComponent(JSON_TEXT)}`));
    expect(pct).toMatchObject({ key: b64.key, alreadyHeld: true });
    expect(await h.db.badges.count()).toBe(1);
  });

  it('carrying a baked image is that image, kept as it', async () => {
    const { h } = await setup();
    const svg = readFileSync('test/fixtures/conformance/baking/ob30_simple-json.svg');
    const view = await h.app.library.import(text(`data:image/svg+xml;base64,${svg.toString('base64').replace(/(.{76})/g, '$1\n')}`));
    expect((await h.db.badges.get(view.key))!.original.kind).toBe('svg');
    expect((await h.db.originals.get(view.key))!.bytes).toEqual(new Uint8Array(svg));
  });

  it('too long for a message, sent as a file (popup/actions.ts), is read the same', async () => {
    const { h } = await setup();
    const link = new TextEncoder().encode(`data:application/json;base64,${Buffer.from(JSON_TEXT).toString('base64')}\n`);
    const view = await h.app.library.import({ kind: 'file', name: 'pasted', base64: Buffer.from(link).toString('base64') });
    expect(view).toMatchObject({ name: 'Cloud Basics', verdict: 'valid' });
    expect((await h.db.badges.get(view.key))!.original.kind).toBe('json');
  });

  it('that cannot be read, or holds no badge, is refused with a sentence and adds nothing', async () => {
    const { h } = await setup();
    expect(await failure(h.app.library.import(text('data:application/json;base64,@@@')))).toMatchObject({ code: 'ERR_NOT_A_BADGE', message: expect.stringMatching(/^This data: link could not be read \(its base64 is broken\)/) });
    expect(await failure(h.app.library.import(text('data:text/plain,%ZZ')))).toMatchObject({ code: 'ERR_NOT_A_BADGE', message: expect.stringContaining('could not be read') });
    expect(await failure(h.app.library.import(text('data:text/plain,hello')))).toMatchObject({ code: 'ERR_NOT_A_BADGE' });
    expect(await h.db.badges.count()).toBe(0);
  });
});

describe('a pasted badge link with a #fragment', () => {
  it('is the badge at the link without it: checked, and one entry with the link without it', async () => {
    const { h, fetched } = await setup();
    const plain = await h.app.library.import(text(ASSERTION));
    const withFragment = await h.app.library.import(text(`${ASSERTION}#badge`));
    expect(withFragment).toMatchObject({ key: plain.key, alreadyHeld: true, name: 'Cloud Basics', verdict: plain.verdict });
    expect(fetched.some((u) => u.includes('#'))).toBe(false);
    expect(await h.db.badges.count()).toBe(1);
  });
});
