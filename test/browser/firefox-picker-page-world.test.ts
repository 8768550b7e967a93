/**
 * The DOM members Lanyard's content scripts call after the page's scripts ran, replaced by the page first, in Firefox
 * (dist/firefox through Marionette; attack37): the real 2020 Gmail compose at its real URL (firefox/proxy.ts), whose
 * own first scripts listen for every key (support/page-ears.ts) and replace stopImmediatePropagation, composedPath,
 * a closed root's activeElement, attachShadow, the popover calls and getComputedStyle (support/page-pollutes.ts).
 * Firefox's content scripts see the page's DOM through Xray vision, the browser's own members whatever the page put
 * on the prototypes: verified here rather than assumed. Passes before and after (a guard, as picker-keys's in
 * Chromium). Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGmailPicker, type GmailPicker } from './firefox/gmail-picker.ts';
import { waitFor } from './firefox/support.ts';
import { PAGE_EARS } from './support/page-ears.ts';
import { PAGE_POLLUTES } from './support/page-pollutes.ts';

let gmail: GmailPicker;

beforeAll(async () => {
  gmail = await startGmailPicker((html) => html.replace(/<head[^>]*>/i, (m) => `${m}<script>(${PAGE_EARS})();(${PAGE_POLLUTES})()</script>`));
});
afterAll(async () => {
  await gmail?.close();
});

describe('a page that replaced the DOM members Lanyard calls, in Firefox', { timeout: 180_000 }, () => {
  it('none is Lanyard’s: the picker’s root stays closed, on top, and the page hears no key typed in its search', async () => {
    const { ff } = gmail;
    await gmail.open();
    await ff.run(() => void ((window as unknown as { heard: string[] }).heard = []));
    for (const k of 'zqx') await ff.press(k);
    await waitFor(async () => (await ff.inShadow('picker', 'li[role=option]')).length === 0, 10_000, 'no row for the search');
    await new Promise((r) => setTimeout(r, 300));
    expect(await ff.run(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    expect(await ff.run(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
    const host = await ff.run(() => {
      const h = document.querySelector('[data-lanyard="picker"]') as HTMLElement;
      return { open: h.shadowRoot !== null, onTop: Element.prototype.matches.call(h, ':popover-open') };
    });
    expect(host).toEqual({ open: false, onTop: true });
    // The replacements are in place in the page's own world.
    expect(await ff.run(() => (new Event('x').composedPath(), (window as unknown as { seen: string[] }).seen))).toEqual(['composedPath x']);
  });
});
