/**
 * What the user types in the picker's search, kept from the page, in Firefox (dist/firefox through Marionette;
 * attack36): the real 2020 Gmail compose at its real URL (firefox/proxy.ts), whose own first script (the first in its
 * <head>) listens for every keyboard, composition, input and clipboard event on its window and document, capturing
 * and bubbling (support/page-ears.ts). The window's first listener (src/content/keys-first.ts, document_start, added
 * from the content script's sandbox to the page's own window) stops them while the focus is in the picker; the search
 * still works. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { proxyPrefs, startProxy, type Proxy } from './firefox/proxy.ts';
import { Firefox, waitFor } from './firefox/support.ts';
import { PAGE_EARS } from './support/page-ears.ts';

let ff: Firefox;
let bp: Backpack;
let proxy: Proxy;
let ext = '';
const BODY = 'div[g_editable="true"]';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  proxy = await startProxy(['mail.google.com'], (url) =>
    url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL).replace(/<head[^>]*>/i, (m) => `${m}<script>(${PAGE_EARS})()</script>`) : null);
  ff = await Firefox.launch({ prefs: proxyPrefs(proxy.port) });
  ext = await ff.openTab(ff.popupUrl);
  await ff.grantHosts(['http://127.0.0.1/*']);
  const r = await ff.send('badges/import', { source: { kind: 'text', text: `${bp.baseUrl}/public/assertions/ada-programmer` } });
  expect(r.ok, JSON.stringify(r)).toBe(true);
});
afterAll(async () => {
  await ff?.quit();
  await proxy?.close();
  await bp?.close();
});

const heard = () => ff.run(() => (window as unknown as { heard: string[] }).heard);

describe('the picker’s search, kept from the page, in Firefox', { timeout: 180_000 }, () => {
  it('the page’s earliest capturing listeners hear no key or input made in the search; the search still filters', async () => {
    await ff.only(ext);
    await ff.openTab(GMAIL);
    await ff.find('[data-lanyard="insert-badge"]');
    await ff.run((sel: string) => {
      const el = document.querySelector(sel) as HTMLElement;
      el.innerHTML = 'Dear Grace,<br>my badge: <br>Ada';
      el.focus();
      const r = document.createRange();
      r.setStart(el, 1);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    }, BODY);
    await ff.clickButton('insert-badge');
    await ff.pickerOptions();
    await ff.run(() => void ((window as unknown as { heard: string[] }).heard = []));
    for (const k of 'zqx') await ff.press(k);
    await waitFor(async () => (await ff.inShadow('picker', 'li[role=option]')).length === 0, 10_000, 'no row for the search');
    await ff.press('\uE003');
    await ff.press('\uE015');
    await new Promise((r) => setTimeout(r, 300));
    expect(await heard()).toEqual([]);
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
