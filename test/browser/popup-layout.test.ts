/**
 * The popup's layout with a real collection (40 badges, the preview over the mock actions, in
 * Chromium): what stays in view when the filters are open, at the popup's size and zoomed in
 * (200 %: 380×300 CSS px), and with names in other scripts and long compounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** The list's height in view and the filter panel's, in CSS px. */
const heights = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const h = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().height ?? 0;
    return { list: h('.list-viewport'), filters: h('#filters') };
  });

// Found in the 2026-12-06 review: open, the filters (one per line) took two thirds of the list's
// room, and with one chosen ("Clear filters" below them) fewer than three badges were left in view.
describe('the filters leave the list room', () => {
  it('at 380×560, open with a filter on: three badges and more stay in view, every filter reachable by Tab in reading order', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&n=40');
    await page.getByRole('listbox').waitFor();
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('combobox', { name: 'Verification' }).selectOption('valid');
    await page.getByRole('button', { name: 'Clear filters' }).waitFor();
    const { list, filters } = await heights(page);
    expect(list).toBeGreaterThanOrEqual(3 * 64);
    expect(filters).toBeLessThan(list);
    // The grid reads as the labels do: Tab goes from one filter to the next, left to right, then down.
    await page.getByRole('combobox', { name: 'Account' }).focus();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(await page.evaluate(() => document.activeElement?.closest('label')?.querySelector('span')?.textContent ?? ''));
      await page.keyboard.press('Tab');
    }
    expect(order).toEqual(['Account', 'Issuer', 'Verification', 'Issued to', 'Tag', 'Expiry']);
    await shot(page, 'layout-filters-open');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zoomed in (380×300): the list keeps two rows, the screen scrolls to it, Escape gives focus back to Filters', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&n=40');
    await page.getByRole('listbox').waitFor();
    await page.setViewportSize({ width: 380, height: 300 });
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('combobox', { name: 'Verification' }).selectOption('valid');
    const { list, filters } = await heights(page);
    expect(list).toBeGreaterThanOrEqual(2 * 64);
    expect(filters).toBeGreaterThan(60);
    const end = await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      main.scrollTop = main.scrollHeight;
      return document.querySelector('.list-viewport')!.getBoundingClientRect().bottom <= (document.querySelector('footer') as HTMLElement).getBoundingClientRect().top + 1;
    });
    expect(end).toBe(true);
    await shot(page, 'layout-filters-zoom');
    await page.getByRole('combobox', { name: 'Verification' }).focus();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('filters');
    expect(await page.locator('#filters').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
