/**
 * Keyboard users after attack39 (src/content/ui/press.ts: a key presses a Lanyard button only where the user's own Tab
 * brought the focus), in Chromium with the built extension on the real 2020 Gmail compose: the picker opened with Tab
 * and Enter, closed with Escape, opens again with the keyboard; a Shift+Tab arrival presses too. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caretAfter, waitFor } from '../content/support/browser.ts';
import { type WithBadges } from '../content/support/extension.ts';
import { BODY, launchGmail } from './support/gmail-picker.ts';

let env: WithBadges;

beforeAll(async () => {
  env = await launchGmail();
});
afterAll(async () => {
  await env?.close();
});

async function compose(): Promise<Page> {
  const page = await env.ext.context.newPage();
  const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
  await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
  await loaded;
  await waitFor(() => page.evaluate(() => document.querySelector('[data-lanyard="insert-badge"]') !== null));
  await page.evaluate((sel) => void (document.querySelector(sel)!.innerHTML = 'Dear Grace,<br>'), BODY);
  await caretAfter(page, BODY, 'Grace,');
  return page;
}
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-lanyard') ?? document.activeElement?.tagName ?? null);
const pickerShown = async (page: Page) => (await page.locator('[data-lanyard="picker"]').count()) > 0;
async function tabTo(page: Page, key: 'Tab' | 'Shift+Tab') {
  for (let i = 0; i < 40 && (await focused(page)) !== 'insert-badge'; i++) await page.keyboard.press(key);
  expect(await focused(page)).toBe('insert-badge');
}

describe('keyboard users open the picker again', () => {
  it('Tab, Enter, Escape: the user’s Shift+Tab back to the button and Enter open the picker again', async () => {
    const page = await compose();
    await tabTo(page, 'Tab');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    await page.waitForTimeout(300);
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await pickerShown(page)));
    // The picker gives the focus back to no one (the document's body): the user walks back with Shift+Tab (the focus
    // navigation starting point is where the picker was), and their Enter there opens it again.
    for (let i = 0; i < 40 && (await focused(page)) !== 'insert-badge'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('insert-badge');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    expect(await pickerShown(page)).toBe(true);
    await page.close();
  });

  it('Shift+Tab onto the button and Space open the picker', async () => {
    const page = await compose();
    await tabTo(page, 'Tab');
    await page.keyboard.press('Tab');
    await tabTo(page, 'Shift+Tab');
    await page.keyboard.press(' ');
    await waitFor(() => pickerShown(page));
    await page.close();
  });
});
