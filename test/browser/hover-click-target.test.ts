/**
 * Where a click on a badge picture goes, said on the hover card (content/sites/badge-urls.ts
 * clickTarget), in Chromium: the hover feature bundled into a plain page (no extension; a runtime that
 * answers every badge with a valid verdict), driven by Playwright's real pointer. The card goes when
 * the page points the link around the picture elsewhere; an SVG link's xlink:href is a namespaced
 * attribute, which a MutationObserver's attributeFilter never reports (DOM §4.3.3 "queue a mutation
 * record": not when the namespace is non-null), so a card that said 'phish.example' stayed up while a
 * click went elsewhere (review18b). jsdom reports it, so only a real browser shows this.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { inShadow } from '../content/support/browser.ts';
import { bundleHoverVerify } from './support/hover-script.ts';
import { CHROMIUM } from './launch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let browser: Browser;
let script = '';

beforeAll(async () => {
  script = await bundleHoverVerify({ verdict: 'valid', name: 'A badge', issuerName: 'An issuer', issuerSite: 'issuer.test', message: '' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

const cardText = (page: Parameters<typeof inShadow>[0]) =>
  inShadow(page, 'hover-card', (root) => [...root.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(' ')).catch(() => '');

describe('where a click goes, in Chromium', () => {
  for (const [what, link, change] of [
    ['an HTML link', '<a id="l" href="https://phish.example/claim">', `document.getElementById('l').setAttribute('href', 'https://other.example/')`],
    ['an SVG link with xlink:href', '<svg width="200" height="200"><a id="l" xlink:href="https://phish.example/claim"><foreignObject width="200" height="200">', `document.getElementById('l').setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', 'https://other.example/')`],
  ] as const) {
    it(`${what}: said, and the card goes when the page changes it`, async () => {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      const close = link.startsWith('<svg') ? '</foreignObject></a></svg>' : '</a>';
      await page.setContent(`<!doctype html><html lang="en"><body style="margin:40px">${link}<img id="p" src="https://badges.test/badge.png" alt="badge" width="120" height="120" style="display:block">${close}</body></html>`);
      await page.addScriptTag({ content: script });
      const box = (await page.locator('#p').boundingBox())!;
      await page.mouse.move(box.x + 10, box.y + 10);
      await page.mouse.move(box.x + 60, box.y + 60, { steps: 5 });
      await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Clicking opens phish.example, not this badge.');
      await page.evaluate(change);
      await expect.poll(() => page.evaluate(() => document.querySelector('[data-lanyard="hover-card"]') !== null), { timeout: 3000 }).toBe(false);
      await page.close();
    });
  }
});
