/**
 * Hostile review (session 11): what a picker site's own scripts learn when the user opens Lanyard's
 * picker (run `npm run build` first). The rows sit in a closed shadow root, but a picture they show
 * is requested by the page's document, and the page's service worker (Gmail, Outlook and LinkedIn
 * each run one) sees every such request. Before, the picker showed each badge's hosted picture: the
 * page learned which badges the user holds (up to a hundred, and the results of each search) before
 * anything was chosen. Resource Timing does not show these requests to the page (checked here too);
 * the service worker did. Now a row shows only a picture the message holds (data:), and the
 * placeholder otherwise: the service worker sees nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { clickButton, inShadow, pickerOptions, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;
/** A service worker the page registers: it keeps the URL of every request its documents make. */
const SPY = `
  const seen = [];
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
  self.addEventListener('fetch', (e) => { seen.push(e.request.url); });
  self.addEventListener('message', (e) => e.source.postMessage(seen));
`;
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : url.pathname === '/mail/u/1/' ? fixture('gmail-two-composes-and-reply.html') : null));
  await env.ext.context.route('https://mail.google.com/sw-spy.js', (route) => route.fulfill({ contentType: 'text/javascript', body: SPY }));
});
afterAll(async () => {
  await env?.close();
});

describe('the picker on a picker site whose scripts are hostile', () => {
  it('the page and its service worker learn no picture URL of the user’s badges', async () => {
    expect(env.problems).toEqual([]);
    const page = await env.ext.context.newPage();
    // The hostile badge's picture is on a public host (https://hostile.example): served, so that it would load.
    await page.route('https://hostile.example/badges/1/image', (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: GIF }));
    await page.addInitScript(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.seen.push(e.name))).observe({ type: 'resource', buffered: true });
      document.addEventListener('securitypolicyviolation', (e) => w.seen.push(`csp ${e.blockedURI}`));
    });
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    await page.waitForSelector('[data-lanyard="insert-badge"]');
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.register('/sw-spy.js');
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      return navigator.serviceWorker.controller !== null;
    });
    expect(controlled).toBe(true);
    await clickButton(page, 'insert-badge', 0);
    expect((await pickerOptions(page)).length).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'test-results/gmail-picker-no-pictures.png' });
    const fromWorker = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data as string[]), { once: true });
          navigator.serviceWorker.controller!.postMessage('seen');
        }),
    );
    const fromPage = await page.evaluate(() => [...(window as unknown as { seen: string[] }).seen, ...performance.getEntriesByType('resource').map((e) => e.name)]);
    const badgePictures = (urls: string[]) => urls.filter((u) => u.includes('hostile.example') || u.includes(env.backpack.baseUrl));
    expect(badgePictures(fromWorker)).toEqual([]);
    expect(badgePictures(fromPage)).toEqual([]);
    await page.close();
  }, 120_000);

  it('the picker’s painted size does not tell how many badges the user holds, or how many match a search', async () => {
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    await clickButton(page, 'insert-badge', 0);
    expect((await pickerOptions(page)).length).toBeGreaterThanOrEqual(2);
    // What the page can do: hit-test every point and see where Lanyard's host is (the shadow root hides what, not where).
    const painted = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-lanyard="picker"]');
        let top = Infinity;
        let bottom = -Infinity;
        for (let y = 0; y < innerHeight; y += 2) {
          for (let x = 0; x < innerWidth; x += 20) {
            if (document.elementFromPoint(x, y) !== host) continue;
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
        }
        return bottom - top;
      });
    const withRows = await painted();
    expect(withRows).toBeGreaterThan(100);
    // The user searches for something they do not hold: no rows.
    await page.keyboard.type('zzzz no such badge');
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelectorAll('li[role=option]').length === 0));
    expect(await painted()).toBe(withRows);
    await page.close();
  }, 120_000);

  it('the page’s own fonts never draw Lanyard’s text: a font the page names like one of Lanyard’s would be fetched for the characters it shows', async () => {
    const page = await env.ext.context.newPage();
    const probes: string[] = [];
    await page.route('https://mail.google.com/font-probe/**', (route) => (probes.push(route.request().url()), route.fulfill({ status: 404, body: '' })));
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    // @font-face rules of the document reach into shadow roots: each family name Lanyard might ask for, for every character.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = ['-apple-system', 'Segoe UI', 'Roboto']
        .map((f, i) => `@font-face{font-family:"${f}";src:url(/font-probe/${i}.woff2);unicode-range:U+0-10FFFF}`)
        .join('');
      document.head.append(style);
    });
    await clickButton(page, 'insert-badge', 0);
    expect((await pickerOptions(page)).length).toBeGreaterThanOrEqual(2);
    // Characters the machine's UI font lacks fall back through the listed families (CSS Fonts 4 §5): a badge named in
    // another script, or here the search the user types.
    await page.keyboard.type('中文');
    await page.waitForTimeout(1000);
    expect(probes).toEqual([]);
    await page.close();
  }, 120_000);
});
