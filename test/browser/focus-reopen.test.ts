/**
 * Keyboard users after attack39 (src/content/ui/press.ts: a key presses a Lanyard button only where the user's own Tab
 * brought the focus), in Chromium with the built extension on the real 2020 Gmail compose: the picker opened with Tab
 * and Enter, closed with Escape, opens again with the keyboard; a Shift+Tab arrival presses too. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../content/support/pages.ts';
import { caretAfter, serve, waitFor } from '../content/support/browser.ts';
import { type WithBadges } from '../content/support/extension.ts';
import { BODY, inserted, launchGmail } from './support/gmail-picker.ts';

let env: WithBadges;

beforeAll(async () => {
  env = await launchGmail();
  await serve(env.ext.context, 'https://www.linkedin.com/**', (url) => (url.pathname === '/feed/' ? fixture('linkedin-feed-composer-shadow.html') : null));
  await env.ext.context.route('https://media.licdn.com/**', (route) => route.fulfill({ status: 204, body: '' }));
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

/** The user's Tab to the button and Enter: the picker open, its search focused. */
async function openWithKeys(page: Page) {
  await tabTo(page, 'Tab');
  await page.keyboard.press('Enter');
  await waitFor(() => pickerShown(page));
  await page.waitForTimeout(300);
}
const closed = (page: Page) => waitFor(async () => !(await pickerShown(page)));

describe('keyboard users open the picker again', () => {
  it('Tab, Enter, Escape: the focus is back on the button (WAI-ARIA APG dialog), and Enter opens the picker again', async () => {
    const page = await compose();
    await openWithKeys(page);
    await page.keyboard.press('Escape');
    await closed(page);
    // Before, the focus fell to the body: 23 Shift+Tabs back to the button.
    expect(await focused(page)).toBe('insert-badge');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    expect(await pickerShown(page)).toBe(true);
    await page.close();
  });

  it('the × button pressed with the keyboard: the focus is back on the button, and Enter opens the picker again', async () => {
    const page = await compose();
    await openWithKeys(page);
    // From the search, the × before it in the header.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await closed(page);
    // Enter on × is the button's: it went to the selected row (a pick, or its warning), and the picker stayed.
    expect(await inserted(page)).toBe(false);
    expect(await focused(page)).toBe('insert-badge');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    await page.close();
  });

  it('the focus given back once is not the page’s to give again: the page’s focus() under the user’s keys and their Enter open nothing', async () => {
    const page = await compose();
    await openWithKeys(page);
    await page.keyboard.press('Escape');
    await closed(page);
    expect(await focused(page)).toBe('insert-badge');
    // Back in the message; the page, at each key there, moves the focus onto the button.
    await caretAfter(page, BODY, 'Grace,');
    await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-lanyard="insert-badge"]')!;
      document.addEventListener('keyup', () => host.focus(), true);
    });
    await page.keyboard.type('Hi', { delay: 30 });
    expect(await focused(page)).toBe('insert-badge');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    expect(await pickerShown(page)).toBe(false);
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
  it('LinkedIn’s composer in its open shadow root: Escape gives the focus back to the button, whose Enter opens the picker again', async () => {
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] linkedin content script loaded') });
    await page.goto('https://www.linkedin.com/feed/');
    await loaded;
    await page.waitForSelector('.share-creation-state__footer [data-lanyard="linkedin-share-badge"]');
    const deep = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute('data-lanyard') ?? a?.tagName ?? null;
    });
    await page.click('.ql-editor p >> nth=0', { position: { x: 2, y: 5 } });
    for (let i = 0; i < 30 && (await deep()) !== 'linkedin-share-badge'; i++) await page.keyboard.press('Tab');
    expect(await deep()).toBe('linkedin-share-badge');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    await page.waitForTimeout(300);
    await page.keyboard.press('Escape');
    await closed(page);
    expect(await deep()).toBe('linkedin-share-badge');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    await page.close();
  });
});
