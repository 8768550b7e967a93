/**
 * Verify on hover inside web components (attack29), in Chromium with Playwright's real pointer. A document
 * listener sees an event from inside a shadow root on its host, and `closest()` stops at a root: a badge picture
 * or link inside a component's open shadow root, or slotted into one, got no card. Now they are followed along
 * the flat tree through open roots (src/content/dom/flat.ts), with every check the light DOM has: an open root's
 * own link around the slot is where a click goes (the card says so), its own link inside a badge link gets none.
 * Closed roots stay without a card: neither their inside nor what they hold around a slot can be seen from the
 * event's path. The feature is bundled into a plain page, with a runtime answering every badge valid (as in
 * hover-own-element.test.ts); screenshots are kept in .tmp/shots/ to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { grantHosts, inShadow, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { bundleHoverVerify } from './support/hover-script.ts';
import { CHROMIUM, launchExtension, type Launched } from './launch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, '.tmp/shots');
const BADGE = 'https://badges.test/public/assertions/abcd1234';
/** A badge picture (Badgr's image URL) drawn as a 200×60 box. */
const IMG = `<img src="${BADGE}/image" alt="Badge" style="display:block;width:200px;height:60px;background:#cde">`;
let browser: Browser;
let script = '';

beforeAll(async () => {
  script = await bundleHoverVerify({ verdict: 'valid', name: 'A badge', issuerName: 'An issuer', issuerSite: 'issuer.test', message: '' });
  mkdirSync(SHOTS, { recursive: true });
  // Image requests answered with nothing (no network).
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

const cardText = (page: Page) => inShadow(page, 'hover-card', (root) => [...root.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(' ')).catch(() => '');
const hasCard = (page: Page) => page.evaluate(() => document.querySelector('[data-lanyard="hover-card"]') !== null);

/** A page whose `#w` component gets a shadow root (`mode`) holding `inner`, its light children `light`. */
async function open(mode: 'open' | 'closed', inner: string, light = '', around = (w: string) => w): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.route('https://badges.test/**', (r) => r.fulfill({ status: 404, body: '' }));
  await page.setContent(`<!doctype html><html lang="en"><body style="margin:40px">${around(`<x-w id="w" style="display:block;width:200px">${light}</x-w>`)}` +
    `<script>document.getElementById('w').attachShadow({ mode: '${mode}' }).innerHTML = ${JSON.stringify(inner)};</script></body></html>`);
  await page.addScriptTag({ content: script });
  return page;
}

/** The user's pointer onto the component's middle (at `dy` from its top), moving, then resting there. */
async function dwell(page: Page, dy = 30): Promise<void> {
  const box = (await page.locator('#w').boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.move(box.x + box.width / 2, box.y + dy, { steps: 5 });
}

describe('badges inside open shadow roots get a card, in Chromium', () => {
  it('a badge picture inside a component’s open root', async () => {
    const page = await open('open', IMG);
    await dwell(page);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✓ Verified badge');
    expect(await cardText(page)).not.toContain('Clicking opens');
    await page.screenshot({ path: resolve(SHOTS, 'shadow-open-img.png') });
    await page.close();
  });

  it('a badge link inside a component’s open root', async () => {
    const page = await open('open', `<a href="${BADGE}" style="display:block;height:60px">Genuine</a>`);
    await dwell(page);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✓ Verified badge');
    await page.close();
  });

  it('a badge picture slotted into an open component', async () => {
    const page = await open('open', '<div style="padding:0"><slot></slot></div>', IMG);
    await dwell(page);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✓ Verified badge');
    await page.close();
  });

  it('a badge picture slotted into an open component that wraps the slot in its own link: the card says where a click goes', async () => {
    const page = await open('open', '<a href="https://phish.example/claim" style="display:block"><slot></slot></a>', IMG);
    await dwell(page);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Clicking opens phish.example');
    await page.screenshot({ path: resolve(SHOTS, 'shadow-open-slot-link.png') });
    await page.close();
  });

  it('text in a badge link with a component whose open root holds its own link: no card (a click opens that link)', async () => {
    const page = await open('open', '<a href="https://phish.example/claim" style="display:block;height:60px">Genuine</a>', '', (w) => `<a href="${BADGE}" style="display:block;width:200px">${w}</a>`);
    await dwell(page);
    await page.waitForTimeout(1500);
    expect(await hasCard(page)).toBe(false);
    await page.close();
  });
});

describe('closed shadow roots get none (what they hold cannot be seen from the event’s path), with the built extension', () => {
  // The extension's own chrome.dom.openOrClosedShadowRoot sees closed roots (own-click.ts); a plain page's runtime has none.
  let ext: Launched;
  const pages: Record<string, string> = {
    '/inside': `<x-w id="w" style="display:block;width:200px"></x-w><script>document.getElementById('w').attachShadow({ mode: 'closed' }).innerHTML = ${JSON.stringify(IMG)};</script>`,
    '/slotted': `<x-w id="w" style="display:block;width:200px">${IMG}</x-w><script>document.getElementById('w').attachShadow({ mode: 'closed' }).innerHTML = '<div><slot></slot></div>';</script>`,
    '/open': `<x-w id="w" style="display:block;width:200px">${IMG}</x-w><script>document.getElementById('w').attachShadow({ mode: 'open' }).innerHTML = '<div><slot></slot></div>';</script>`,
  };
  beforeAll(async () => {
    ext = await launchExtension();
    await serve(ext.context, 'https://blog.example/**', (u) => (u.pathname in pages ? `<!doctype html><html lang="en"><body style="margin:40px">${pages[u.pathname]}</body></html>` : null));
    expect(await popupSend(ext, 'settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    await grantHosts(ext, ['https://blog.example/*']);
    expect(await popupSend(ext, 'hover/site-add', { pattern: 'https://blog.example/*', addedGrant: true })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  for (const [path, card] of [['/open', true], ['/inside', false], ['/slotted', false]] as const) {
    it(`${path}: ${card ? 'a card (the test can fail)' : 'no card'}`, async () => {
      const page = await ext.context.newPage();
      const logs: string[] = [];
      page.on('console', (m) => logs.push(m.text()));
      await page.route('https://badges.test/**', (r) => r.fulfill({ status: 404, body: '' }));
      await page.goto(`https://blog.example${path}`);
      await waitFor(() => logs.includes('[lanyard] hover content script loaded'));
      await dwell(page);
      if (card) await expect.poll(() => hasCard(page), { timeout: 5000 }).toBe(true);
      else {
        await page.waitForTimeout(1500);
        expect(await hasCard(page)).toBe(false);
      }
      await page.close();
    });
  }
});
