/**
 * A page that moves the focus onto Lanyard's "Add badge" button under the user's typing (attack39), in Chromium with
 * the built extension on the real 2020 Gmail compose: the user types in the message body; the page's script calls
 * focus() on the button's host (delegatesFocus: the button inside takes it) just before the user's Enter, and that
 * trusted Enter presses the button: the picker opened (the next Enter, half a second on, picks its first row into the
 * page's editor). A key now presses the button only where the user's own Tab brought the focus (src/content/ui/press.ts).
 * Also LinkedIn's 2026 composer, whose button sits in the site's open shadow root (its listeners on the host itself,
 * src/content/dom/shadow-press.ts, hear no Tab of their own). Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../content/support/pages.ts';
import { caretAfter, inShadow, serve, waitFor } from '../content/support/browser.ts';
import { type WithBadges } from '../content/support/extension.ts';
import { BODY, inserted, launchGmail, pickerOpen } from './support/gmail-picker.ts';

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
// Playwright's CSS engine goes through open shadow roots (the picker may be mounted in the site's).
const pickerShown = async (page: Page) => (await page.locator('[data-lanyard="picker"]').count()) > 0;

describe('the page moves the focus onto Add badge under the user’s keys', () => {
  it('an Enter or a Space meant for the message does not open the picker', async () => {
    const page = await compose();
    // The page's script, as the user types: each key it sees in the body moves the focus to Lanyard's button.
    await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-lanyard="insert-badge"]')!;
      document.addEventListener('keyup', () => host.focus(), true);
    });
    await page.keyboard.type('Thanks', { delay: 30 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard'))).toBe('insert-badge');
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    await page.waitForTimeout(800);
    expect(await pickerShown(page)).toBe(false);
    await page.close();
  });

  it('the user’s own Tab to the button and Enter open the picker', async () => {
    const page = await compose();
    // Gmail's compose numbers its controls tabindex="1": the button is among them (button.ts tabAfter).
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard'))) !== 'insert-badge'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard'))).toBe('insert-badge');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelectorAll('li[role=option]').length > 0));
    await page.close();
  });

  it('LinkedIn’s composer in its open shadow root: the page’s focus and an Enter open nothing; the user’s Tab and Enter open the picker', async () => {
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] linkedin content script loaded') });
    await page.goto('https://www.linkedin.com/feed/');
    await loaded;
    const button = '.share-creation-state__footer [data-lanyard="linkedin-share-badge"]';
    await page.waitForSelector(button);
    // The focused element through open roots: the site's host is the document's, ours is inside its root.
    const focused = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute('data-lanyard') ?? null;
    });
    await page.locator(button).evaluate((host: HTMLElement) => host.focus());
    expect(await focused()).toBe('linkedin-share-badge');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    expect(await pickerShown(page)).toBe(false);
    // From the editor, the user's own Tabs.
    await page.click('.ql-editor p >> nth=0', { position: { x: 2, y: 5 } });
    for (let i = 0; i < 30 && (await focused()) !== 'linkedin-share-badge'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('linkedin-share-badge');
    await page.keyboard.press('Enter');
    await waitFor(() => pickerShown(page));
    await page.close();
  });

  it('the open picker’s host given a tabindex and focused by the page: the user’s Enter, meant for the message, picks nothing', async () => {
    const page = await pickerOpen(env);
    // The page takes the focus back to the message (the picker stays up), then, at the user's keys, puts it on the
    // picker's host: no element inside the picker has it, but the key shield holds the keys at its host.
    await page.evaluate((sel) => {
      (document.querySelector(sel) as HTMLElement).focus();
      const host = document.querySelector<HTMLElement>('[data-lanyard="picker"]')!;
      host.tabIndex = -1;
      document.addEventListener('keyup', () => host.focus(), true);
    }, BODY);
    await page.waitForTimeout(700);
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard'))).toBe('picker');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    expect(await inserted(page)).toBe(false);
    await page.close();
  });
});
