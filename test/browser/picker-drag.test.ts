/**
 * Hostile review (session 13): dragging a picture out of the picker (run `npm run build` first). A
 * row of a badge kept as its baked image shows that image as a data: URL (picker-images.ts): the
 * whole baked PNG, credential and recipient included. An <img> is draggable by default, and a drag
 * that starts in a closed shadow root still fires `dragstart` at the page's document, whose data
 * store is readable then (HTML §6.11.2 "read/write mode" during dragstart): a page listening for it
 * got the baked badge as soon as the user's press on a row moved a few pixels, before anything
 * was chosen. The pictures are not draggable now.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { clickButton, inShadow, pickerOptions, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;
/** The Apache training toolkit's baked test badge (test/fixtures/README.md), issued to alice@example.org. */
const BAKED = resolve(import.meta.dirname, '../fixtures/real/apache-training/baked_7a64adf28737.png');

beforeAll(async () => {
  env = await launchWithBadges();
  // Its issuer's host cannot be reached here (no network): the badge stays indeterminate, and listed.
  await env.ext.context.route('https://training.apache.org/**', (route) => route.abort());
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : null));
});
afterAll(async () => {
  await env?.close();
});

describe('a picture in the picker', () => {
  it('cannot be dragged out: the page’s dragstart listener gets no baked badge', async () => {
    expect(env.problems).toEqual([]);
    const base64 = readFileSync(BAKED).toString('base64');
    expect(await popupSend(env.ext, 'badges/import', { source: { kind: 'file', name: 'baked.png', base64 } })).toMatchObject({ ok: true });
    const page = await env.ext.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { dragged: string[] };
      w.dragged = [];
      const take = (e: DragEvent) => w.dragged.push(`${e.type}: ${[...(e.dataTransfer?.types ?? [])].map((t) => `${t}=${(e.dataTransfer?.getData(t) ?? '').slice(0, 40)}`).join(' ')}`);
      document.addEventListener('dragstart', take, true);
      document.addEventListener('drop', take, true);
      document.addEventListener('dragover', (e) => e.preventDefault(), true);
    });
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    await clickButton(page, 'insert-badge', 0);
    await pickerOptions(page);
    // The row with the baked picture, where it is painted.
    const at = await waitFor(() =>
      inShadow(page, 'picker', (root) => {
        const img = root.querySelector('li img[src^="data:image/png"]');
        if (!img) return null;
        const r = img.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    );
    // The user presses on the picture and the pointer slips, then lets go over the page.
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 10, at.y + 10, { steps: 3 });
    await page.mouse.move(at.x + 200, at.y + 150, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const dragged = await page.evaluate(() => (window as unknown as { dragged: string[] }).dragged);
    expect(dragged.filter((d) => d.includes('data:'))).toEqual([]);
    expect(dragged.filter((d) => d.startsWith('dragstart'))).toEqual([]);
    // Nor does the page's document hold the credential at all: the row's picture is the PNG without its badge chunk.
    const src = await inShadow(page, 'picker', (root) => root.querySelector('li img[src^="data:image/png"]')!.getAttribute('src')!);
    const sent = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.includes(Buffer.from('openbadges'))).toBe(false);
    expect(sent.includes(Buffer.from('sha256$'))).toBe(false); // the recipient's hashed address
    expect(readFileSync(BAKED).includes(Buffer.from('openbadges'))).toBe(true);
    await page.close();
  }, 120_000);
});
