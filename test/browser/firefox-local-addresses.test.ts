/**
 * Session 20's popup features in Firefox's real toolbar panel (firefox/panel.ts), over the real
 * background page and a fresh profile: "Your addresses in this browser" on the Accounts screen (an
 * address typed with the keyboard and added with Enter, kept across panel opens, one listed already
 * in another letter case refused with aria-invalid and its words, Remove handing focus to the
 * panel's heading); a local badge issued to a typed address, whose page says "an address you typed";
 * and its Share screen's LinkedIn note for a badge with no public link. Each screen: nothing wider
 * than the panel's 380 px, no script error; screenshots under test-results/firefox/.
 * The Chromium twin is popup-local-addresses.test.ts (and popup-session-walk.test.ts for the preview).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPED as LONG } from '../../src/popup/mock-world.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';
import { ToolbarPanel } from './firefox/panel.ts';
import { Firefox, waitFor } from './firefox/support.ts';

const ENTER = '\uE007';
/** ob30/complete.json names two plain e-mail recipients; this is one of them. */
const TYPED = 'student@1edtech.edu';

let ff: Firefox;
let panel: ToolbarPanel;

beforeAll(async () => {
  ff = await Firefox.launch();
  panel = new ToolbarPanel(ff);
  await ff.openPopup();
});
afterAll(async () => {
  await ff?.quit();
});

/** What in the panel is wider than its box or runs past its right edge (a field's own text and hidden words aside). */
function overflowing(): Promise<string[]> {
  return panel.run((doc, win) => {
    const out: string[] = [];
    const root = doc.scrollingElement ?? doc.documentElement;
    if (root.scrollWidth > win.innerWidth) out.push(`page ${root.scrollWidth}>${win.innerWidth}`);
    for (const el of doc.querySelectorAll<HTMLElement>('main *, header *')) {
      if (el.closest('textarea, input, iframe, [role="listbox"], svg, .visually-hidden') || el.clientWidth === 0) continue;
      const style = win.getComputedStyle(el);
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
      if (el.getBoundingClientRect().right > win.innerWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right ${Math.round(el.getBoundingClientRect().right)}`);
    }
    return out;
  });
}

const text = (t: string, what = t) => waitFor(() => panel.run((doc, _w, t) => doc.body.innerText.replace(/\s+/g, ' ').includes(t), t), 20_000, what);

/** Opens the panel on the Accounts screen, its addresses panel in view. */
async function openAccounts(): Promise<void> {
  if (await panel.isOpen()) await panel.close();
  await panel.open();
  if (!(await panel.run((doc) => !!doc.querySelector('#local-addresses-title')))) {
    await panel.run((doc) => (doc.querySelector('button[aria-label="Accounts"], button[title="Accounts"]') as HTMLButtonElement).click());
  }
  await waitFor(() => panel.run((doc) => !!doc.querySelector('#local-addresses-title') && !!doc.querySelector('input[type=email]')), 20_000, 'the addresses panel');
  await panel.run((doc) => doc.querySelector('#local-addresses-title')!.scrollIntoView());
}

/** Presses the badge page's Share button. */
const share = (doc: Document) => [...doc.querySelectorAll<HTMLButtonElement>('main button')].find((b) => /^\s*Share\s*$/.test(b.innerText))!.click();

/** Focuses the add field, its text selected (a refused address stays in it), and types `value` as key presses over it, then Enter. */
async function typeAndEnter(value: string): Promise<void> {
  await panel.run((doc) => {
    const field = doc.querySelector('section[aria-labelledby="local-addresses-title"] input[type=email]') as HTMLInputElement;
    field.focus();
    field.select();
  });
  await panel.press(...value.split(''), ENTER);
}

describe('addresses typed for this browser, in Firefox’s toolbar panel', { timeout: 240_000 }, () => {
  it('added with the keyboard, kept across opens, a duplicate refused, Remove hands focus to the heading', async () => {
    await openAccounts();
    await text('No address yet.');
    await typeAndEnter(TYPED);
    await text(`Added ${TYPED}. Your badges are being checked again.`, 'the added notice');
    expect(await panel.run((doc) => (doc.querySelector('section[aria-labelledby="local-addresses-title"] input[type=email]') as HTMLInputElement).value)).toBe('');
    expect(await overflowing()).toEqual([]);
    await panel.screenshot('panel-local-added');
    await panel.close();

    // Kept by the background: the panel opened again lists it.
    await openAccounts();
    await waitFor(() => panel.run((doc, _w, a) => [...doc.querySelectorAll('.local-address > bdi')].some((b) => b.textContent === a), TYPED), 20_000, 'the address listed again');
    await typeAndEnter('STUDENT@1edtech.EDU');
    const refused = await waitFor(
      () =>
        panel.run((doc) => {
          const field = doc.querySelector('section[aria-labelledby="local-addresses-title"] input[type=email]')!;
          const note = doc.getElementById('local-address-note');
          return note && { invalid: field.getAttribute('aria-invalid'), described: field.getAttribute('aria-describedby'), note: note.textContent, alert: !!note.closest('[role=alert]') || note.getAttribute('role') === 'alert' };
        }),
      20_000,
      'the refusal',
    );
    expect(refused).toMatchObject({ invalid: 'true', alert: true, note: expect.stringContaining('This address is in the list already.') });
    // Focus stays in the field to correct it.
    expect(await panel.run((doc) => (doc.activeElement as HTMLInputElement | null)?.type)).toBe('email');
    expect(refused.described).toContain('local-address-note');
    expect(await overflowing()).toEqual([]);
    await panel.screenshot('panel-local-duplicate');

    // A second one, removed with the keyboard: focus goes to the heading.
    // Typed over the refused one, then Tab to Add and Enter there.
    await panel.run((doc) => (doc.querySelector('section[aria-labelledby="local-addresses-title"] input[type=email]') as HTMLInputElement).select());
    await panel.press(...'ada@old.example'.split(''), '\uE004');
    expect(await panel.run((doc) => doc.activeElement?.textContent?.trim())).toBe('Add');
    await panel.press(ENTER);
    await text('Added ada@old.example.', 'the second added');
    await panel.run((doc) => [...doc.querySelectorAll<HTMLElement>('.local-address')].find((li) => li.textContent?.includes('ada@old.example'))!.querySelector('button')!.focus());
    await panel.press(ENTER);
    await text('Removed ada@old.example. Your badges are being checked again.', 'the removed notice');
    expect(await waitFor(() => panel.run((doc) => doc.activeElement?.id === 'local-addresses-title'), 10_000, 'focus on the heading')).toBe(true);
    // Its mark shows (styles.css: a focused heading's inset bar on :focus, which Firefox's :focus-visible would not match after a script's focus).
    expect(await panel.run((doc, win) => win.getComputedStyle(doc.activeElement!).boxShadow)).toMatch(/inset/);
    expect(await panel.run((doc) => [...doc.querySelectorAll('.local-address > bdi')].map((b) => b.textContent))).toEqual([TYPED]);
    await panel.screenshot('panel-local-removed');
    expect(await ff.takeErrors()).toEqual([]);
    await panel.close();
  });

  it('a local badge issued to the typed address says so on its page, and Share gives the LinkedIn note', async () => {
    const r = await ff.call<{ verdict: string }>('badges/import', { source: { kind: 'text', text: readFileSync(join(CONFORMANCE_DIR, 'ob30/complete.json'), 'utf8') } });
    expect(r).toBeTruthy();
    if (await panel.isOpen()) await panel.close();
    await panel.open();
    // The panel opens where it was left (the Accounts screen): go to the list.
    if (!(await panel.run((doc) => !!doc.querySelector('[role=listbox]')))) await panel.run((doc) => (doc.querySelector('button[aria-label="Back"], button[title="Back"]') as HTMLButtonElement).click());
    await waitFor(() => panel.run((doc) => !!doc.querySelector('[role=listbox] [role=option]')), 20_000, 'the list in the panel');
    await panel.run((doc) => (doc.querySelector('[role=listbox] [role=option]') as HTMLElement).click());
    await text(`${TYPED}, an address you typed (no backpack has verified it)`, 'Issued to … an address you typed');
    await panel.run((doc, _w, a) => [...doc.querySelectorAll('dd')].find((d) => d.textContent?.includes(a))!.scrollIntoView({ block: 'center' }), TYPED);
    expect(await overflowing()).toEqual([]);
    await panel.screenshot('panel-local-typed-badge');
    // The checks opened: the recipient row says the typed address is not counted as the user's.
    await panel.run((doc) => {
      const d = [...doc.querySelectorAll('details')].find((x) => /\d/.test(x.querySelector('summary')?.textContent ?? ''))!;
      d.open = true;
    });
    await text('The badge was issued to an address you typed, which no backpack has verified: it is not counted as yours.', 'the recipient check’s words');
    await panel.run((doc) => {
      const walk = doc.createTreeWalker(doc.querySelector('main')!, NodeFilter.SHOW_TEXT);
      while (walk.nextNode() && !walk.currentNode.textContent?.includes('an address you typed, which')) continue;
      walk.currentNode.parentElement!.scrollIntoView({ block: 'center' });
    });
    expect(await overflowing()).toEqual([]);
    await panel.screenshot('panel-local-typed-check');
    await panel.run(share);
    await waitFor(() => panel.run((doc) => !!doc.querySelector('iframe.card-preview')), 20_000, 'the share screen');
    expect(await overflowing()).toEqual([]);
    await panel.screenshot('panel-local-share-typed');
    await panel.close();

    // OB 3.0 §B.1: a credential's id need not be a web page; a urn:uuid one gives LinkedIn no link.
    await ff.call('badges/import', { source: { kind: 'text', text: readFileSync(join(CONFORMANCE_DIR, 'ob30/simple-did-key-method.json'), 'utf8') } });
    await panel.open();
    // The panel opens where it was left (the Share screen): back to the list.
    await waitFor(() => panel.run((doc) => doc.querySelectorAll('[role=listbox] [role=option]').length === 2 || ((doc.querySelector('button[aria-label="Back"]') as HTMLButtonElement | null)?.click(), false)), 20_000, 'two badges in the list');
    await panel.run((doc) => [...doc.querySelectorAll<HTMLElement>('[role=listbox] [role=option]')].find((o) => !o.textContent?.includes('1EdTech University Degree'))!.click());
    await waitFor(() => panel.run((doc) => !!doc.querySelector('main h2, main h3')), 20_000, 'the second badge page');
    await panel.run(share);
    await waitFor(() => panel.run((doc) => !!doc.getElementById('share-linkedin-no-link')), 20_000, 'the LinkedIn note');
    const note = await panel.run((doc) => {
      const p = doc.getElementById('share-linkedin-no-link')!;
      const r = p.getBoundingClientRect();
      return { text: p.textContent, inside: r.left >= 0 && r.right <= doc.documentElement.clientWidth, described: [...doc.querySelectorAll('[aria-describedby]')].some((e) => e.getAttribute('aria-describedby')!.split(' ').includes('share-linkedin-no-link')) };
    });
    expect(note).toEqual({ text: 'This badge has no public web page: LinkedIn is given no link to it, and there is nothing to post. The rest of the certification is filled in.', inside: true, described: true });
    await panel.run((doc) => doc.getElementById('share-linkedin-no-link')!.scrollIntoView({ block: 'center' }));
    expect(await overflowing()).toEqual([]);
    await panel.screenshot('panel-local-share-no-link');
    expect(await ff.takeErrors()).toEqual([]);
    await panel.close();
  });

  // The Chromium walk (popup-session-walk.test.ts) found the notice quoting a 64-character local
  // part running 270 px past the popup's edge, and the Remove buttons zigzagging; here in Firefox's
  // panel, in the dark scheme, the address typed key by key.
  it('the longest address typed in the dark: the notice wraps, its row keeps Remove whole at the card’s right', async () => {
    // The panel follows the browser's own scheme, not the content override colorScheme() sets.
    await ff.chrome(`Services.prefs.setIntPref('ui.systemUsesDarkTheme', 1);`);
    try {
      await openAccounts();
      await typeAndEnter('grace@example.org');
      await text('Added grace@example.org.', 'a short address added');
      await typeAndEnter(LONG);
      await text(`Added ${LONG}.`, 'the long address added');
      expect(await overflowing()).toEqual([]);
      const row = await panel.run((doc, _w, a) => {
        const li = [...doc.querySelectorAll<HTMLElement>('.local-address')].find((l) => l.querySelector(':scope > bdi')?.textContent === a)!;
        const b = li.querySelector('.button')!.getBoundingClientRect();
        const r = li.getBoundingClientRect();
        const notice = doc.getElementById('local-address-note')!;
        return { inside: b.right <= r.right && li.querySelector('bdi')!.getBoundingClientRect().right <= b.left, oneLine: b.height < 40, noticeFits: notice.scrollWidth <= notice.clientWidth && notice.getBoundingClientRect().right <= doc.documentElement.clientWidth };
      }, LONG);
      expect(row).toEqual({ inside: true, oneLine: true, noticeFits: true });
      const rights = await panel.run((doc) => [...doc.querySelectorAll('.local-address .button')].map((e) => Math.round(e.getBoundingClientRect().right)));
      expect(rights.length).toBeGreaterThanOrEqual(2);
      expect(new Set(rights).size).toBe(1);
      expect(await panel.run((doc, win) => win.matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await panel.run((doc) => doc.getElementById('local-address-note')!.scrollIntoView({ block: 'end' }));
      await panel.screenshot('panel-local-long-dark');
      expect(await ff.takeErrors()).toEqual([]);
      await panel.close();
    } finally {
      await ff.chrome(`Services.prefs.clearUserPref('ui.systemUsesDarkTheme');`);
    }
  });
});
