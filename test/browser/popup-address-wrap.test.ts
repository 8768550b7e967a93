/**
 * A badge's "Issued to" address that does not fit its column broke anywhere: "ada.lovelace@work.exa"
 * over "mple" (session 30 walk, the details' values column, French at 300 px). It breaks at its
 * "@" (or before a dot of its domain) now, and is still copied whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('an address among a badge\'s details', () => {
  it('wraps at its @ or a dot, not inside a word (French, 300 px)', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&lang=fr');
    await page.setViewportSize({ width: 300, height: 560 });
    await page.getByRole('listbox').getByRole('option').filter({ hasText: 'Data Protection Officer' }).click();
    const dd = page.locator('dl.facts dt', { hasText: 'Délivré à' }).locator('xpath=following-sibling::dd[1]');
    await dd.waitFor();
    await dd.scrollIntoViewIfNeeded();
    // Where each line starts: the text before and after each break.
    const breaks = await dd.evaluate((el) => {
      const text = el.textContent ?? '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const tops: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < (n.textContent ?? '').length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          tops.push(Math.round(r.getBoundingClientRect().top));
        }
      }
      const out: string[] = [];
      for (let i = 1; i < tops.length; i++) if (tops[i]! > tops[i - 1]!) out.push(`${text.slice(0, i)}|${text.slice(i)}`);
      return { text, out };
    });
    await shot(page, 'address-wrap-fr-300');
    expect(breaks.text).toBe('ada.lovelace@work.example');
    expect(breaks.out.length).toBeGreaterThan(0);
    for (const b of breaks.out) expect(b).toMatch(/@\||\|\./);
    expect(errors).toEqual([]);
    await page.close();
  });
});
