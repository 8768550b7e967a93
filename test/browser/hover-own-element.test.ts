/**
 * The hover card stays only beside the element it checked, and only where a click opens that element's
 * link (attack28), in Chromium with Playwright's real pointer. A hostile page:
 * - swapped the genuine badge link under the resting pointer for its own look-alike (replaceWith, or the
 *   genuine one moved away and its own put in its place): Chromium sends no mouseout to a removed element
 *   nor to one that moves from under a still pointer, and "✓ Verified badge" stayed beside phish.example
 *   (by CSS alone too: `html:has(>[data-lanyard="hover-card"])` shows the page's own link over it);
 * - put inside a genuine badge link a `<button form>` submitting to its server, or a declarative closed
 *   shadow root holding its own link (neither needs a script): the card vouched for the badge with no
 *   word of where a click goes, and the click opened phish.example.
 * - kept the card up by stopping, at the window, the events that would take it down (below, attack34).
 * The first ones run the hover feature bundled into a plain page (a runtime answering every badge
 * valid, as in hover-click-target.test.ts); the closed shadow root needs the built extension (the card
 * sees it through chrome.dom.openOrClosedShadowRoot). Run `npm run build` first.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { grantHosts, inShadow, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { bundleHoverVerify } from './support/hover-script.ts';
import { CHROMIUM, launchExtension, type Launched } from './launch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BADGE = 'https://badges.test/public/assertions/abcd1234';
let browser: Browser;
let script = '';

beforeAll(async () => {
  script = await bundleHoverVerify({ verdict: 'valid', name: 'A badge', issuerName: 'An issuer', issuerSite: 'issuer.test', message: '' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

const cardText = (page: Page) => inShadow(page, 'hover-card', (root) => [...root.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(' ')).catch(() => '');
const hasCard = (page: Page) => page.evaluate(() => document.querySelector('[data-lanyard="hover-card"]') !== null);

/** The user's pointer onto the element, moving, then resting there. */
async function dwell(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
}

/** Where a click at the element's middle goes (every request answered, the first one named). */
async function clickGoesTo(page: Page, selector: string): Promise<string> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.route('**/*', (r) => r.fulfill({ body: 'elsewhere' }));
  const went = page.waitForRequest(() => true, { timeout: 3000 }).then((r) => new URL(r.url()).host).catch(() => 'nowhere');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return went;
}

const LINK = `style="display:inline-block;width:200px;height:40px"`;

describe('a card beside what it checked, in Chromium', () => {
  for (const [what, swap] of [
    ['the page replaces the link', `const a = document.getElementById('l'); const b = document.createElement('a'); b.href = 'https://phish.example/claim'; b.id = 'n'; b.textContent = 'Genuine'; b.style.cssText = a.style.cssText; a.replaceWith(b);`],
    ['the page moves the link away and puts its own in its place', `const a = document.getElementById('l'); const b = document.createElement('a'); b.href = 'https://phish.example/claim'; b.id = 'n'; b.textContent = 'Genuine'; b.style.cssText = a.style.cssText + ';position:absolute;left:40px;top:40px'; a.style.position = 'absolute'; a.style.left = '-900px'; document.body.append(b);`],
  ] as const) {
    it(`${what} under the resting pointer: the card goes`, async () => {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      await page.setContent(`<!doctype html><html lang="en"><body style="margin:40px"><a id="l" ${LINK} href="${BADGE}">Genuine</a></body></html>`);
      await page.addScriptTag({ content: script });
      await dwell(page, '#l');
      await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✓ Verified badge');
      await page.evaluate(swap);
      await expect.poll(() => hasCard(page), { timeout: 3000 }).toBe(false);
      expect(await clickGoesTo(page, '#n')).toBe('phish.example');
      await page.close();
    });
  }

  it('the page’s own link laid over the checked one when the card appears, by CSS alone (:has()): the card goes', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.setContent(`<!doctype html><html lang="en"><head><style>#n{display:none;position:absolute;left:40px;top:40px;width:200px;height:40px;background:#fff}` +
      `html:has(>[data-lanyard="hover-card"]) #n{display:block}</style></head><body style="margin:40px"><a id="l" ${LINK} href="${BADGE}">Genuine</a><a id="n" href="https://phish.example/claim">Genuine</a></body></html>`);
    await page.addScriptTag({ content: script });
    await dwell(page, '#l');
    // The card came (the overlay shows only while its host is there), then went as soon as the overlay was on top.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.getElementById('n')!).display), { timeout: 5000 }).toBe('block');
    await expect.poll(() => hasCard(page), { timeout: 3000 }).toBe(false);
    await page.close();
  });

  it('a <button form> inside a badge link (no script): no card, and a click there submits to the page’s server', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.setContent(`<!doctype html><html lang="en"><body style="margin:40px"><form id="f" action="https://phish.example/claim"></form>` +
      `<a id="l" href="${BADGE}"><button form="f" id="b" style="all:unset;display:inline-block;width:200px;height:40px;color:blue">Genuine</button></a> <a id="g" ${LINK} href="${BADGE}">Genuine</a></body></html>`);
    await page.addScriptTag({ content: script });
    // The same link without the button: a card (the test can fail).
    await dwell(page, '#g');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✓ Verified badge');
    await page.mouse.move(700, 500, { steps: 3 });
    await expect.poll(() => hasCard(page), { timeout: 3000 }).toBe(false);
    await dwell(page, '#b');
    await page.waitForTimeout(1200);
    expect(await hasCard(page)).toBe(false);
    expect(await clickGoesTo(page, '#b')).toBe('phish.example');
    await page.close();
  });
});

/**
 * The page's capturing listeners on the window run before any the document has (DOM §2.9: the window is first on the
 * event path): once a card was up beside the genuine link, a page that stopped the pointer's moves and `mouseout` (or
 * `focusout`) kept "✓ Verified" there while the person pointed at (or tabbed to) the page's own link beside it
 * (attack34). What the browser says the pointer is over (`:hover`) and what has the focus owe nothing to events.
 */
describe('a card the page keeps up by stopping events, in Chromium', () => {
  async function twoLinks(stopped: string[]): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.setContent(`<!doctype html><html lang="en"><body style="margin:40px"><a id="l" ${LINK} href="${BADGE}">Genuine</a> <a id="n" ${LINK} href="https://phish.example/claim">Look-alike</a>` +
      `<script>for (const t of ${JSON.stringify(stopped)}) addEventListener(t, (e) => { if (window.stopping) e.stopImmediatePropagation(); }, true);</script></body></html>`);
    await page.addScriptTag({ content: script });
    return page;
  }
  const stopNow = (page: Page) => page.evaluate(() => ((window as unknown as { stopping: boolean }).stopping = true));

  it('pointed at: the person moves on to the page’s own link while the page stops the pointer’s moves and mouseout; the card goes', async () => {
    const page = await twoLinks(['pointermove', 'mousemove', 'pointerout', 'mouseout', 'pointerover', 'mouseover', 'pointerleave', 'mouseleave']);
    await dwell(page, '#l');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✓ Verified badge');
    await stopNow(page);
    await dwell(page, '#n');
    expect(await page.evaluate(() => document.getElementById('n')!.matches(':hover'))).toBe(true);
    await expect.poll(() => hasCard(page), { timeout: 2000 }).toBe(false);
    await page.close();
  });

  it('reached by Tab: the person tabs on to the page’s own link while the page stops focusout and focusin; the card goes', async () => {
    const page = await twoLinks(['focusout', 'focusin', 'blur', 'focus']);
    await page.mouse.move(700, 500);
    await page.keyboard.press('Tab');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✓ Verified badge');
    await stopNow(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('n');
    await expect.poll(() => hasCard(page), { timeout: 2000 }).toBe(false);
    await page.close();
  });
});

describe('a closed shadow root inside a badge link, with the built extension', () => {
  let ext: Launched;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badges</title></head><body style="margin:40px">
<p><a id="g" ${LINK} href="https://blog.example/public/assertions/abcd1234">Genuine</a></p>
<p><a id="l" style="display:inline-block" href="https://blog.example/public/assertions/abcd1234"><span id="h" style="display:inline-block"><template shadowrootmode="closed"><a href="https://phish.example/claim" ${LINK}>Genuine</a></template></span></a></p>
</body></html>`;
  beforeAll(async () => {
    ext = await launchExtension();
    await serve(ext.context, 'https://blog.example/**', (u) => (u.pathname.startsWith('/public/') ? null : html));
    expect(await popupSend(ext, 'settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    await grantHosts(ext, ['https://blog.example/*']);
    expect(await popupSend(ext, 'hover/site-add', { pattern: 'https://blog.example/*', addedGrant: true })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('no card on it (a click there opens the page’s own link); the link’s own text still gets one', async () => {
    const page = await ext.context.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto('https://blog.example/badges');
    await waitFor(() => logs.includes('[lanyard] hover content script loaded'));
    await dwell(page, '#g');
    await expect.poll(() => hasCard(page), { timeout: 5000 }).toBe(true);
    await page.mouse.move(700, 500, { steps: 3 });
    await expect.poll(() => hasCard(page), { timeout: 3000 }).toBe(false);
    await dwell(page, '#h');
    await page.waitForTimeout(1500);
    expect(await hasCard(page)).toBe(false);
    expect(await clickGoesTo(page, '#h')).toBe('phish.example');
    await page.close();
  });
});
