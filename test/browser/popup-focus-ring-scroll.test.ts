/**
 * Tab to the last control of a screen that scrolls (the welcome's "Restore from a Lanyard backup
 * file", the guide's address field) and the browser scrolled it just into view, border box flush
 * with the bottom of the scrolling <main>: its focus ring (2 px, 2 px out) was cut off there, and
 * the field's own lower edge with it (session 31 polish). <main> keeps room for the ring when focus
 * scrolls it now (scroll-padding, CSS Scroll Snap 1 §4.1, which scrolling into view honours).
 * Run `npm run build` first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** Tab until `found` holds for the focused element; then how far its ring reaches past <main>'s visible box (0: none). */
async function tabTo(page: Page, found: (el: Element) => boolean): Promise<{ top: number; bottom: number }> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${found.toString()})(document.activeElement)`)) break;
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    const cs = getComputedStyle(a);
    const reach = (parseFloat(cs.outlineWidth) || 0) + (parseFloat(cs.outlineOffset) || 0);
    const r = a.getBoundingClientRect();
    const m = (a.closest('main') as HTMLElement).getBoundingClientRect();
    return { top: Math.max(0, Math.round(m.top - (r.top - reach))), bottom: Math.max(0, Math.round(r.bottom + reach - m.bottom)) };
  });
}

it("the last control of the welcome and of the guide, reached with Tab, shows its whole focus ring", async () => {
  const { page, errors } = await openPopup(ext, '?preview=1&scenario=first-run');
  await page.getByRole('heading', { name: 'Welcome to Lanyard' }).waitFor();
  const restore = await tabTo(page, (el) => !!el.textContent?.includes('Restore from a Lanyard backup file'));
  await shot(page, 'focus-ring-welcome-restore');
  expect(restore).toEqual({ top: 0, bottom: 0 });

  await page.goto(page.url().replace('scenario=first-run', ''));
  await page.getByRole('button', { name: "Can't find a badge?" }).click();
  await page.getByRole('heading', { name: "Can't find a badge?" }).waitFor();
  const field = await tabTo(page, (el) => el.tagName === 'INPUT');
  await shot(page, 'focus-ring-guide-field');
  expect(field).toEqual({ top: 0, bottom: 0 });
  expect(errors).toEqual([]);
  await page.close();
});
