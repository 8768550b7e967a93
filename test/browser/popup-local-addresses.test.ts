/**
 * "Your addresses in this browser" on the Accounts screen, over the real background and a fresh
 * profile: an address typed from the keyboard is kept (the popup opened again lists it), one listed
 * already in another letter case is refused in words tied to the field, and Remove takes it away
 * with focus handed to the panel's heading. No serious axe violation on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { axe, openPopup, shot } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function accounts() {
  const popup = await openPopup(ext);
  await popup.page.getByRole('button', { name: 'Accounts' }).click();
  await popup.page.getByRole('heading', { level: 3, name: 'Your addresses in this browser' }).waitFor();
  return popup;
}

describe('addresses typed for this browser', () => {
  it('are added and removed from the keyboard, kept by the background, duplicates refused', async () => {
    const { page, errors } = await accounts();
    await page.getByText('No address yet.').waitFor();
    const field = page.getByRole('textbox', { name: 'Add an address' });
    await field.focus();
    await page.keyboard.type('Ada@Old.example');
    await page.keyboard.press('Enter');
    await page.getByText('Added Ada@Old.example. Your badges are being checked again.').waitFor();
    await expect(field.inputValue()).resolves.toBe('');
    expect(await axe(page)).toEqual([]);
    await page.close();

    // Kept by the background: a popup opened again lists it.
    const again = await accounts();
    const remove = again.page.getByRole('button', { name: 'Remove Ada@Old.example' });
    await remove.waitFor();
    const field2 = again.page.getByRole('textbox', { name: 'Add an address' });
    await field2.fill('ada@old.EXAMPLE');
    await field2.press('Enter');
    await again.page.getByRole('alert').filter({ hasText: 'This address is in the list already.' }).waitFor();
    await expect(field2.getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(again.page, 'local-addresses');

    await remove.focus();
    await again.page.keyboard.press('Enter');
    await again.page.getByText('Removed Ada@Old.example. Your badges are being checked again.').waitFor();
    await again.page.getByText('No address yet.').waitFor();
    await expect(again.page.evaluate(() => document.activeElement?.id)).resolves.toBe('local-addresses-title');
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
  });
});
