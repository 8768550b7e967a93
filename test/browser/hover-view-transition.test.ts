/**
 * The hover card under a page's view transition, in Chromium with Playwright's real pointer (attack35). A view
 * transition's pseudo-elements are painted above the whole document, its top layer included (CSS View Transitions 1
 * §"the view transition layer"), and the old state is a picture taken when the page starts it: a page that drew its own
 * "✓ Verified" look-alike where the card appears, started a transition (the picture taken with it) and held the old
 * picture with a long animation had the person read its look-alike while Lanyard's card, "✕ Revoked", was painted under
 * it. While the document has a view transition (`:active-view-transition`) the card shows no verdict; it does once the
 * transition ends. The feature is bundled into a plain page with a runtime answering every badge revoked
 * (support/hover-script.ts); a screenshot is kept in .tmp/shots/ to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inShadow } from '../content/support/browser.ts';
import { bundleHoverVerify } from './support/hover-script.ts';
import { CHROMIUM } from './launch.ts';
import { LOOK_ALIKE_TRANSITION } from './firefox/view-transition.ts';

const SHOTS = resolve(import.meta.dirname, '../../.tmp/shots');
const BADGE = 'https://badges.test/public/assertions/abcd1234';
let browser: Browser;
let script = '';

beforeAll(async () => {
  script = await bundleHoverVerify({ verdict: 'invalid', name: 'A badge', issuerName: 'An issuer', issuerSite: 'issuer.test', message: 'Revoked' });
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

const cardState = (page: Page) => inShadow(page, 'hover-card', (root) => root.querySelector('.c')?.getAttribute('data-state') ?? '').catch(() => '');
const cardText = (page: Page) => inShadow(page, 'hover-card', (root) => [...root.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(' ')).catch(() => '');

const PAGE = `<a id="l" style="display:inline-block;width:200px;height:40px" href="${BADGE}">Genuine</a>`;

/** The card for the link reached by Tab (no hit test tells that a transition is drawn over it) or by the pointer, showing its verdict; then the page's transition. */
async function coveredCard(by: 'pointer' | 'keyboard'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.setContent(`<!doctype html><html lang="en"><body style="margin:40px">${PAGE}</body></html>`);
  await page.addScriptTag({ content: script });
  if (by === 'keyboard') await page.keyboard.press('Tab');
  else {
    const box = (await page.locator('#l').boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  }
  await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('✕');
  const at = await inShadow(page, 'hover-card', (root) => {
    const b = root.querySelector('.c')!.getBoundingClientRect();
    return { x: b.left, y: b.top, w: b.width, h: b.height };
  });
  await page.evaluate(([f, w, a]) => new Function('return ' + f)()(w, a), [LOOK_ALIKE_TRANSITION.toString(), '✓ Verified badge', at] as const);
  return page;
}

describe('the hover card under a page’s view transition, in Chromium', () => {
  for (const by of ['pointer', 'keyboard'] as const) {
    it(`the card reached by the ${by}, a transition drawing the page’s look-alike over it: no verdict shown while it lasts`, async () => {
      const page = await coveredCard(by);
      const states = new Set<string>();
      for (let i = 0; i < 8; i++) (await page.waitForTimeout(200), states.add(await cardState(page)));
      expect(await page.evaluate(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
      await page.screenshot({ path: resolve(SHOTS, `hover-view-transition-${by}.png`) });
      // The pointer's card goes (the browser's hit test finds the document under a transition: hover-verify.ts `clickable`);
      // the keyboard's says the site has a pop-up open (top-layer.ts `inTransition`), or goes where the box is seen covered.
      expect([...states].filter((s) => s !== '' && s !== 'withheld')).toEqual([]);
      await page.close();
    });
  }
});
