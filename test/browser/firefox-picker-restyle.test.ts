/**
 * A page restyling Lanyard's picker, in Firefox (dist/firefox through Marionette; attack37): the real 2020 Gmail
 * compose at its real URL (firefox/proxy.ts). `all: initial` on the picker's host leaves out `direction` (CSS Cascade
 * 5 §3.2), and `color-scheme: normal` takes the page's `<meta name="color-scheme">`: a page that says `dir="rtl"`
 * mirrored the open picker, and a dark scheme drew its search field dark. The page here turns both on, with its
 * other inherited text settings, on its root, body and Lanyard's host, while the picker is open; the picker stays
 * drawn as it was (src/content/ui/shadow.ts ownDirection). Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGmailPicker, type GmailPicker } from './firefox/gmail-picker.ts';
import type { ElementRef } from './firefox/support.ts';

let gmail: GmailPicker;

beforeAll(async () => {
  gmail = await startGmailPicker();
});
afterAll(async () => {
  await gmail?.close();
});

/** The panel's parts' boxes within it, and how its text is set (read in the page, on the elements Marionette found). */
const drawn = (panel: ElementRef, search: ElementRef) =>
  gmail.ff.run((p: HTMLElement, s: HTMLElement) => {
    const b = p.getBoundingClientRect();
    const parts = [...p.querySelectorAll('header, header button, input, li, .m')].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.localName, Math.round(r.left - b.left), Math.round(r.top - b.top), Math.round(r.width)].join(' ');
    });
    const c = getComputedStyle(p);
    const i = getComputedStyle(s);
    return { direction: c.direction, writingMode: c.writingMode, fontSize: c.fontSize, search: [i.direction, i.color, i.backgroundColor], parts };
  }, panel as unknown as HTMLElement, search as unknown as HTMLElement);

describe('a page restyling the picker, in Firefox', { timeout: 180_000 }, () => {
  it('dir="rtl", a dark colour scheme and its text settings on its root, body and Lanyard’s host: the open picker is drawn as before', async () => {
    const { ff } = gmail;
    await gmail.open();
    const [panel] = await ff.inShadow('picker', '[role=dialog]');
    const [search] = await ff.inShadow('picker', 'input');
    const want = await drawn(panel!, search!);
    expect(want.direction).toBe('ltr');
    await ff.run(() => {
      const rules = 'direction:rtl!important;unicode-bidi:bidi-override!important;writing-mode:vertical-rl!important;color-scheme:dark!important;' +
        'font-size:40px!important;letter-spacing:6px!important;text-align:right!important;color:red!important';
      const meta = document.createElement('meta');
      meta.name = 'color-scheme';
      meta.content = 'dark';
      const style = document.createElement('style');
      style.textContent = `html,body{${rules}}[data-lanyard]{${rules}}`;
      document.head.append(meta, style);
      document.documentElement.dir = 'rtl';
      const host = document.querySelector('[data-lanyard="picker"]')!;
      host.setAttribute('dir', 'rtl');
      host.setAttribute('style', rules);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await ff.run(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(await drawn(panel!, search!)).toEqual(want);
  });
});
