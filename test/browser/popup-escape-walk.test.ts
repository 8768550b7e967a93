/**
 * The built popup in Chromium, with the keyboard only: Escape is Back on every inner screen
 * (src/popup/ui/escape-back.ts), a field with text in it keeps its Escape, and on the home screen
 * the page leaves Escape to the browser (unhandled, Chromium closes the toolbar popup; Firefox's panel
 * takes Escape before the page sees it: firefox-toolbar-panel.test.ts). Screenshots under test-results/.
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

const h2 = (page: Page) => page.evaluate(() => [...document.querySelectorAll('main h2')].map((h) => h.textContent).find((t) => t !== 'Your badges'));
/** Escape as the user presses it; whether the page took it (its default prevented), read after every listener ran. */
async function escape(page: Page): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as unknown as { taken?: boolean };
    w.taken = undefined;
    window.addEventListener('keydown', (e) => (w.taken = e.defaultPrevented), { once: true });
  });
  await page.keyboard.press('Escape');
  return page.evaluate(() => (window as unknown as { taken?: boolean }).taken === true);
}

describe('Escape in the popup (Chromium)', { timeout: 120_000 }, () => {
  it('is Back from share to badge to list, and left to the browser on the list', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.getByRole('listbox').waitFor();
    await page.getByRole('option', { name: /Web Accessibility Fundamentals/ }).click();
    await page.getByRole('heading', { name: 'Verification' }).waitFor();
    const name = await h2(page);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('link', { name: 'Add to LinkedIn profile' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await escape(page)).toBe(true);
    await page.getByRole('heading', { name: 'Verification' }).waitFor();
    expect(await h2(page)).toBe(name);
    expect(await escape(page)).toBe(true);
    await page.getByRole('listbox').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    await shot(page, 'escape-back-list');
    expect(await escape(page)).toBe(false);
    await page.getByRole('searchbox').focus();
    expect(await escape(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is Back from Settings, Accounts, the guide and addresses; a field with text keeps it', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.getByRole('listbox').waitFor();
    for (const nav of ['Settings', 'Accounts', "Can't find a badge?"]) {
      await page.getByRole('button', { name: nav, exact: true }).click();
      await page.getByRole('button', { name: 'Back', exact: true }).waitFor();
      await page.keyboard.press('Tab');
      expect(await escape(page)).toBe(true);
      await page.getByRole('button', { name: 'Back', exact: true }).waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: 'Accounts', exact: true }).click();
    await page.getByRole('button', { name: /^E-mail addresses for/ }).first().click();
    await page.getByRole('heading', { name: 'E-mail addresses' }).waitFor();
    expect(await escape(page)).toBe(true);
    await page.getByRole('heading', { name: 'Accounts', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Add a badge', exact: true }).click();
    const field = page.getByRole('textbox', { name: /paste/i });
    await field.fill('https://example.org/badge');
    expect(await escape(page)).toBe(false);
    expect(await field.inputValue()).toBe('https://example.org/badge');
    await shot(page, 'escape-kept-in-field');
    await field.fill('');
    expect(await escape(page)).toBe(true);
    await page.getByRole('listbox').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
