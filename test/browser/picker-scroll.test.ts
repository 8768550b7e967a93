/**
 * Attack28: the picker's rows must not scroll the page. The picker sits in the page's document, and a
 * row it selects (on opening, on each search's answer, on the arrow keys) was brought into view with
 * `scrollIntoView`, which scrolls every scrollable ancestor, the page's document included (CSSOM View
 * §5 "scroll an element into view"). A page that puts the panel partly out of its view (a transform on
 * its root makes the fixed panel scroll with the document; then it scrolls) learned from its own
 * `scroll` events whether a row existed: with the arrow keys it hears anyway, how many badges the
 * user holds (or match the search typed), and, on each search's answer, whether any matched. Now only the list scrolls, inside
 * the closed shadow root (a scroll event there does not reach the page). Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../content/support/pages.ts';
import { clickButton, inShadow, pickerOptions, serve } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/1/' ? fixture('gmail-two-composes-and-reply.html') : null));
});
afterAll(async () => {
  await env?.close();
});

describe('the picker and the page’s scrolling', () => {
  it('a row selected out of the page’s view does not scroll the page (its scroll events told whether a search matched)', async () => {
    expect(env.problems).toEqual([]);
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/1/');
    await loaded;
    await page.waitForSelector('[data-lanyard="insert-badge"]');
    // The page's own styles: a tall document whose root is transformed (fixed elements then scroll with it).
    await page.addStyleTag({ content: 'html{transform:translateZ(0)}body{padding-bottom:4000px}' });
    await clickButton(page, 'insert-badge', 0);
    expect((await pickerOptions(page)).length).toBeGreaterThanOrEqual(2);
    // The page scrolls the panel out of its view, then listens.
    await page.evaluate(() => window.scrollBy(0, 2000));
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => {
      const w = window as unknown as { scrolls: number[] };
      w.scrolls = [];
      addEventListener('scroll', () => w.scrolls.push(scrollY), { capture: true });
      return scrollY;
    });
    expect(before).toBeGreaterThan(1000);
    // The user goes down the rows (the focus is in the picker's search): a row selected is a row that exists.
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => ({ y: scrollY, scrolls: (window as unknown as { scrolls: number[] }).scrolls }))).toEqual({ y: before, scrolls: [] });
    await page.close();
  }, 120_000);

  it('the list itself still scrolls to the row the arrow keys select', async () => {
    const page = await env.ext.context.newPage();
    // A short window: the panel (min(400px, 100vh - 16px)) leaves room for about one row.
    await page.setViewportSize({ width: 900, height: 190 });
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/1/');
    await loaded;
    await page.waitForSelector('[data-lanyard="insert-badge"]');
    await clickButton(page, 'insert-badge', 0);
    const rows = (await pickerOptions(page)).length;
    expect(rows).toBeGreaterThanOrEqual(2);
    const seen = () => inShadow(page, 'picker', (root) => {
      const list = root.querySelector('ul')!;
      const li = root.querySelector('li[aria-selected=true]')!;
      const a = list.getBoundingClientRect();
      const b = li.getBoundingClientRect();
      return { top: list.scrollTop, inside: b.top >= a.top - 1 && b.bottom <= a.bottom + 1, overflows: list.scrollHeight > list.clientHeight };
    });
    expect(await seen()).toMatchObject({ top: 0, inside: true, overflows: true });
    for (let i = 1; i < rows; i++) await page.keyboard.press('ArrowDown');
    const down = await seen();
    expect(down.inside).toBe(true);
    expect(down.top).toBeGreaterThan(0);
    for (let i = 1; i < rows; i++) await page.keyboard.press('ArrowUp');
    expect(await seen()).toMatchObject({ top: 0, inside: true });
    await page.close();
  }, 120_000);
});
