/**
 * The popup as people who change how pages look meet it (Chromium, preview over the mock actions):
 * Windows high contrast (forced-colors: the browser replaces the page's colours, drops
 * box-shadows and most backgrounds: WCAG 1.4.11 and 2.4.7 must still hold), zoom (at 200 % the
 * browser's 800×600 cap on a popup leaves 380×300 CSS px: WCAG 1.4.4 Resize Text, 1.4.10 Reflow)
 * and prefers-reduced-motion (WCAG 2.3.3).
 */
import type { Page } from 'playwright-core';
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

/** An outline the browser draws: a style, a width, and (in forced colours) not the colour of the page. */
const outline = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return 'missing';
    const cs = getComputedStyle(el);
    return cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) < 1 ? 'none' : 'drawn';
  }, selector);

/** Starts a sync on Accounts (the mock moves it a quarter per poll) and waits for its bar. */
async function startSync(page: Page): Promise<void> {
  await page.getByRole('listbox').waitFor();
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Sync now' }).first().click();
  await page.locator('.status-progress .progress-fill').waitFor();
}

describe('forced colours (Windows high contrast)', () => {
  it('the list row the arrows are on, a screen title that took focus and the current screen in the bar stay visible', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.emulateMedia({ forcedColors: 'active' });
    await page.getByRole('listbox').focus();
    await page.keyboard.press('ArrowDown');
    // Its background and inset stripe are gone in forced colours: the row needs a line of its own.
    expect(await outline(page, '.badge-row.active')).toBe('drawn');
    await shot(page, 'forced-colors-list');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Check again' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-title');
    expect(await outline(page, '#screen-title')).toBe('drawn');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    // aria-current says it to screen readers; the eye had only the button's background.
    const current = await page.locator('.bar-button[aria-current="page"]').evaluate((b) => {
      const cs = getComputedStyle(b);
      return { border: cs.borderTopStyle !== 'none' && parseFloat(cs.borderTopWidth) >= 1, outline: cs.outlineStyle !== 'none' };
    });
    expect(current.border || current.outline).toBe(true);
    await shot(page, 'forced-colors-settings');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the sync progress bar shows how far it is', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&latency=300');
    await page.emulateMedia({ forcedColors: 'active' });
    await startSync(page);
    const look = await page.locator('.status-progress .progress').evaluate((track) => {
      const fill = track.firstElementChild as HTMLElement;
      return { fill: getComputedStyle(fill).backgroundColor, track: getComputedStyle(track).backgroundColor, page: getComputedStyle(document.body).backgroundColor, edge: getComputedStyle(track).borderTopStyle };
    });
    // The fill must differ from what is around it (it was forced to the page's Canvas colour, like the track).
    expect(look.fill).not.toBe(look.track);
    expect(look.fill).not.toBe(look.page);
    await shot(page, 'forced-colors-sync');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('forced colours: a refused field', () => {
  it('the e-mail refused as empty looks other than before (its error colour and doubled edge were dropped)', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&scenario=first-run');
    await page.emulateMedia({ forcedColors: 'active' });
    await page.getByRole('button', { name: /Canvas Credentials/ }).click();
    const email = page.getByLabel('E-mail');
    const edge = () => email.evaluate((el) => { const cs = getComputedStyle(el); return `${cs.borderTopStyle} ${cs.borderTopWidth} ${cs.boxShadow}`; });
    const before = await edge();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your e-mail and password.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await edge()).not.toBe(before);
    await shot(page, 'forced-colors-invalid');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('prefers-reduced-motion', () => {
  it('the progress bar jumps rather than slides', async () => {
    const { page } = await openPopup(ext, '?preview=1&latency=300');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await startSync(page);
    const fill = page.locator('.status-progress .progress-fill');
    expect(await fill.evaluate((f) => [getComputedStyle(f).transitionDuration, getComputedStyle(f).animationName])).toEqual(['0s', 'none']);
    await page.close();
  });
});

describe('zoom: 200 % (380×300 CSS px) and 250 % (320×240)', () => {
  for (const [width, height] of [[380, 300], [320, 240]] as const) {
    it(`nothing is cut off at ${width}×${height}: the footer is in the window, every screen scrolls to its end, nothing sideways`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1');
      await page.getByRole('listbox').waitFor();
      await page.setViewportSize({ width, height });
      const fits = () =>
        page.evaluate(() => {
          const main = document.querySelector('main') as HTMLElement;
          main.scrollTop = main.scrollHeight;
          const last = main.querySelector('section')?.lastElementChild ?? main.lastElementChild;
          const bottom = (el: Element | null | undefined) => el?.getBoundingClientRect().bottom ?? Infinity;
          const right = Math.max(...[...document.querySelectorAll('header button, main button, main input, main select')].map((el) => el.getBoundingClientRect().right));
          return { foot: bottom(document.querySelector('footer')), main: bottom(main), last: bottom(last), right, sideways: main.scrollWidth - main.clientWidth };
        });
      for (const screen of ['list', 'Accounts', 'Settings', 'Add a badge'] as const) {
        if (screen !== 'list') {
          await page.getByRole('button', { name: screen, exact: true }).click();
          await page.locator('#screen-title').waitFor();
        }
        const f = await fits();
        expect(f.foot, screen).toBeLessThanOrEqual(height);
        expect(f.main, screen).toBeLessThanOrEqual(height);
        expect(f.last, screen).toBeLessThanOrEqual(height);
        expect(f.right, screen).toBeLessThanOrEqual(width);
        expect(f.sideways, screen).toBe(0);
        await shot(page, `zoom-${width}-${screen.replace(/ /g, '-').toLowerCase()}`);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
