/**
 * A page restyling Lanyard's picker, in Chromium with the built extension (attack37). The picker's host has
 * `all: initial !important` in its closed shadow root (src/content/ui/shadow.ts), which beats the page's rules on
 * the host, important or not (CSS Cascade 5 §6.1 "context": for important declarations the shadow tree's win), and
 * cuts what the page's document would pass down. But `all` leaves out `direction` and `unicode-bidi` (CSS Cascade
 * 5 §3.1): a page's `dir="rtl"` (or `direction: rtl`) reached the panel, which it mirrored: "Use it anyway" where
 * "Choose another" was, the close button where the title was. The page here sets everything it can inherit or put on
 * the host (direction, writing mode, colour scheme, sizes, text fill, filters, zoom, transforms), on its root, its
 * body and the host itself (attributes and !important rules); the picker is drawn as in a page that does nothing.
 * Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inShadow, waitFor } from '../content/support/browser.ts';
import type { WithBadges } from '../content/support/extension.ts';
import { launchGmail, pickerOpen } from './support/gmail-picker.ts';

let env: WithBadges;

beforeAll(async () => {
  env = await launchGmail();
});
afterAll(async () => {
  await env?.close();
});

/** Everything the page can say about how text is set, on its root, its body and Lanyard's host (attributes too). */
const restyle = () => {
  const rules =
    'direction:rtl!important;unicode-bidi:bidi-override!important;writing-mode:vertical-rl!important;text-orientation:upright!important;' +
    'color-scheme:dark!important;font-size:40px!important;line-height:4!important;letter-spacing:6px!important;word-spacing:20px!important;' +
    'text-transform:uppercase!important;font-style:italic!important;-webkit-text-fill-color:transparent!important;-webkit-text-stroke:2px red!important;' +
    'text-shadow:0 0 6px red!important;color:red!important;caret-color:transparent!important;visibility:visible!important;text-align:right!important;' +
    'text-indent:200px!important;white-space:pre!important;';
  const host = 'filter:invert(1)!important;opacity:0.5!important;zoom:1.5!important;transform:scale(-1,1)!important;rotate:180deg!important;' +
    'display:block!important;position:fixed!important;inset:0!important;contain:strict!important;';
  const put = () => {
    if (!document.head || !document.body) return false;
    const meta = document.createElement('meta');
    meta.name = 'color-scheme';
    meta.content = 'dark';
    const style = document.createElement('style');
    style.textContent = `html,body{${rules}}[data-lanyard]{${rules}${host}}`;
    document.head.append(meta, style);
    document.documentElement.dir = 'rtl';
    document.body.dir = 'rtl';
    return true;
  };
  if (!put()) document.addEventListener('DOMContentLoaded', put, { once: true });
  // Lanyard's hosts, as they come: dir and a style attribute of their own.
  new MutationObserver(() => {
    for (const h of document.querySelectorAll('[data-lanyard]:not([dir])')) {
      h.setAttribute('dir', 'rtl');
      h.setAttribute('style', `${rules}${host}`);
    }
  }).observe(document, { subtree: true, childList: true });
};

/** How the picker is drawn: its parts' boxes within the panel, and how its text is set, read inside its root. */
const drawn = (page: Page) =>
  inShadow(page, 'picker', (root) => {
    const panel = root.querySelector('[role=dialog]') as HTMLElement;
    const p = panel.getBoundingClientRect();
    const box = (sel: string) => {
      const r = root.querySelector(sel)!.getBoundingClientRect();
      return [r.left - p.left, r.top - p.top, r.width, r.height].map((n) => Math.round(n));
    };
    const s = (sel: string) => {
      const c = getComputedStyle(root.querySelector(sel)!);
      return {
        direction: c.direction, unicodeBidi: c.unicodeBidi, writingMode: c.writingMode, colorScheme: c.colorScheme, fontSize: c.fontSize,
        lineHeight: c.lineHeight, letterSpacing: c.letterSpacing, textTransform: c.textTransform, fontStyle: c.fontStyle,
        fill: c.getPropertyValue('-webkit-text-fill-color'), stroke: c.getPropertyValue('-webkit-text-stroke-width'), textShadow: c.textShadow,
        color: c.color, background: c.backgroundColor, caret: c.caretColor, textAlign: c.textAlign, textIndent: c.textIndent, whiteSpace: c.whiteSpace,
      };
    };
    const host = (root as ShadowRoot).host;
    const hs = getComputedStyle(host);
    return {
      panel: [Math.round(p.width), Math.round(p.height)],
      boxes: { header: box('header'), close: box('header button'), search: box('input'), row: box('li[data-i="0"]'), mark: box('li[data-i="0"] .m') },
      panelStyle: s('[role=dialog]'),
      search: s('input'),
      row: s('li[data-i="0"] b'),
      host: { filter: hs.filter, opacity: hs.opacity, zoom: hs.zoom, transform: hs.transform, rotate: hs.rotate, direction: hs.direction },
    };
  });

describe('a page restyling the picker', () => {
  it('its direction, writing mode, colour scheme, text settings, filters and zoom on its root, body and Lanyard’s host: the picker is drawn as in a page that does nothing', async () => {
    const plain = await pickerOpen(env);
    const want = await drawn(plain);
    await plain.close();
    expect(want.panelStyle.direction).toBe('ltr');
    const page = await pickerOpen(env, restyle);
    // The page's rules are in place around it.
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(await page.evaluate(() => document.querySelector('[data-lanyard="picker"]')!.getAttribute('dir'))).toBe('rtl');
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelector('li[data-i="0"]') !== null));
    const got = await drawn(page);
    expect(got).toEqual(want);
    await page.close();
  });
});
