/**
 * Spacing and legibility found in the 2026-12-07 walk of the built popup (preview over the mock
 * actions, Chromium, 380×560), in light and dark: measured in the page, not judged by eye.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** The vertical room, in CSS px, between the bottom of the first box and the top of the second. */
const gapBetween = (page: Page, above: string, below: string) =>
  page.evaluate(([a, b]) => {
    const top = document.querySelector(a!)!.getBoundingClientRect();
    const bottom = document.querySelector(b!)!.getBoundingClientRect();
    return bottom.top - top.bottom;
  }, [above, below]);

for (const scheme of ['light', 'dark'] as const) {
  describe(`spacing (${scheme})`, () => {
    // "Details" sat 2 px above "Try again": two controls read as one, an easy mis-tap.
    it('the whole-screen error: Details and Try again stand apart, closed and opened', async () => {
      const { page, errors } = await openPopup(ext, '?preview=1&scenario=broken', scheme);
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      expect(await gapBetween(page, '.error-state .error-details', '.error-state > .button')).toBeGreaterThanOrEqual(8);
      await page.getByRole('button', { name: 'Details' }).click();
      await page.locator('.error-state .error-detail').waitFor();
      expect(await gapBetween(page, '.error-state .error-detail', '.error-state > .button')).toBeGreaterThanOrEqual(8);
      expect(await gapBetween(page, '.error-state .link-button', '.error-state .error-detail')).toBeLessThanOrEqual(8);
      await shot(page, `spacing-error-${scheme}`);
      expect(errors).toEqual([]);
      await page.close();
    });

    // "Not confirmed" and its chips sat on the help under them (0 px), where the other cards leave
    // 8 px between the chips and their buttons.
    it('an address card: its chips stand apart from the help under them as from the buttons', async () => {
      const { page, errors } = await openPopup(ext, '?preview=1', scheme);
      await page.getByRole('button', { name: 'Accounts' }).click();
      await page.getByRole('button', { name: 'E-mail addresses' }).first().click();
      await page.getByRole('heading', { name: 'ada@old-school.example' }).waitFor();
      const gaps = await page.evaluate(() =>
        [...document.querySelectorAll('.address .chips')].map((c) => {
          const next = c.nextElementSibling!;
          return { next: next.className, gap: next.getBoundingClientRect().top - c.getBoundingClientRect().bottom };
        }),
      );
      expect(gaps.length).toBeGreaterThanOrEqual(3);
      for (const g of gaps) expect(g.gap, g.next).toBeGreaterThanOrEqual(6);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}
