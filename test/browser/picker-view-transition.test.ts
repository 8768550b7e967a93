/**
 * The picker under a page's view transition, in Chromium with the built extension (attack35): the real 2020 Gmail
 * compose, whose page, once the picker is armed, starts a view transition that draws its own picture above the top layer
 * (test/browser/firefox/view-transition.ts: a named element, live, over the picker) and lets the pointer through
 * (`::view-transition { pointer-events: none }`). A person's click where the first row was puts nothing in: under a
 * transition the browser's hit test finds the document, not the picker (picker.ts `hitsHost`: closed), and a pick asks
 * top-layer.ts first (`:active-view-transition`: refused). A site animating its own route change under the picker does
 * not close it (attack36): it stays open, says the page is changing, and picks again once the transition has ended and
 * the panel has been seen for ARM_MS. Run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inShadow, waitFor } from '../content/support/browser.ts';
import type { WithBadges } from '../content/support/extension.ts';
import { armed, firstRow, inserted, launchGmail, pickerOpen as openOn } from './support/gmail-picker.ts';
import { LOOK_ALIKE_TRANSITION } from './firefox/view-transition.ts';

let env: WithBadges;
const SHOTS = resolve(import.meta.dirname, '../../.tmp/shots');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await launchGmail();
});
afterAll(async () => {
  await env?.close();
});

const pickerOpen = (): Promise<Page> => openOn(env);

describe('the picker against a page’s view transition', () => {
  it('a transition drawing the page’s picture over the armed picker, clicks let through: the click picks nothing', async () => {
    const page = await pickerOpen();
    await waitFor(() => armed(page));
    const at = await firstRow(page);
    const box = { x: 0, y: 0, w: 1280, h: 720 };
    await page.evaluate(([f, w, a]) => new Function('return ' + f)()(w, a), [LOOK_ALIKE_TRANSITION.toString(), 'Click here to claim your prize', box] as const);
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(SHOTS, 'picker-view-transition.png') });
    expect(await page.evaluate(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(700);
    expect(await inserted(page)).toBe(false);
    await page.close();
  });

  it('a transition the page runs while the picker is open: the picker stays, refuses picks while it lasts, then picks', async () => {
    const page = await pickerOpen();
    await waitFor(() => armed(page));
    const at = await firstRow(page);
    // A route change: the page's content cross-fades, nothing drawn over the panel on purpose (the root's snapshot is).
    await page.evaluate(([f, w, a]) => new Function('return ' + f)()(w, a), [LOOK_ALIKE_TRANSITION.toString(), 'Inbox', { x: 0, y: 0, w: 200, h: 40 }] as const);
    // Several looks (200 ms each) and IntersectionObserver v2 reports (100 ms) while the transition lasts.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
    expect(await inShadow(page, 'picker', (root) => root.querySelector('[role=dialog]') !== null)).toBe(true);
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(300);
    expect(await inserted(page)).toBe(false);
    const said = await inShadow(page, 'picker', (root) => root.querySelector('.s [data-q]')?.getAttribute('data-q') ?? '');
    expect(said).toMatch(/page is changing/);
    await page.evaluate(() => (window as unknown as { endTransition: () => void }).endTransition());
    // Its end seen at the next look (200 ms), which counts as a raise: armed again ARM_MS later.
    await page.waitForTimeout(400);
    await waitFor(() => armed(page));
    // The refusal's words above the rows moved them down: where the first row is now.
    const now = await firstRow(page);
    await page.mouse.click(now.x, now.y);
    await waitFor(() => inserted(page));
    await page.close();
  });
});
