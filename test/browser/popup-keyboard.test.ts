/**
 * Keyboard focus in the built popup (Chromium, preview over the mock actions), where jsdom cannot
 * tell: Chromium takes focus away from a control that becomes disabled, so a button disabled
 * while its request runs dropped the user's focus to the page's body (WCAG 2.4.3).
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

const activeText = (page: import('playwright-core').Page) => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : (document.activeElement?.textContent ?? '').trim()));

describe('popup keyboard focus (Chromium)', () => {
  it('a failed sign-in leaves focus on Sign in (the button was disabled while it ran)', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&scenario=first-run&latency=150');
    await page.getByRole('heading', { name: 'Welcome to Lanyard' }).waitFor();
    await page.getByRole('button', { name: /Canvas Credentials/ }).click();
    await page.getByLabel('E-mail').fill('ada@example.org');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText("That e-mail and password don't match.", { exact: false }).waitFor();
    expect(await activeText(page)).toBe('Sign in');
    await shot(page, 'sign-in-error-focus');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Check again" on a badge keeps focus while it runs and after', async () => {
    const { page } = await openPopup(ext, '?preview=1&latency=150');
    await page.getByRole('option').filter({ hasText: 'Web Accessibility Fundamentals' }).click();
    const again = page.getByRole('button', { name: 'Check again' });
    await again.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Checked again.', { exact: false }).waitFor();
    expect(await activeText(page)).toMatch(/Check again/);
    await page.close();
  });
});
