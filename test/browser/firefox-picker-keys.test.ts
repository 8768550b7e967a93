/**
 * What the user types in the picker's search, kept from the page, in Firefox (dist/firefox through Marionette;
 * attack36): the real 2020 Gmail compose at its real URL (firefox/proxy.ts), whose own first script (the first in its
 * <head>) listens for every keyboard, composition, input and clipboard event on its window and document, capturing
 * and bubbling (support/page-ears.ts). The window's first listener (src/content/keys-first.ts, document_start, added
 * from the content script's sandbox to the page's own window) stops them while the focus is in the picker; the search
 * still works. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY, startGmailPicker, type GmailPicker } from './firefox/gmail-picker.ts';
import { Firefox, waitFor } from './firefox/support.ts';
import { PAGE_EARS, PAGE_FORGE } from './support/page-ears.ts';

let ff: Firefox;
let gmail: GmailPicker;

beforeAll(async () => {
  // The page's own script, before anything else of its own: its listeners are as early as a page's can be.
  gmail = await startGmailPicker((html) => html.replace(/<head[^>]*>/i, (m) => `${m}<script>(${PAGE_EARS})();(${PAGE_FORGE})()</script>`));
  ff = gmail.ff;
});
afterAll(async () => {
  await gmail?.close();
});

const heard = () => ff.run(() => (window as unknown as { heard: string[] }).heard);

describe('the picker’s search, kept from the page, in Firefox', { timeout: 180_000 }, () => {
  it('the page’s earliest capturing listeners hear no key or input made in the search; the search still filters', async () => {
    await gmail.open();
    await ff.run(() => void ((window as unknown as { heard: string[] }).heard = []));
    for (const k of 'zqx') await ff.press(k);
    await waitFor(async () => (await ff.inShadow('picker', 'li[role=option]')).length === 0, 10_000, 'no row for the search');
    await ff.press('\uE003');
    await ff.press('\uE015');
    await new Promise((r) => setTimeout(r, 300));
    expect(await heard()).toEqual([]);
    // The page's forged shield state (PAGE_FORGE) was never read nor handed a key.
    expect(await ff.run(() => (window as unknown as { forged: string[] }).forged)).toEqual([]);
    const search = await ff.run((el: HTMLInputElement) => el.value, (await ff.inShadow('picker', 'input'))[0] as unknown as HTMLInputElement);
    expect(search).toBe('zq');
    // Escape still closes it; the compose body then hears keys as before (the page's listeners work).
    await ff.press('\uE00C');
    await waitFor(async () => ff.run(() => !document.querySelector('[data-lanyard="picker"]')), 10_000, 'the picker closed');
    await ff.run((sel: string) => (document.querySelector(sel) as HTMLElement).focus(), BODY);
    await ff.press('k');
    expect(await heard()).toContain('keydown k');
  });
});
