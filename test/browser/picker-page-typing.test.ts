/**
 * A page that types into the picker's search (attack33), in Chromium with the built extension: the real 2020 Gmail
 * compose at its real URL (routed), whose script, once Lanyard's search has the focus, edits it with
 * `document.execCommand('insertText')`. Editing commands act on the focused field even inside a closed shadow root, and
 * their `input` event is trusted (isTrusted true, inputType insertText): the picker searched for the page's words and
 * showed the rows the page chose under the person's pointer. They fire no `beforeinput` (Input Events 2), which the
 * person's typing always does: the picker undoes the page's edit and searches nothing for it; the person's own typing
 * still searches. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { caretAfter, clickButton, inShadow, pickerOptions, serve, waitFor } from '../content/support/browser.ts';
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

const searchValue = (page: import('playwright-core').Page) => inShadow(page, 'picker', (root) => (root.querySelector('input') as HTMLInputElement).value);

describe('a page that types into the picker’s search', () => {
  it('its document.execCommand edits are undone and search nothing; the person’s typing searches', async () => {
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    await page.evaluate((sel) => void (document.querySelector(sel)!.innerHTML = 'Dear Grace,<br>my badge: <br>Ada'), BODY);
    await caretAfter(page, BODY, 'my badge: ');
    await clickButton(page, 'insert-badge');
    const all = await pickerOptions(page);
    expect(all.length).toBe(2);
    // The page's script: Lanyard's host has the focus (its search inside), so the editing command edits the search.
    const edited = await page.evaluate(() => {
      const focused = document.activeElement?.getAttribute('data-lanyard');
      return `${focused} ${document.execCommand('insertText', false, 'Ada')}`;
    });
    expect(edited).toBe('picker true');
    await page.waitForTimeout(800);
    expect(await searchValue(page)).toBe('');
    expect(await pickerOptions(page)).toEqual(all);
    // A person's typing: announced by its beforeinput, it searches.
    await page.keyboard.type('zzqq');
    expect(await searchValue(page)).toBe('zzqq');
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelectorAll('li[role=option]').length === 0));
    await page.close();
  });
});
