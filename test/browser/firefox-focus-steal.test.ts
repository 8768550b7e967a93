/**
 * A page that moves the focus onto Lanyard's "Add badge" button under the user's typing, in Firefox (dist/firefox
 * through Marionette; attack39): the real 2020 Gmail compose at its real URL. The page's script focuses the button's
 * host at each key the user types in the message; the user's next Enter or Space, meant for the message, pressed the
 * button. A key now presses it only where the user's own Tab brought the focus (src/content/ui/press.ts): Firefox
 * presses a button with Space at its keyup, after a keydown Lanyard cancelled. And the open picker's host given a
 * tabindex and focused by the page: the key shield handed the user's Enter to the picker, which picked its first row
 * (src/content/ui/picker.ts now acts only on keys its own controls have the focus for). Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY, startGmailPicker, type GmailPicker } from './firefox/gmail-picker.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let gmail: GmailPicker;

beforeAll(async () => {
  gmail = await startGmailPicker();
  ff = gmail.ff;
});
afterAll(async () => {
  await gmail?.close();
});

const focused = () => ff.run(() => document.activeElement?.getAttribute('data-lanyard') ?? null);
const pickerShown = () => ff.run(() => document.querySelector('[data-lanyard="picker"]') !== null);

async function compose(): Promise<void> {
  await ff.openTab('https://mail.google.com/mail/u/0/#inbox?compose=new');
  await ff.find('[data-lanyard="insert-badge"]');
  await ff.run((sel: string) => {
    const el = document.querySelector(sel) as HTMLElement;
    el.innerHTML = 'Dear Grace,<br>';
    el.focus();
    const r = document.createRange();
    r.setStart(el, 1);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  }, BODY);
}

describe('the page moves the focus onto Add badge under the user’s keys, in Firefox', { timeout: 180_000 }, () => {
  it('an Enter or a Space meant for the message opens nothing; the user’s own Tab and Enter open the picker', async () => {
    await compose();
    await ff.run(() => {
      const host = document.querySelector<HTMLElement>('[data-lanyard="insert-badge"]')!;
      document.addEventListener('keyup', () => host.focus(), true);
    });
    await ff.press('T');
    expect(await focused()).toBe('insert-badge');
    await ff.press('\uE007'); // Enter
    await ff.press(' ');
    await new Promise((r) => setTimeout(r, 800));
    expect(await pickerShown()).toBe(false);

    await compose();
    for (let i = 0; i < 30 && (await focused()) !== 'insert-badge'; i++) await ff.press('\uE004'); // Tab
    expect(await focused()).toBe('insert-badge');
    await ff.press('\uE007');
    await waitFor(pickerShown, 10_000, 'the picker opened');
  });

  it('the open picker’s host given a tabindex and focused by the page: the user’s Enter picks nothing', async () => {
    await gmail.open();
    await ff.run((sel: string) => {
      (document.querySelector(sel) as HTMLElement).focus();
      const host = document.querySelector<HTMLElement>('[data-lanyard="picker"]')!;
      host.tabIndex = -1;
      document.addEventListener('keyup', () => host.focus(), true);
    }, BODY);
    await new Promise((r) => setTimeout(r, 700));
    await ff.press('k');
    expect(await focused()).toBe('picker');
    await ff.press('\uE007');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await ff.run((sel: string) => document.querySelector(sel)!.innerHTML.includes('<table'), BODY)).toBe(false);
  });
  it('the picker closed with Escape gives the focus back to the button, whose Enter opens it again; the page’s focus() later opens nothing', async () => {
    await compose();
    for (let i = 0; i < 30 && (await focused()) !== 'insert-badge'; i++) await ff.press('\uE004'); // Tab
    await ff.press('\uE007');
    await waitFor(pickerShown, 10_000, 'the picker opened');
    await new Promise((r) => setTimeout(r, 300));
    await ff.press('\uE00C'); // Escape
    await waitFor(async () => !(await pickerShown()), 10_000, 'the picker closed');
    // The focus fell to the body before (WAI-ARIA APG dialog: back to the opener); its Enter is the user's (press.ts BACK).
    expect(await focused()).toBe('insert-badge');
    await ff.press('\uE007');
    await waitFor(pickerShown, 10_000, 'the picker opened again');
    await ff.press('\uE00C');
    await waitFor(async () => !(await pickerShown()), 10_000, 'the picker closed again');
    // The mark was for that one focus: the page's own focus() under the user's keys gets no Enter.
    await ff.run((sel: string) => {
      (document.querySelector(sel) as HTMLElement).focus();
      const host = document.querySelector<HTMLElement>('[data-lanyard="insert-badge"]')!;
      document.addEventListener('keyup', () => host.focus(), true);
    }, BODY);
    await ff.press('T');
    expect(await focused()).toBe('insert-badge');
    await ff.press('\uE007');
    await new Promise((r) => setTimeout(r, 800));
    expect(await pickerShown()).toBe(false);
  });
});
