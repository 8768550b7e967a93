/**
 * A Firefox for the picker's tests in the real 2020 Gmail compose at its real URL (served through ./proxy.ts, the
 * page's HTML through `page` when given): Ada's badge imported from the test backpack; `open()` puts the caret in
 * the compose body and opens the picker on its rows. Used by firefox-picker-clickjacking and firefox-picker-keys.
 */
import { expect } from 'vitest';
import { startBackpack } from '../../backpack/server.ts';
import { realPage, REAL_GMAIL } from '../../content/support/pages.ts';
import { proxyPrefs, startProxy } from './proxy.ts';
import { Firefox } from './support.ts';

export const BODY = 'div[g_editable="true"]';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

export interface GmailPicker {
  ff: Firefox;
  /** A fresh tab of Gmail's compose (the others closed), the caret in its body, the picker open on its rows. */
  open(): Promise<void>;
  close(): Promise<void>;
}

export async function startGmailPicker(page: (html: string) => string = (html) => html): Promise<GmailPicker> {
  const bp = await startBackpack({ port: 0 });
  const proxy = await startProxy(['mail.google.com'], (url) => (url.pathname === '/mail/u/0/' ? page(realPage(REAL_GMAIL)) : null));
  const ff = await Firefox.launch({ prefs: proxyPrefs(proxy.port) });
  const close = async () => {
    await ff.quit();
    await proxy.close();
    await bp.close();
  };
  const ext = await ff.openTab(ff.popupUrl);
  await ff.grantHosts(['http://127.0.0.1/*']);
  const r = await ff.send('badges/import', { source: { kind: 'text', text: `${bp.baseUrl}/public/assertions/ada-programmer` } });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  const open = async () => {
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
  };
  return { ff, open, close };
}
