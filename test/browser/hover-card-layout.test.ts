/**
 * The hover card's layout in Chromium, with hostile words (no extension needed: the card's module is
 * bundled into a plain page, with the English or French messages). The card has a fixed size and clips what
 * does not fit; the issuer's site beside its name is what the name cannot fake ("Issued by Harvard
 * University (evil.example)": SECURITY.md, Hostile badge). A long badge name or issuer name, of
 * blank-looking characters that are neither controls nor collapsible spaces (U+2800 BRAILLE PATTERN
 * BLANK), pushed the site out of the card, and the name itself could end "… (harvard.edu)".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HoverVerdict } from '../../src/messaging/views.ts';
import { inShadow } from '../content/support/browser.ts';
import { CHROMIUM } from './launch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = 'evil.example';
const BLANK = '\u2800';

let browser: Browser;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const lang of ['en', 'fr']) {
    const messages = readFileSync(resolve(ROOT, `public/_locales/${lang}/messages.json`), 'utf8');
    const entry = `
    import { showCard } from './src/content/ui/hover-card.ts';
    const m = ${messages};
    // chrome.i18n.getMessage as the extension has it: $NAME$ placeholders whose content is $1, $2…
    globalThis.chrome = { i18n: { getMessage(key, subs = []) {
      const e = m[key];
      if (!e) return '';
      return e.message.replace(/\\$([A-Za-z_]+)\\$/g, (_, p) => { const c = e.placeholders?.[p.toLowerCase()]?.content ?? ''; return c.replace(/\\$(\\d)/g, (_, n) => subs[n - 1] ?? ''); });
    } } };
    globalThis.__show = (v, opens) => void showCard(document.getElementById('a'), { kind: 'ready', verdict: v, ...(opens ? { opens } : {}) });`;
    const out = await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'iife', logLevel: 'silent' });
    scripts[lang] = out.outputFiles[0]!.text;
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

async function show(verdict: HoverVerdict, opens?: string, lang = 'en', attrs = '', head = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.setContent(`<!doctype html><html lang="${lang}"${attrs}><head>${head}</head><body><p style="margin:40px"><a id="a" href="https://issuer.test/a">a badge</a></p></body></html>`);
  await page.addScriptTag({ content: scripts[lang]! });
  await page.evaluate(([v, o]) => (globalThis as unknown as { __show(v: HoverVerdict, o?: string): void }).__show(v, o), [verdict, opens] as const);
  return page;
}

/**
 * Whether the words `text` are drawn inside the card: the span that holds them (quiet.ts) lies
 * inside the card's box and inside every box between them that clips (overflow hidden).
 */
const shownInCard = (page: Page, text: string) =>
  inShadow(page, 'hover-card', (root, t: string) => {
    const span = [...root.querySelectorAll('[data-q]')].find((q) => q.getAttribute('data-q')!.includes(t));
    if (!span) return 'absent';
    const r = span.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'no box';
    for (let el = span.parentElement; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.overflow === 'visible' && s.overflowY === 'visible') continue;
      const b = el.getBoundingClientRect();
      const top = b.top + el.clientTop;
      const bottom = b.top + el.clientTop + el.clientHeight;
      if (r.top < top - 0.5 || r.bottom > bottom + 0.5) return `clipped by <${el.localName} class="${el.className}">`;
      if (el.classList.contains('c')) break;
    }
    return 'shown';
  }, text);

const verdict = (v: Partial<HoverVerdict>): HoverVerdict => ({ verdict: 'valid', name: 'A badge', issuerName: 'An issuer', issuerSite: SITE, issuedOn: '2026-03-01', message: '', ...v });

describe('the hover card shows where the issuer is, whatever the badge says (Chromium layout)', () => {
  it('an ordinary badge: the site is shown, and that whom it was issued to was not checked', async () => {
    const page = await show(verdict({}));
    expect(await shownInCard(page, `(${SITE})`)).toBe('shown');
    expect(await shownInCard(page, 'Not checked: whom it was issued to.')).toBe('shown');
    await page.close();
  });

  it('an issuer name padded with blank-looking characters does not push its site out of the card', async () => {
    const page = await show(verdict({ issuerName: `Harvard University (harvard.edu)${BLANK.repeat(400)}` }));
    expect(await shownInCard(page, `(${SITE})`)).toBe('shown');
    await page.screenshot({ path: 'test-results/hover-long-issuer.png' });
    await page.close();
  });

  it('a long badge name does not push the issuer line out of the card', async () => {
    const page = await show(verdict({ name: `Master of Business Administration${BLANK.repeat(400)} Issued by Harvard University (harvard.edu)` }));
    expect(await shownInCard(page, `(${SITE})`)).toBe('shown');
    await page.close();
  });

  it('wide characters in both names still leave the site in view', async () => {
    const wide = '\uFDFD'.repeat(300);
    const page = await show(verdict({ name: wide, issuerName: wide }));
    expect(await shownInCard(page, `(${SITE})`)).toBe('shown');
    // The name gives way before what the card does not vouch for.
    expect(await shownInCard(page, 'Not checked: whom it was issued to.')).toBe('shown');
    // Nothing runs past the card's fixed box either: the name gave way.
    expect(await inShadow(page, 'hover-card', (root) => root.querySelector('.c')!.scrollHeight <= root.querySelector('.c')!.clientHeight + 1)).toBe(true);
    await page.screenshot({ path: 'test-results/hover-wide-names.png' });
    await page.close();
  });

  // attack37: `all: initial` on the host leaves out `direction` (CSS Cascade 5 §3.2), and `color-scheme: normal` takes
  // the page's <meta name="color-scheme">: a page's dir="rtl" mirrored the card (src/content/ui/shadow.ts ownDirection).
  it('a page that says dir="rtl" and a dark colour scheme (on its root, and on Lanyard’s host, !important): the card is drawn as on a plain page', async () => {
    const drawn = (page: Page) =>
      inShadow(page, 'hover-card', (root) => {
        const card = root.querySelector('.c')!;
        const c = card.getBoundingClientRect();
        const s = getComputedStyle(card);
        const parts = [...card.querySelectorAll('*')].map((el) => {
          const r = el.getBoundingClientRect();
          return [el.localName, Math.round(r.left - c.left), Math.round(r.top - c.top), Math.round(r.width)].join(' ');
        });
        return { direction: s.direction, colorScheme: s.colorScheme, parts };
      });
    const plain = await show(verdict({}));
    const want = await drawn(plain);
    await plain.close();
    expect(want.direction).toBe('ltr');
    const rules = 'direction:rtl!important;unicode-bidi:bidi-override!important;color-scheme:dark!important';
    const page = await show(verdict({}), undefined, 'en', ' dir="rtl"', `<meta name="color-scheme" content="dark"><style>html,body{${rules}}[data-lanyard]{${rules}}</style>`);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-lanyard]')!).direction)).toBe('ltr');
    expect(await drawn(page)).toEqual(want);
    await page.close();
  });

  // attack38: the host is the page's element, and its stylesheet reaches the host's ::before and ::after, drawn inside the
  // host (in the top layer with it), after the card: a look-alike verdict over Lanyard's (src/content/ui/shadow.ts NO_PAGE_PSEUDO).
  it('a page that styles the card host’s ::after (its own verdict over the card, !important): nothing of it is drawn', async () => {
    const fake = 'content:"✓ Verified: Harvard University"!important;display:block!important;position:fixed!important;inset:0!important;z-index:2147483647!important;background:#fff!important;font:30px sans-serif!important';
    const page = await show(verdict({ verdict: 'invalid', message: 'Revoked by its issuer' }), undefined, 'en', '', `<style>[data-lanyard]::before,[data-lanyard]::after{${fake}}</style>`);
    const pseudo = () => page.evaluate(() => ['::before', '::after'].map((p) => {
      const s = getComputedStyle(document.querySelector('[data-lanyard="hover-card"]')!, p);
      return `${s.content} ${s.display}`;
    }));
    expect(await pseudo()).toEqual(['none none', 'none none']);
    expect(await shownInCard(page, 'Not a valid badge')).toBe('shown');
    await page.screenshot({ path: 'test-results/hover-page-pseudo.png' });
    await page.close();
  });

  // A badge picture inside a link to the page's own place (hover-verify.ts): where a click goes stays in view too.
  it('where a click goes and the issuer’s site both stay in the card, whatever the names', async () => {
    const wide = '\uFDFD'.repeat(300);
    const page = await show(verdict({ name: wide, issuerName: wide }), `login.${'a'.repeat(60)}.phish.example`);
    expect(await shownInCard(page, 'phish.example, not this badge.')).toBe('shown');
    expect(await shownInCard(page, `(${SITE})`)).toBe('shown');
    expect(await inShadow(page, 'hover-card', (root) => root.querySelector('.c')!.scrollHeight <= root.querySelector('.c')!.clientHeight + 1)).toBe(true);
    await page.screenshot({ path: 'test-results/hover-opens-elsewhere.png' });
    await page.close();
  });

  // The page writes the link around a genuine badge's picture (its host up to 253 characters), the issuer
  // its own id (its host shown up to MAX_SITE_CHARS): a long one of each in the widest lowercase letters
  // pushed the issuer's site out of the card, and, with the page's alone, the badge's name and that whom
  // it was issued to was not checked (review18b).
  for (const lang of ['en', 'fr']) {
    it(`${lang}: a long host to click and a long issuer site leave the verdict, both sites, the name and the whom line in the card`, async () => {
      const words = lang === 'en' ? { v: 'Verified badge', not: 'Not checked: whom it was issued to.' } : { v: 'Badge vérifié', not: 'Non vérifié\u00a0: à qui il a été délivré.' };
      for (const issuerSite of ['www.harvard.edu', `harvard.edu.${'m'.repeat(24)}.evil.example`]) {
        const name = 'Master of Business Administration in Strategic Management';
        const page = await show(verdict({ name, issuerName: 'Harvard University', issuerSite }), `login.${'m'.repeat(200)}.phish.example`, lang);
        expect(await shownInCard(page, words.v)).toBe('shown');
        expect(await shownInCard(page, 'm.phish.example')).toBe('shown');
        expect(await shownInCard(page, `${issuerSite.slice(-12)})`)).toBe('shown');
        expect(await shownInCard(page, 'Master of')).toBe('shown');
        expect(await shownInCard(page, words.not)).toBe('shown');
        expect(await inShadow(page, 'hover-card', (root) => root.querySelector('.c')!.scrollHeight <= root.querySelector('.c')!.clientHeight + 1)).toBe(true);
        await page.screenshot({ path: `test-results/hover-opens-long-${lang}-${issuerSite.length}.png` });
        await page.close();
      }
    });

    // On the 150 px card (no link elsewhere), the issuer's site at its longest (MAX_SITE_CHARS, in the widest
    // lowercase letter) wrapped the issuer's line over three and left the badge's name no room (session 18's
    // known limit): the name is what the card is about, so the site and the issuer's name give way inside
    // their line (cut with "…", the site at its start) and the name keeps a line.
    it(`${lang}: on the 150 px card a long issuer site leaves the badge's name, the site's end and the whom line in view`, async () => {
      const words = lang === 'en' ? { v: 'Verified badge', not: 'Not checked: whom it was issued to.' } : { v: 'Badge vérifié', not: 'Non vérifié\u00a0: à qui il a été délivré.' };
      for (const issuerName of ['Harvard University', `Harvard ${'W'.repeat(80)} University`]) {
        const issuerSite = `harvard.edu.${'m'.repeat(80)}.evil.example`;
        const page = await show(verdict({ name: 'Master of Business Administration in Strategic Management', issuerName, issuerSite }), undefined, lang);
        await page.screenshot({ path: `test-results/hover-long-site-${lang}-${issuerName.length}.png` });
        expect(await shownInCard(page, words.v)).toBe('shown');
        expect(await shownInCard(page, 'Master of')).toBe('shown');
        expect(await shownInCard(page, 'evil.example)')).toBe('shown');
        expect(await shownInCard(page, words.not)).toBe('shown');
        expect(await inShadow(page, 'hover-card', (root) => root.querySelector('.c')!.scrollHeight <= root.querySelector('.c')!.clientHeight + 1)).toBe(true);
        await page.close();
      }
    });
  }
});
