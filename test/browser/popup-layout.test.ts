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
    // The Filters button, shut: its aria-controls goes with the panel (ListToolbar.tsx), so it is found by its name.
    const button = page.getByRole('button', { name: 'Filters' });
    expect(await button.evaluate((b) => b === document.activeElement && b.getAttribute('aria-expanded'))).toBe('false');
    expect(await page.locator('#filters').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('names in other scripts and long compounds (?world=1)', () => {
  for (const width of [380, 320] as const) {
    it(`at ${width} px: an Arabic name and a 70-letter German compound wrap on the badge page and the share screen, nothing cut or sideways`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1&n=40&world=1');
      await page.setViewportSize({ width, height: 560 });
      for (const [search, name] of [['شهادة', 'ar'], ['Rettungsdienst', 'de']] as const) {
        await page.getByRole('searchbox').fill(search);
        await page.getByRole('listbox').getByRole('option').first().click();
        for (const screen of ['badge', 'share'] as const) {
          if (screen === 'share') await page.getByRole('button', { name: 'Share' }).click();
          await page.locator(screen === 'share' ? '.share-screen' : '.badge-screen').waitFor();
          const fit = await page.evaluate(() => {
            const main = document.querySelector('main') as HTMLElement;
            const title = document.getElementById('screen-title') as HTMLElement;
            const issuer = document.querySelector('.issuer') as HTMLElement | null;
            const inside = (el: HTMLElement | null) => !el || (el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= main.getBoundingClientRect().right);
            return { sideways: main.scrollWidth - main.clientWidth, title: inside(title), issuer: inside(issuer) };
          });
          expect(fit, `${name} ${screen}`).toEqual({ sideways: 0, title: true, issuer: true });
          await shot(page, `layout-world-${name}-${screen}-${width}`);
        }
        await page.getByRole('button', { name: 'Back' }).click();
        await page.getByRole('button', { name: 'Back' }).click();
        await page.getByRole('searchbox').waitFor();
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

// Found in the same review: an Arabic badge name, right-aligned, had the focus mark of the title
// that took focus on its left edge, away from where the name starts.
it('a right-to-left badge name that takes focus has its mark on the right, where it starts; a left-to-right one on the left', async () => {
  const { page, errors } = await openPopup(ext, '?preview=1&n=40&world=1');
  const mark = async (search: string) => {
    await page.getByRole('searchbox').fill(search);
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('.badge-screen').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'screen-title');
    const m = await page.evaluate(() => {
      const h = document.getElementById('screen-title') as HTMLElement;
      const cs = getComputedStyle(h);
      return { dir: cs.direction, shadow: cs.boxShadow, padRight: cs.paddingRight, padLeft: cs.paddingLeft };
    });
    await shot(page, `layout-title-mark-${m.dir}`);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('searchbox').waitFor();
    return m;
  };
  const rtl = await mark('شهادة');
  expect(rtl.dir).toBe('rtl');
  expect(rtl.shadow).toMatch(/\) -3px 0px 0px 0px inset$/);
  expect([rtl.padRight, rtl.padLeft]).toEqual(['6px', '0px']);
  const ltr = await mark('Rettungsdienst');
  expect(ltr.dir).toBe('ltr');
  expect(ltr.shadow).toMatch(/\) 3px 0px 0px 0px inset$/);
  expect([ltr.padRight, ltr.padLeft]).toEqual(['0px', '6px']);
  expect(errors).toEqual([]);
  await page.close();
});

