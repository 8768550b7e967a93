/**
 * Picker clickjacking in Chromium with the built extension (src/content/ui/armed.ts): the real
 * 2020 Gmail compose, whose page lays its own picture over the open picker with
 * `pointer-events: none` (the person's click would go through to a row they cannot see), or makes
 * the whole page, picker included, almost transparent. The picker is in the top layer, raised again
 * above the page's own popovers (src/content/ui/top-layer.ts, attack31): the page's overlay is painted
 * under it; a page that keeps raising its own closes it; a nearly transparent page's click puts no
 * badge in, and once the page stops, the same click does. The page also fades it for one click (the words saying why
 * move the rows) and types into its search (document.execCommand) (attack33). Run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inShadow, pickerOptions, waitFor } from '../content/support/browser.ts';
import type { WithBadges } from '../content/support/extension.ts';
import { armed, BODY, firstRow, inserted, launchGmail, pickerOpen as openOn } from './support/gmail-picker.ts';
import { seenAt } from './support/hit-test.ts';

let env: WithBadges;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await launchGmail();
});
afterAll(async () => {
  await env?.close();
});

const pickerOpen = (init?: () => void): Promise<Page> => openOn(env, init);

const SHOTS = resolve(import.meta.dirname, '../../.tmp/shots');

/** The page's picture over everything it paints, letting clicks through, after Lanyard's host at the same z-index. */
const decoy = () => {
  const o = document.createElement('div');
  o.id = 'decoy';
  o.textContent = 'Click here to claim your prize';
  o.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;font:40px sans-serif';
  document.documentElement.append(o);
};


/**
 * `hide` runs in the page; a person looks for a while, then clicks where the first row is: nothing
 * goes in. Once `show` has undone it, the same click puts the badge in.
 */
async function clickWhileHidden(page: Page, hide: () => void, show: () => void): Promise<void> {
  await page.evaluate(hide);
  const at = await firstRow(page);
  await page.screenshot({ path: resolve(SHOTS, 'picker-faded.png') });
  await page.waitForTimeout(1500);
  expect(await armed(page)).toBe(false);
  await page.mouse.click(at.x, at.y);
  // Given time to act, and for the person to read why (the words moved the rows: a pick waits ARM_MS after them).
  await page.waitForTimeout(700);
  expect(await inserted(page)).toBe(false);
  await page.evaluate(show);
  // A person's click on the first row (moved down by the line saying why the first did nothing): the pick is judged
  // again at the click (armed.ts check()). Nothing else need tell the panel the page stopped: in the top layer the
  // page's opacity never faded it (screenshot picker-faded.png), so its IntersectionObserver saw no change.
  const again = await firstRow(page);
  await page.mouse.click(again.x, again.y);
  await waitFor(() => inserted(page));
  await page.close();
}

describe('the picker against a clickjacking page', () => {
  it('a see-through overlay at the highest z-index, painted after the picker’s host: the picker is painted above it, and the person’s click picks what they see', async () => {
    // Where the browser cannot tell what covers the panel (Firefox: no IntersectionObserver v2), a click through it picked a badge unseen.
    const page = await pickerOpen();
    await page.evaluate(decoy);
    const at = await firstRow(page);
    await page.screenshot({ path: resolve(SHOTS, 'picker-overlay.png') });
    expect(await seenAt(page, at.x, at.y)).toBe('lanyard:picker');
    await waitFor(() => armed(page));
    await page.mouse.click(at.x, at.y);
    await waitFor(() => inserted(page));
    await page.close();
  });

  for (const where of ['document', 'closed shadow root'] as const) {
    it(`the page’s popover shown over the open picker (in its ${where}): the picker is raised above it`, async () => {
      const page = await pickerOpen();
      await page.evaluate((inRoot) => {
        const o = document.createElement('div');
        o.setAttribute('popover', 'manual');
        o.textContent = 'Click here to claim your prize';
        o.style.cssText = 'position:fixed;inset:0;width:auto;height:auto;margin:0;border:0;pointer-events:none;background:#fff;font:40px sans-serif';
        const box = document.createElement('div');
        document.body.append(box);
        (inRoot ? box.attachShadow({ mode: 'closed' }) : box).append(o);
        o.showPopover();
      }, where !== 'document');
      const at = await firstRow(page);
      await waitFor(async () => (await seenAt(page, at.x, at.y)) === 'lanyard:picker', 3000);
      await page.screenshot({ path: resolve(SHOTS, `picker-popover-${where.replace(/ /g, '-')}.png`) });
      await page.close();
    });
  }

  it('a page that shows its popover while the person types in the search: the typing stays in the search', async () => {
    const page = await pickerOpen();
    await page.keyboard.type('Da');
    await page.evaluate(() => {
      const o = document.createElement('div');
      o.setAttribute('popover', 'manual');
      o.textContent = 'A notice';
      document.body.append(o);
      o.showPopover();
    });
    await page.waitForTimeout(500);
    await page.keyboard.type('ta');
    expect(await inShadow(page, 'picker', (root) => (root.querySelector('input') as HTMLInputElement).value)).toBe('Data');
    expect(await page.innerHTML(BODY)).not.toContain('ta');
    await page.close();
  });

  it('a page that shows its own popover again after each raise of the picker: the picker closes', async () => {
    const page = await pickerOpen();
    await page.evaluate(() => {
      const o = document.createElement('div');
      o.setAttribute('popover', 'manual');
      o.textContent = 'A look-alike';
      document.body.append(o);
      document.addEventListener('beforetoggle', (e) => {
        if ((e.target as HTMLElement).dataset.lanyard && (e as ToggleEvent).newState === 'open') setTimeout(() => (o.matches(':popover-open') && o.hidePopover(), o.showPopover()));
      }, true);
      o.showPopover();
    });
    await waitFor(() => page.evaluate(() => document.querySelector('[data-lanyard="picker"]') === null), 5000);
    await page.close();
  });

  it('a site that shows a notice now and then while the picker is up (more than four in all): the picker stays, and a person’s click picks', async () => {
    // Only a page that keeps raising its own over the picker closes it (MAX_RAISES within RAISE_WINDOW_MS): six notices
    // 700 ms apart, each gone before the next, closed the picker after the fifth.
    const page = await pickerOpen();
    for (let i = 0; i < 6; i++) {
      await page.evaluate((n) => {
        document.getElementById('notice')?.remove();
        const o = document.createElement('div');
        o.id = 'notice';
        o.setAttribute('popover', 'manual');
        o.textContent = `Message ${n} sent`;
        o.style.cssText = 'inset:auto 0 0 auto;margin:8px';
        document.body.append(o);
        o.showPopover();
      }, i);
      await page.waitForTimeout(700);
    }
    expect(await page.evaluate(() => document.querySelector('[data-lanyard="picker"]') !== null)).toBe(true);
    await waitFor(() => armed(page));
    const at = await firstRow(page);
    await page.mouse.click(at.x, at.y);
    await waitFor(() => inserted(page));
    await page.close();
  });

  it('a page that hides the pointer (cursor: none, !important, on every element and on Lanyard’s host) to draw a fake one elsewhere: over the picker the real pointer shows', async () => {
    const page = await pickerOpen();
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'html, html *, [data-lanyard] { cursor: none !important }';
      document.head.append(style);
      document.querySelector<HTMLElement>('[data-lanyard="picker"]')!.style.setProperty('cursor', 'none', 'important');
    });
    // The page's own elements lose the pointer; the picker's panel and rows keep theirs (shadow.ts: all: initial !important on the host).
    expect(await page.evaluate((sel) => getComputedStyle(document.querySelector(sel)!).cursor, BODY)).toBe('none');
    const cursors = await inShadow(page, 'picker', (root) => [getComputedStyle(root.querySelector('[role=dialog]')!).cursor, getComputedStyle(root.querySelector('li[data-i="0"]')!).cursor]);
    expect(cursors).toEqual(['auto', 'pointer']);
    await page.close();
  });

  it('a page that draws its picture in the picker host’s own ::after (after the panel, in the top layer with it, clicks let through, !important): nothing of it is drawn, the picker stays, and the person’s click picks what they see (attack38)', async () => {
    // Before: Chromium's IntersectionObserver v2 saw the panel covered by its own host's ::after, no raise got above it,
    // and the picker closed; in Firefox a click "on the page" picked the badge under the picture (firefox-picker-clickjacking).
    const page = await pickerOpen();
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = '[data-lanyard="picker"]::before,[data-lanyard="picker"]::after{content:"Click here to claim your prize"!important;display:block!important;position:fixed!important;inset:0!important;z-index:2147483647!important;pointer-events:none!important;background:#fff!important;font:40px sans-serif!important}';
      document.head.append(s);
    });
    const pseudo = () => page.evaluate(() => ['::before', '::after'].map((p) => getComputedStyle(document.querySelector('[data-lanyard="picker"]')!, p).content));
    expect(await pseudo()).toEqual(['none', 'none']);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: resolve(SHOTS, 'picker-page-pseudo.png') });
    await waitFor(() => armed(page));
    const at = await firstRow(page);
    expect(await seenAt(page, at.x, at.y)).toBe('lanyard:picker');
    await page.mouse.click(at.x, at.y);
    await waitFor(() => inserted(page));
    await page.close();
  });

  it('an almost transparent page (opacity on the picker’s ancestor): the click picks nothing', async () => {
    const page = await pickerOpen();
    await clickWhileHidden(page, () => void (document.documentElement.style.opacity = '0.02'), () => void (document.documentElement.style.opacity = ''));
  });

  it('a page that fades the picker at a person’s press and unfades it at once: the line saying why moves the rows down, and the double click’s second click picks nothing, not the row that slid under the pointer', async () => {
    // attack33: the refusal's words above the list push every row down (about one row), while the panel itself does not move
    // (armed.ts sees no move); a second click at the same spot, within ARM_MS, landed on another row, and picked it.
    const page = await pickerOpen();
    await waitFor(() => armed(page));
    const at = await inShadow(page, 'picker', (root) => {
      const r = root.querySelector('li[data-i="1"]')!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.evaluate(() => {
      // At the person's press (before Lanyard hears it), the page fades everything; after the click was refused, it undoes it.
      addEventListener('pointerdown', (e) => e.isTrusted && (document.documentElement.style.opacity = '0.02'), { capture: true, once: true });
      addEventListener('click', () => void (document.documentElement.style.opacity = ''), { once: true });
    });
    await page.mouse.click(at.x, at.y);
    const moved = await inShadow(page, 'picker', (root) => root.querySelector('li[data-i="1"]')!.getBoundingClientRect().y);
    expect(moved).toBeGreaterThan(at.y - 10);
    // The second click of a double click, at the same spot, a moment later.
    await page.waitForTimeout(120);
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(500);
    expect(await inserted(page)).toBe(false);
    // Nor the share warning of a badge that is not valid (the other row): the list still shows.
    expect(await inShadow(page, 'picker', (root) => (root.querySelector('[role=alert]')!.parentElement as HTMLElement).hidden)).toBe(true);
    // Once the rows have been seen where they are now, a person's click picks (the first row: the valid badge).
    await waitFor(() => armed(page));
    const first = await firstRow(page);
    await page.mouse.click(first.x, first.y);
    await waitFor(() => inserted(page));
    await page.close();
  });

  it('a page that types into the picker’s search once it has the focus (document.execCommand: a trusted input event, no beforeinput): its edit is undone and searches nothing; the person’s typing searches', async () => {
    // attack33: editing commands act on the focused search inside the closed root; the picker searched for the page's
    // words and showed the rows it chose under the person's pointer. The person's typing is announced by a beforeinput.
    const page = await pickerOpen();
    const all = await pickerOptions(page);
    expect(all.length).toBe(2);
    const search = () => inShadow(page, 'picker', (root) => (root.querySelector('input') as HTMLInputElement).value);
    expect(await page.evaluate(() => `${document.activeElement?.getAttribute('data-lanyard')} ${document.execCommand('insertText', false, 'Ada')}`)).toBe('picker true');
    await page.waitForTimeout(800);
    expect(await search()).toBe('');
    expect(await pickerOptions(page)).toEqual(all);
    await page.keyboard.type('zzqq');
    expect(await search()).toBe('zzqq');
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelectorAll('li[role=option]').length === 0));
    await page.close();
  });

  it('a page that would cancel the person’s keystroke in the search (its beforeinput) and edit the search with its own words instead: it never hears the keystroke (attack36)', async () => {
    const page = await pickerOpen();
    await pickerOptions(page);
    await page.evaluate(() => addEventListener('beforeinput', (e) => {
      if (!e.isTrusted) return;
      e.preventDefault();
      (window as unknown as { edited: boolean }).edited = document.execCommand('insertText', false, 'Ada');
    }));
    await page.keyboard.type('z');
    await page.waitForTimeout(800);
    // The window's first listener (keys-first.ts) stopped the person's beforeinput before the page's: typed as typed.
    // (Where that listener is missing, the picker undoes the page's edit: test/content/ui/picker.test.ts.)
    expect(await page.evaluate(() => (window as unknown as { edited?: boolean }).edited)).toBeUndefined();
    expect(await inShadow(page, 'picker', (root) => (root.querySelector('input') as HTMLInputElement).value)).toBe('z');
    await page.close();
  });

  it('a page that replaced attachShadow, showPopover, hidePopover, addEventListener and getComputedStyle before Lanyard ran: none of them is Lanyard’s (its world’s own), the root stays closed and the picker on top', async () => {
    // The content script runs in an isolated world (Chromium) with its own prototypes: the page's replacements never see its calls.
    const page = await pickerOpen(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        w.seen.push(`attachShadow ${this.getAttribute('data-lanyard') ?? this.tagName}`);
        return attach.call(this, { ...init, mode: 'open' });
      };
      HTMLElement.prototype.showPopover = function () { w.seen.push('showPopover'); };
      HTMLElement.prototype.hidePopover = function () { w.seen.push('hidePopover'); };
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (type: string, ...rest: unknown[]) {
        // Lanyard's picker listens inside its shadow root (keys, clicks): a shared prototype would show them here.
        if (this instanceof Node && this.getRootNode() instanceof ShadowRoot) w.seen.push(`addEventListener ${type} in a shadow root`);
        return (add as (...a: unknown[]) => void).call(this, type, ...rest);
      };
      window.getComputedStyle = () => ({ opacity: '1', filter: 'none', clipPath: 'none', maskImage: 'none', mixBlendMode: 'normal', zoom: '1', getPropertyValue: () => '' }) as unknown as CSSStyleDeclaration;
    });
    const host = await page.evaluate(() => {
      const h = document.querySelector('[data-lanyard="picker"]') as HTMLElement;
      const seen = [...(window as unknown as { seen: string[] }).seen];
      // The page's replacements are in place in its own world.
      const own = document.createElement('div').attachShadow({ mode: 'closed' });
      return { open: h.shadowRoot !== null, onTop: h.matches(':popover-open'), seen, pageOwn: own.host.shadowRoot !== null };
    });
    expect(host.pageOwn).toBe(true);
    expect(host.open).toBe(false);
    expect(host.onTop).toBe(true);
    expect(host.seen).toEqual([]);
    // And its opacity check is its own: the page's getComputedStyle saying "opaque" does not arm a faded picker.
    await clickWhileHidden(page, () => void (document.documentElement.style.opacity = '0.02'), () => void (document.documentElement.style.opacity = ''));
  });

  it('a page that moves the picker into a see-through frame of its own (same origin, opacity 0.05, over the page): it closes, and clicks there pick nothing (attack36)', async () => {
    const page = await pickerOpen();
    await waitFor(() => armed(page));
    const at = await firstRow(page);
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;opacity:0.05;z-index:2147483647';
      document.body.append(f);
      f.contentDocument!.body.style.margin = '0';
      f.contentDocument!.body.append(document.querySelector('[data-lanyard="picker"]')!);
    });
    await page.waitForTimeout(1200);
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(1000);
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(800);
    expect(await inserted(page)).toBe(false);
    expect(await page.evaluate(() => document.querySelector('iframe')!.contentDocument!.querySelector('[data-lanyard="picker"]') !== null)).toBe(false);
    await page.close();
  });

  it('a page that opens its own modal dialog while the picker is up: the picker goes, not left painted above it while its clicks reach the page’s button under it', async () => {
    // Raised above the modal, a picker outside the dialog is still inert (HTML §6.13 "blocked by a modal dialog"): seen, but a
    // person's click on its first row went to whatever the page put there.
    const page = await pickerOpen();
    const at = await firstRow(page);
    await page.evaluate((p) => {
      const d = document.createElement('dialog');
      d.style.cssText = 'margin:0;padding:0;border:0;width:100vw;height:100vh;max-width:none;max-height:none;background:transparent';
      const b = document.createElement('button');
      b.id = 'under';
      b.textContent = 'Delete everything';
      b.style.cssText = `position:fixed;left:${p.x - 50}px;top:${p.y - 15}px;width:100px;height:30px`;
      b.onclick = () => void (document.documentElement.dataset.clicked = 'under');
      d.append(b);
      document.body.append(d);
      d.showModal();
    }, at);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: resolve(SHOTS, 'picker-modal.png') });
    expect(await page.evaluate(() => document.querySelector('[data-lanyard="picker"]') !== null)).toBe(false);
    await page.close();
  });
});

