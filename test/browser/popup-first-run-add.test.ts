/**
 * "Add a badge" (the header's "+") before any account or badge opens the welcome's "Just this
 * browser", as that choice does. Before, on that screen it only added a Back arrow and the content
 * stayed the same (a Firefox walk, Chromium too). Over the real background, a fresh profile.
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

describe('"+" on the first run', () => {
  it('opens "Just this browser" in place, focus on its heading; there, it is the current page and adds nothing', async () => {
    const { page, errors } = await openPopup(ext);
    await page.getByRole('heading', { level: 2, name: 'Welcome to Lanyard' }).waitFor();
    const plus = page.getByRole('button', { name: 'Add a badge' });
    await plus.focus();
    await page.keyboard.press('Enter');
    const title = page.getByRole('heading', { level: 2, name: 'Just this browser' });
    await title.waitFor();
    await expect(title.evaluate((h) => h === document.activeElement)).resolves.toBe(true);
    expect(await page.getByRole('button', { name: 'Back', exact: true }).count()).toBe(0);
    await expect(plus.getAttribute('aria-current')).resolves.toBe('page');

    await page.getByLabel('Or paste a badge link, its JSON or a JWS').fill('https://badges.example.org/assertions/1');
    await plus.click();
    await page.waitForTimeout(200);
    expect(await page.getByRole('button', { name: 'Back', exact: true }).count()).toBe(0);
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Just this browser');
    await expect(page.getByLabel('Or paste a badge link, its JSON or a JWS').inputValue()).resolves.toBe('https://badges.example.org/assertions/1');
    await shot(page, 'first-run-plus');
    expect(errors).toEqual([]);
    await page.close();
  });
});
