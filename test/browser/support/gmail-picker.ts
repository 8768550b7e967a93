/**
 * The built extension's picker in the real 2020 Gmail compose (served at its real URL), for the
 * picker's clickjacking tests in Chromium: open it on its rows, find its first row, tell whether it
 * is armed and whether a badge went in.
 */
import type { Page } from 'playwright-core';
import { realPage, REAL_GMAIL } from '../../content/support/pages.ts';
import { caretAfter, clickButton, inShadow, pickerOptions, serve } from '../../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../../content/support/extension.ts';

export const BODY = 'div[g_editable="true"]';

/** The extension with badges, Gmail's compose served at https://mail.google.com/mail/u/0/. */
export async function launchGmail(): Promise<WithBadges> {
  const env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : null));
  return env;
}

/** Gmail's compose with the caret in its body and the picker open on its rows; `init` runs in the page before its own scripts. */
export async function pickerOpen(env: WithBadges, init?: () => void): Promise<Page> {
  const page = await env.ext.context.newPage();
  if (init) await page.addInitScript(init);
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
export const firstRow = (page: Page) =>
  inShadow(page, 'picker', (root) => {
    const r = root.querySelector('li[data-i="0"]')!.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
export const armed = (page: Page) => inShadow(page, 'picker', (root) => root.querySelector('[role=dialog]')!.hasAttribute('data-armed'));
export const inserted = async (page: Page) => (await page.innerHTML(BODY)).includes('<table');
