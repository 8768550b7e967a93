/**
 * "ada@old-school.example" in the addresses screen's and the guide's sentences wrapped as
 * "ada@old-" over "school.example", read as a hyphenated word: an address breaks at its "@" or
 * before a dot of its domain (ui/Address.tsx), never after a hyphen, and an address with a part
 * longer than the popup is wide still does not widen it (fit.css's overflow-wrap, the fallback).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** Each line break the page shows after a hyphen ("…old-|school…"), and what overflows sideways. */
const breaksAndOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('.content')!;
    const chars: { ch: string; top: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('.visually-hidden')) continue; // heard, not seen (ui/HeardToo.tsx)
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const box = r.getBoundingClientRect();
        if (box.width || box.height) chars.push({ ch: text[i]!, top: Math.round(box.top), bottom: Math.round(box.bottom) });
      }
    }
    const hyphenBreaks: string[] = [];
    const all = chars.map((c) => c.ch).join('');
    for (let i = 0; i + 1 < chars.length; i++) {
      // The next character starts below this hyphen's line: the line broke after it.
      // Only in an address (a word with an "@"): "e-|mail" in a sentence is a word's own hyphen.
      const word = (all.slice(0, i).match(/\S*$/)?.[0] ?? '') + (all.slice(i).match(/^\S*/)?.[0] ?? '');
      if (word.includes('@') && chars[i]!.ch === '-' && /\w/.test(chars[i + 1]!.ch) && chars[i + 1]!.top >= chars[i]!.bottom - 2) hyphenBreaks.push(all.slice(Math.max(0, i - 12), i + 1) + '|' + all.slice(i + 1, i + 12));
    }
    const wide = [...root.querySelectorAll<HTMLElement>('*')].filter((el) => !el.closest('.visually-hidden') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto').map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
    const content = root as HTMLElement;
    // The body keeps the popup's 380 px (fit.css: the browser sizes the popup by it); the shell fits the window.
    const shell = document.querySelector<HTMLElement>('.shell')!;
    return { hyphenBreaks, wide, contentOverflow: content.scrollWidth - content.clientWidth, shellOverflow: shell.scrollWidth - shell.clientWidth };
  });

describe.each([['en', 300], ['en', 380], ['fr', 300], ['fr', 380]] as const)("addresses in sentences ('%s', %i px)", (lang, width) => {
  it('never break after a hyphen, and nothing overflows: addresses screen and guide', async () => {
    const { page, errors } = await openPopup(ext, `?preview=1&lang=${lang}`);
    await page.setViewportSize({ width, height: 560 });
    await page.getByRole('listbox').waitFor();
    const m = (en: string, fr: string) => (lang === 'fr' ? fr : en);

    await page.getByRole('button', { name: m('Accounts', 'Comptes') }).click();
    await page.getByRole('button', { name: new RegExp(`^${m('E-mail addresses', 'Adresses e-mail')}`) }).first().click();
    await page.getByRole('heading', { name: 'ada@old-school.example' }).waitFor();
    // A local part longer than the popup is wide (64 characters, the most RFC 5321 §4.5.3.1.1 allows).
    const long = `ada-${'x'.repeat(60)}@example.org`;
    await page.locator('input[type="email"]').first().fill(long);
    await page.locator('form button[type="submit"]').first().click();
    await page.getByRole('heading', { name: long }).waitFor();
    const screen = await breaksAndOverflow(page);
    await page.getByRole('heading', { name: 'ada@old-school.example' }).scrollIntoViewIfNeeded();
    await shot(page, `address-hyphen-addresses-${lang}-${width}`);
    await page.getByRole('heading', { name: long }).scrollIntoViewIfNeeded();
    await shot(page, `address-hyphen-long-${lang}-${width}`);

    await page.getByRole('button', { name: m("Can't find a badge?", 'Un badge introuvable ?') }).click();
    await page.getByRole('heading', { name: 'ada@old-school.example' }).first().waitFor();
    const guide = await breaksAndOverflow(page);
    await page.getByRole('heading', { name: 'ada@old-school.example' }).first().scrollIntoViewIfNeeded();
    await shot(page, `address-hyphen-guide-${lang}-${width}`);

    for (const r of [screen, guide]) {
      expect(r.hyphenBreaks).toEqual([]);
      expect(r.wide).toEqual([]);
      expect(r.contentOverflow).toBeLessThanOrEqual(0);
      expect(r.shellOverflow).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
