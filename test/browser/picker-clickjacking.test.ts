/**
 * Picker clickjacking in Chromium with the built extension (src/content/ui/armed.ts): the real
 * 2020 Gmail compose, whose page lays its own picture over the open picker with
 * `pointer-events: none` (the person's click goes through to a row they cannot see), or makes
 * the whole page, picker included, almost transparent. Neither click puts a badge into the page;
 * once the page stops, the same click does. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { caretAfter, clickButton, clickInShadow, inShadow, pickerOptions, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;
const BODY = 'div[g_editable="true"]';

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : null));
});
afterAll(async () => {
  await env?.close();
});

/** Gmail's compose with the caret in its body and the picker open on its rows. */
async function pickerOpen(): Promise<Page> {
  const page = await env.ext.context.newPage();
  const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
  await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
  await loaded;
  await page.evaluate((sel) => void (document.querySelector(sel)!.innerHTML = 'Dear Grace,<br>my badge: <br>Ada'), BODY);
  await caretAfter(page, BODY, 'my badge: ');
  await clickButton(page, 'insert-badge');
  await pickerOptions(page);
  return page;
}

/** The first row's centre, where a person would click. */
const firstRow = (page: Page) =>
  inShadow(page, 'picker', (root) => {
    const r = root.querySelector('li[data-i="0"]')!.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
const armed = (page: Page) => inShadow(page, 'picker', (root) => root.querySelector('[role=dialog]')!.hasAttribute('data-armed'));
const inserted = async (page: Page) => (await page.innerHTML(BODY)).includes('<table');

/**
 * `hide` runs in the page; a person looks for a while, then clicks where the first row is: nothing
 * goes in. Once `show` has undone it, the same click puts the badge in.
 */
async function clickWhileHidden(page: Page, hide: () => void, show: () => void): Promise<void> {
  await page.evaluate(hide);
  const at = await firstRow(page);
  await page.waitForTimeout(1500);
  expect(await armed(page)).toBe(false);
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(500);
  expect(await inserted(page)).toBe(false);
  await page.evaluate(show);
  await clickInShadow(page, 'picker', 'li[data-i="0"]');
  await waitFor(() => inserted(page));
  await page.close();
}

describe('the picker against a clickjacking page', () => {
  it('a see-through overlay that lets clicks through to it: the click picks nothing; without it, the same click picks', async () => {
    const page = await pickerOpen();
    const decoy = () => {
      const o = document.createElement('div');
      o.id = 'decoy';
      o.textContent = 'Click here to claim your prize';
      o.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;font:40px sans-serif';
      // After Lanyard's host, at the same z-index: painted over it.
      document.documentElement.append(o);
    };
    await clickWhileHidden(page, decoy, () => document.getElementById('decoy')!.remove());
  });

  it('a page that hides the pointer (cursor: none, !important, on every element and on Lanyard’s host) to draw a fake one elsewhere: over the picker the real pointer shows', async () => {
    const page = await pickerOpen();
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'html, html *, [data-lanyard] { cursor: none !important }';
      document.head.append(style);
      document.querySelector<HTMLElement>('[data-lanyard="picker"]')!.style.setProperty('cursor', 'none', 'important');
    });
    // The page's own elements lose the pointer; the picker's panel and rows keep theirs (shadow.ts: all: initial !important on the host).
    expect(await page.evaluate((sel) => getComputedStyle(document.querySelector(sel)!).cursor, BODY)).toBe('none');
    const cursors = await inShadow(page, 'picker', (root) => [getComputedStyle(root.querySelector('[role=dialog]')!).cursor, getComputedStyle(root.querySelector('li[data-i="0"]')!).cursor]);
    expect(cursors).toEqual(['auto', 'pointer']);
    await page.close();
  });

  it('an almost transparent page (opacity on the picker’s ancestor): the click picks nothing', async () => {
    const page = await pickerOpen();
    await clickWhileHidden(page, () => void (document.documentElement.style.opacity = '0.02'), () => void (document.documentElement.style.opacity = ''));
  });
});
