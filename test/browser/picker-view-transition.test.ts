/**
 * Probe (attack35): a page's view transition over the open picker.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { caretAfter, clickButton, inShadow, pickerOptions, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;
const BODY = 'div[g_editable="true"]';
const SHOTS = resolve(import.meta.dirname, '../../.tmp/shots');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : null));
});
afterAll(async () => {
  await env?.close();
});

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
const firstRow = (page: Page) =>
  inShadow(page, 'picker', (root) => {
    const r = root.querySelector('li[data-i="0"]')!.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
const armed = (page: Page) => inShadow(page, 'picker', (root) => root.querySelector('[role=dialog]')!.hasAttribute('data-armed'));
const inserted = async (page: Page) => (await page.innerHTML(BODY)).includes('<table');

describe('the picker against a page’s view transition', () => {
  it('probe: a frozen old snapshot showing the page’s decoy, clicks let through', async () => {
    const page = await pickerOpen();
    await waitFor(() => armed(page));
    const at = await firstRow(page);
    await page.evaluate(() => {
      const st = document.createElement('style');
      st.textContent = `@keyframes hold { from { opacity: 1 } to { opacity: 1 } }
        ::view-transition { pointer-events: none }
        ::view-transition-old(root) { animation: hold 3600s linear }
        ::view-transition-new(root) { animation: hold 3600s linear; opacity: 0 }
        ::view-transition-group(root) { animation: hold 3600s linear }`;
      document.head.append(st);
      const o = document.createElement('div');
      o.id = 'decoy';
      o.setAttribute('popover', 'manual');
      o.textContent = 'Click here to claim your prize';
      o.style.cssText = 'position:fixed;inset:0;width:auto;height:auto;margin:0;border:0;pointer-events:none;background:#fff;font:40px sans-serif';
      document.body.append(o);
      o.showPopover();
      (document as any).startViewTransition(() => o.hidePopover());
    });
    for (let i = 0; i < 8; i++) {
      console.log(i, await page.evaluate(() => [document.documentElement.matches(':active-view-transition'), !!document.querySelector('[data-lanyard="picker"]'), document.elementFromPoint(400, 300)?.tagName]));
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: resolve(SHOTS, 'picker-view-transition.png') });
        await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(700);
    console.log('inserted', await inserted(page));
    expect(await inserted(page)).toBe(false);
    await page.close();
  });
});
