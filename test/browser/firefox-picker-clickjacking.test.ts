/**
 * The picker against a clickjacking page in Firefox (dist/firefox through Marionette), where no
 * IntersectionObserver v2 tells what covers it: the real 2020 Gmail compose at its real URL (through
 * firefox/proxy.ts), whose page shows a see-through popover (`pointer-events: none`, opaque, its own
 * words) inside a closed shadow root of its own after the picker. Its `beforetoggle` never reaches the
 * document, the hit test finds the picker under it, and a person's click "on the page" picked the
 * badge under the picture (attack32). The picker must be raised above it and count no click made while
 * it was covered; a page that shows it again every frame gets no pick at all. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY, startGmailPicker, type GmailPicker } from './firefox/gmail-picker.ts';
import { COVER } from './firefox/page-cover.ts';
import { LOOK_ALIKE_TRANSITION } from './firefox/view-transition.ts';
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

/** Gmail's compose with the caret in its body and the picker open on its rows, armed. */
async function pickerOpen(): Promise<void> {
  await gmail.open();
  await waitFor(async () => (await ff.inShadow('picker', '[role=dialog][data-armed]'))[0], 10_000, 'the picker armed');
}

/** The first row's centre in the viewport, where a person would click. */
async function firstRow(): Promise<{ x: number; y: number }> {
  const [li] = await ff.inShadow('picker', 'li[data-i="0"]');
  return ff.run((el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
  }, li as unknown as Element);
}

/** A person's click (trusted pointer events) at a point of the viewport. */
async function clickAt(at: { x: number; y: number }): Promise<void> {
  await ff.m.send('WebDriver:PerformActions', {
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', duration: 0, origin: 'viewport', x: at.x, y: at.y },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ] }],
  });
  await ff.m.send('WebDriver:ReleaseActions', {});
}

/** Lanyard's English words (the browser's language here), read as the extension ships them. */
const EN = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
/** What the picker's status (role=status, read out) says: CSS generated content (src/content/ui/quiet.ts). */
const said = async (): Promise<string> => {
  const [q] = await ff.inShadow('picker', '[role=status] [data-q]');
  return q ? ((await ff.attribute(q, 'data-q')) ?? '') : '';
};

const inserted = () => ff.run((sel: string) => document.querySelector(sel)!.innerHTML.includes('<table'), BODY);

/**
 * A click on the picker's first row, given time to act, while the page keeps its popover open in its shadow root: it
 * picked nothing, and the picker's status (read out) tells the user to close the site's pop-up, not that the page
 * covers or fades the panel (attack33); under a view transition, that the page is changing (attack36).
 */
async function clickPicksNothing(words = EN.contentPickerSitePopup!.message): Promise<void> {
  await clickAt(await firstRow());
  await new Promise((r) => setTimeout(r, 800));
  expect(await inserted()).toBe(false);
  expect(await said()).toBe(words);
}

/** The page's popover gone (a site's notice closing), a person's click on what they see picks it. */
async function coverGoneClickPicks(): Promise<void> {
  await ff.run(() => (window as unknown as { stopCover: () => void }).stopCover());
  await new Promise((r) => setTimeout(r, 800));
  await clickAt(await firstRow());
  await waitFor(() => inserted(), 10_000, 'the badge inserted');
}
const pickerUp = () => ff.run(() => document.querySelector('[data-lanyard="picker"]') !== null);

/** The page's picture over the whole viewport (firefox/page-cover.ts). */
const cover = (o: { everyFrame?: boolean; unheard?: boolean; inDocument?: boolean } = {}) => ff.run(COVER, 'Click anywhere to claim your prize', o);

describe('the picker against a clickjacking page in Firefox', { timeout: 180_000 }, () => {
  it('a view transition drawing the page’s picture above the top layer, over the armed picker, clicks let through: no click picks while it runs; once it ends, a click picks', async () => {
    // attack35: the transition's named group is painted over the picker (CSS View Transitions 1), the hit test still finds
    // the picker (the transition lets the pointer through), and nothing tells Firefox the panel is covered.
    await pickerOpen();
    await ff.run(LOOK_ALIKE_TRANSITION, 'Click anywhere to claim your prize', { x: 0, y: 0, w: 1200, h: 900 });
    expect(await ff.run(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
    await clickPicksNothing(EN.contentPickerTransition!.message);
    await ff.run(() => (window as unknown as { endTransition: () => void }).endTransition());
    await new Promise((r) => setTimeout(r, 800));
    await clickAt(await firstRow());
    await waitFor(() => inserted(), 10_000, 'the badge inserted');
  });

  it('a view transition the page ends at the person’s press (its capturing listener on the window runs first): that click picks nothing', async () => {
    // attack35: the picture over the picker goes as the press comes; the pick is judged at the click, no transition then.
    await pickerOpen();
    await ff.run(LOOK_ALIKE_TRANSITION, 'Click anywhere to claim your prize', { x: 0, y: 0, w: 1200, h: 900 });
    await ff.run(() => addEventListener('pointerdown', () => (window as unknown as { endTransition: () => void }).endTransition(), { capture: true, once: true }));
    await new Promise((r) => setTimeout(r, 800));
    await clickAt(await firstRow());
    await new Promise((r) => setTimeout(r, 800));
    expect(await ff.run(() => document.documentElement.matches(':active-view-transition'))).toBe(false);
    expect(await inserted()).toBe(false);
  });

  it('a see-through popover in the page’s closed shadow root, shown after the picker: a click under it picks nothing, the picker is raised above it; once it is gone, a click picks', async () => {
    await pickerOpen();
    // Another refusal (the page fades what the panel is in: its host's own style is Lanyard's, `all: initial !important`)
    // keeps its own words: the pop-up's are for a site's pop-up alone.
    await ff.run(() => (document.documentElement.style.opacity = '0.5'));
    await clickAt(await firstRow());
    await new Promise((r) => setTimeout(r, 800));
    expect(await inserted()).toBe(false);
    expect(await said()).toBe(EN.contentPickerHidden!.message);
    await ff.run(() => (document.documentElement.style.opacity = ''));
    await new Promise((r) => setTimeout(r, 800));
    // The status line above the rows moved them: where the first row is now.
    const at = await firstRow();
    await cover();
    await clickAt(at);
    await new Promise((r) => setTimeout(r, 800));
    // Raised above the page's picture (screenshot), saying why the click did nothing: the site's pop-up to close.
    await ff.screenshot('picker-shadow-popover', null);
    expect(await inserted()).toBe(false);
    expect(await said()).toBe(EN.contentPickerSitePopup!.message);
    // Its order against the picker cannot be known for sure while it is open (the next test): a click still picks nothing.
    await clickPicksNothing();
    await coverGoneClickPicks();
  });

  it('the popover shown again every frame with its beforetoggle stopped in its own root: no click picks while it is open; once it is gone, a click picks', async () => {
    await pickerOpen();
    await cover({ everyFrame: true, unheard: true });
    await new Promise((r) => setTimeout(r, 1000));
    await ff.screenshot('picker-shadow-popover-stopped', null);
    await clickPicksNothing();
    await coverGoneClickPicks();
  });

  it('the popover in the document, shown again every frame with its beforetoggle stopped at the window: no click picks while it is open; once it is gone, a click picks', async () => {
    await pickerOpen();
    await cover({ everyFrame: true, unheard: true, inDocument: true });
    await new Promise((r) => setTimeout(r, 1000));
    await ff.screenshot('picker-document-popover-stopped', null);
    await clickPicksNothing();
    await coverGoneClickPicks();
  });

  it('a page that moves the picker into a see-through frame of its own (same origin, opacity 0.05, over the page): it closes, and a click there picks nothing (attack36)', async () => {
    // The picker's checks read its ancestors up to its own document's root: the frame's opacity, in the page's
    // document, was out of their sight, and Firefox has no IntersectionObserver v2 to tell.
    await pickerOpen();
    const at = await firstRow();
    await ff.run(() => {
      const f = document.createElement('iframe');
      f.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;opacity:0.05;z-index:2147483647';
      document.body.append(f);
      const d = f.contentDocument!;
      d.body.style.margin = '0';
      d.body.append(document.querySelector('[data-lanyard="picker"]')!);
    });
    await new Promise((r) => setTimeout(r, 1200));
    // Where the first row is in the frame (at the frame's top left corner: where it is in the page's viewport).
    const fr = await ff.find('iframe');
    await ff.m.send('WebDriver:SwitchToFrame', { element: Object.values(fr)[0] });
    // (Before the fix it was there, armed: the page knows where, from its host's box.)
    const there = (await ff.run(() => document.querySelector('[data-lanyard="picker"]') !== null)) ? await firstRow() : at;
    await ff.m.send('WebDriver:SwitchToParentFrame', {});
    // A person clicking what they see (the page's picture) twice, a second apart.
    await clickAt(there);
    await new Promise((r) => setTimeout(r, 1000));
    await clickAt(there);
    await new Promise((r) => setTimeout(r, 800));
    expect(await inserted()).toBe(false);
    expect(await ff.run(() => document.querySelector('iframe')!.contentDocument!.querySelector('[data-lanyard="picker"]') !== null)).toBe(false);
  });

  it('a page that draws its picture in the picker host’s own ::after (after the panel, in the top layer with it, clicks let through, !important): nothing of it is drawn, and a click picks what the person sees (attack38)', async () => {
    // Before: the picture covered the whole picker (nothing tells Firefox what covers it; no raise gets above the host's
    // own pseudo-element), and a person's click "on the page" picked the badge under it.
    await pickerOpen();
    const pseudo = await ff.run(() => {
      const s = document.createElement('style');
      s.textContent = '[data-lanyard="picker"]::before,[data-lanyard="picker"]::after{content:"Click here to claim your prize"!important;display:block!important;position:fixed!important;inset:0!important;z-index:2147483647!important;pointer-events:none!important;background:#fff!important;font:40px sans-serif!important}';
      document.head.append(s);
      return ['::before', '::after'].map((p) => getComputedStyle(document.querySelector('[data-lanyard="picker"]')!, p).content);
    });
    expect(pseudo).toEqual(['none', 'none']);
    await new Promise((r) => setTimeout(r, 800));
    await ff.screenshot('picker-page-pseudo', null);
    await clickAt(await firstRow());
    await waitFor(() => inserted(), 10_000, 'the badge inserted');
  });

  it('a page that makes up clicks and keys on the picker (isTrusted false): nothing is picked; a person’s Enter picks', async () => {
    await pickerOpen();
    const at = await firstRow();
    await ff.run((p: { x: number; y: number }) => {
      const host = document.querySelector('[data-lanyard="picker"]') as HTMLElement;
      for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        host.dispatchEvent(new MouseEvent(t, { bubbles: true, composed: true, cancelable: true, clientX: p.x, clientY: p.y, button: 0 }));
      host.click();
      for (const key of ['ArrowDown', 'Enter', ' ']) {
        for (const to of [host, document.activeElement!]) to.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      }
    }, at);
    await new Promise((r) => setTimeout(r, 800));
    expect(await inserted()).toBe(false);
    expect(await pickerUp()).toBe(true);
    // The search box has the focus: a person's Enter picks the first row.
    await ff.press('\uE007');
    await waitFor(() => inserted(), 10_000, 'the badge inserted');
  });

  it('a page that types into the picker’s search (document.execCommand, no beforeinput): its edit is undone and searches nothing; a person’s typing searches', async () => {
    await pickerOpen();
    const search = async () => ff.run((el: HTMLInputElement) => el.value, (await ff.inShadow('picker', 'input'))[0] as unknown as HTMLInputElement);
    expect(await ff.run(() => `${document.activeElement?.getAttribute('data-lanyard')} ${document.execCommand('insertText', false, 'zzqq')}`)).toBe('picker true');
    await new Promise((r) => setTimeout(r, 800));
    expect(await search()).toBe('');
    expect((await ff.inShadow('picker', 'li[role=option]')).length).toBe(1);
    await ff.type((await ff.inShadow('picker', 'input'))[0]!, 'zzqq');
    expect(await search()).toBe('zzqq');
    await waitFor(async () => (await ff.inShadow('picker', 'li[role=option]')).length === 0, 10_000, 'no row for the person’s search');
    // The page would cancel the person's next keystroke (its beforeinput) and make its own edit in its stead.
    await ff.run(() => addEventListener('beforeinput', (e) => {
      if (!e.isTrusted) return;
      e.preventDefault();
      (window as unknown as { edited: boolean }).edited = document.execCommand('insertText', false, 'Ada');
    }));
    await ff.press('x');
    await new Promise((r) => setTimeout(r, 800));
    // The window's first listener (keys-first.ts) stopped the person's beforeinput before the page's (attack36): the
    // page never heard it, and the keystroke typed as typed. (Where that listener is missing, the picker undoes the
    // page's edit: test/content/ui/picker.test.ts.)
    expect(await ff.run(() => (window as unknown as { edited?: boolean }).edited ?? null)).toBeNull();
    expect(await search()).toBe('zzqqx');
  });

  it('the same popover shown again every frame: no click picks, and the picker goes', async () => {
    await pickerOpen();
    const at = await firstRow();
    await cover({ everyFrame: true });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 700));
      if (await pickerUp()) await clickAt(at);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await inserted()).toBe(false);
    expect(await pickerUp()).toBe(false);
  });
});
