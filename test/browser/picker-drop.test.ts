/**
 * Drag and drop on the picker's search, kept from the page, in Chromium with the built extension (attack37). Drag
 * events are composed (HTML §6.11.5 "fire a DND event": composed flag set): one whose target is in the picker's
 * closed shadow root reaches the page's window and document, retargeted to the host. There the page read what the
 * user dropped into the search (a `drop` listener may read the drag data store: HTML §6.11.2 "read-only mode"), and
 * what the user dragged out of it (`dragstart`: "read/write mode", in which it could also put its own words in the
 * user's drag). The window's first listener (src/content/keys-first.ts, document_start: src/content/dom/key-shield.ts)
 * now stops them while they are the picker's, and the drop still goes into the search. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { inShadow, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';
import { pickerOpen } from './support/gmail-picker.ts';

/** The page's first script: every drag event on its window and document, capturing and bubbling, with what it carries. */
const PAGE_DRAG_EARS = `function () {
  window.dragHeard = [];
  ['dragstart', 'drag', 'dragend', 'dragenter', 'dragover', 'dragleave', 'drop'].forEach(function (t) {
    [window, document].forEach(function (target) {
      [true, false].forEach(function (capture) {
        target.addEventListener(t, function (e) {
          var d = e.dataTransfer;
          var said = d ? Array.prototype.map.call(d.types, function (k) { return k + '=' + d.getData(k); }).join(' ') : '';
          if (t === 'dragstart' && d) d.setData('text/plain', 'the page put this in');
          window.dragHeard.push(t + ' ' + said);
        }, capture);
      });
    });
  });
}`;

let env: WithBadges;

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) =>
    url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL).replace(/<head[^>]*>/i, (m) => `${m}<script>(${PAGE_DRAG_EARS})()</script>`) : null);
});
afterAll(async () => {
  await env?.close();
});

const heard = (page: Page) => page.evaluate(() => (window as unknown as { dragHeard: string[] }).dragHeard);
const search = (page: Page) => inShadow(page, 'picker', (root) => (root.querySelector('input') as HTMLInputElement).value);
const searchBox = (page: Page) =>
  inShadow(page, 'picker', (root) => {
    const r = root.querySelector('input')!.getBoundingClientRect();
    return { x: r.x, y: r.y + r.height / 2, width: r.width };
  });

describe('drag and drop on the picker’s search, kept from the page', () => {
  it('text the person drops into the search (from another window) goes in, and the page hears no drag event nor reads the text', async () => {
    const page = await pickerOpen(env);
    await page.evaluate(() => void ((window as unknown as { dragHeard: string[] }).dragHeard = []));
    const box = await searchBox(page);
    const at = { x: box.x + box.width / 2, y: box.y };
    // A drag from outside the page (another application): the browser's own drag events, trusted, with the person's text.
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [{ mimeType: 'text/plain', data: 'zqx-dropped' }], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: at.x, y: at.y, data });
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', x: at.x, y: at.y, data });
    await cdp.detach();
    await waitFor(async () => (await search(page)) === 'zqx-dropped');
    // The drop searched (it is the person's own edit, announced by its beforeinput: insertFromDrop).
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelectorAll('li[role=option]').length === 0));
    await page.waitForTimeout(300);
    expect(await heard(page)).toEqual([]);
    await page.close();
  });

  it('what the person drops on the page while the picker has the focus still reaches the page (its drop zone: unheard, the browser would open a dropped file in the tab)', async () => {
    const page = await pickerOpen(env);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard'))).toBe('picker');
    await page.evaluate(() => {
      (window as unknown as { dragHeard: string[] }).dragHeard = [];
      // The site's drop zone, as Gmail's compose has: it takes the drop (else the browser opens what was dropped).
      for (const t of ['dragover', 'drop']) document.addEventListener(t, (e) => e.preventDefault());
    });
    const at = await page.evaluate(() => {
      const r = document.querySelector('div[g_editable="true"]')!.getBoundingClientRect();
      return { x: r.x + 10, y: r.y + 10 };
    });
    const picker = await inShadow(page, 'picker', (root) => root.querySelector('[role=dialog]')!.getBoundingClientRect().toJSON() as DOMRect);
    expect(at.x < picker.left || at.x > picker.right || at.y < picker.top || at.y > picker.bottom).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [{ mimeType: 'text/plain', data: 'for-the-page' }], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: at.x, y: at.y, data });
    await cdp.detach();
    await waitFor(async () => (await heard(page)).some((d) => d.startsWith('drop text/plain=for-the-page')));
    expect(page.url()).toContain('mail.google.com');
    await page.close();
  });

  it('a page that moves the picker into a closed shadow root of its own hears no drop there either (attack38)', async () => {
    const page = await pickerOpen(env);
    // The page's own component, its root closed: composedPath() at the window leaves out every node inside it, the
    // picker's host too, so the first listener did not know the drop for the picker's and the page read its text.
    await page.evaluate(() => {
      const box = document.createElement('div');
      document.body.append(box);
      const root = box.attachShadow({ mode: 'closed' });
      root.append(document.querySelector('[data-lanyard="picker"]')!);
    });
    await page.waitForTimeout(400);
    await page.evaluate(() => void ((window as unknown as { dragHeard: string[] }).dragHeard = []));
    const box = await searchBox(page);
    const at = { x: box.x + box.width / 2, y: box.y };
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [{ mimeType: 'text/plain', data: 'zqx-secret' }], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: at.x, y: at.y, data });
    await cdp.detach();
    // Held as the picker's (its default action, the text going into the search, still happens).
    await waitFor(async () => (await search(page)) === 'zqx-secret');
    await page.waitForTimeout(300);
    expect((await heard(page)).filter((d) => d.includes('zqx-secret'))).toEqual([]);
    await page.close();
  });

  it('the search’s text the person drags (dropped back in the search): the page hears no dragstart, so it can neither read it nor put its own words in the drag', async () => {
    const page = await pickerOpen(env);
    await page.keyboard.type('zqx');
    await waitFor(async () => (await search(page)) === 'zqx');
    await page.keyboard.press('Shift+Home');
    await page.evaluate(() => void ((window as unknown as { dragHeard: string[] }).dragHeard = []));
    const box = await searchBox(page);
    // Press on the selected text (it starts at the field's left padding) and move within the field.
    await page.mouse.move(box.x + 12, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x + 30, box.y, { steps: 4 });
    await page.mouse.move(box.x + box.width - 20, box.y, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const got = await heard(page);
    expect(got.filter((d) => d.includes('zqx'))).toEqual([]);
    expect(got).toEqual([]);
    expect(await search(page)).not.toContain('the page put this in');
    await page.close();
  });
});
