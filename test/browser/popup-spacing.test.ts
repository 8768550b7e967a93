/**
 * Spacing and legibility found in the 2026-12-07 walk of the built popup (preview over the mock
 * actions, Chromium, 380×560), in light and dark: measured in the page, not judged by eye.
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

/** The vertical room, in CSS px, between the bottom of the first box and the top of the second. */
const gapBetween = (page: Page, above: string, below: string) =>
  page.evaluate(([a, b]) => {
    const top = document.querySelector(a!)!.getBoundingClientRect();
    const bottom = document.querySelector(b!)!.getBoundingClientRect();
    return bottom.top - top.bottom;
  }, [above, below]);

for (const scheme of ['light', 'dark'] as const) {
  describe(`spacing (${scheme})`, () => {
    // "Details" sat 2 px above "Try again": two controls read as one, an easy mis-tap.
    it('the whole-screen error: Details and Try again stand apart, closed and opened', async () => {
      const { page, errors } = await openPopup(ext, '?preview=1&scenario=broken', scheme);
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      expect(await gapBetween(page, '.error-state .error-details', '.error-state > .button')).toBeGreaterThanOrEqual(8);
      await page.getByRole('button', { name: 'Details' }).click();
      await page.locator('.error-state .error-detail').waitFor();
      expect(await gapBetween(page, '.error-state .error-detail', '.error-state > .button')).toBeGreaterThanOrEqual(8);
      expect(await gapBetween(page, '.error-state .link-button', '.error-state .error-detail')).toBeLessThanOrEqual(8);
      await shot(page, `spacing-error-${scheme}`);
      expect(errors).toEqual([]);
      await page.close();
    });

    // "Not confirmed" and its chips sat on the help under them (0 px), where the other cards leave
    // 8 px between the chips and their buttons.
    it('an address card: its chips stand apart from the help under them as from the buttons', async () => {
      const { page, errors } = await openPopup(ext, '?preview=1', scheme);
      await page.getByRole('button', { name: 'Accounts' }).click();
      await page.getByRole('button', { name: 'E-mail addresses' }).first().click();
      await page.getByRole('heading', { name: 'ada@old-school.example' }).waitFor();
      const gaps = await page.evaluate(() =>
        [...document.querySelectorAll('.address .chips')].map((c) => {
          const next = c.nextElementSibling!;
          return { next: next.className, gap: next.getBoundingClientRect().top - c.getBoundingClientRect().bottom };
        }),
      );
      expect(gaps.length).toBeGreaterThanOrEqual(3);
      for (const g of gaps) expect(g.gap, g.next).toBeGreaterThanOrEqual(6);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}

/** WCAG 2.2 contrast of a button's words against its own background, as drawn over the page (its opacity blended in). */
const drawnContrast = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const s = getComputedStyle(el);
    const page = rgb(getComputedStyle(document.body).backgroundColor);
    const a = Number(s.opacity);
    const over = (c: number[]) => c.slice(0, 3).map((v, i) => a * v + (1 - a) * page[i]!);
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [l1, l2] = [lum(over(rgb(s.color))), lum(over(rgb(s.backgroundColor)))].sort((x, y) => y - x);
    return (l1! + 0.05) / (l2! + 0.05);
  }, selector);

for (const scheme of ['light', 'dark'] as const) {
  // Dimmed like a disabled button (opacity .55), the busy "Adding…" was white on pale blue, 2.7:1:
  // the one word saying Lanyard is at work was the hardest to read on the screen (WCAG 1.4.3: 4.5:1).
  it(`a busy button's words stay readable (${scheme})`, async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&latency=3000', scheme);
    await page.getByRole('button', { name: 'Add a badge' }).click();
    await page.getByRole('textbox', { name: /paste a badge link/ }).fill('not a badge');
    await page.getByRole('button', { name: 'Add badge' }).click();
    await page.getByRole('button', { name: 'Adding…' }).waitFor();
    expect(await drawnContrast(page, '.button.primary[aria-busy="true"]')).toBeGreaterThanOrEqual(4.5);
    expect(errors).toEqual([]);
    await page.close();
  });
}

/** Each control's left edge, the left edge of its words, and the left edge of the block it is aligned with. */
const controlEdges = (page: Page, control: string, alignedWith: string) =>
  page.evaluate(([c, w]) => {
    const edge = document.querySelector(w!)!.getBoundingClientRect().left;
    return [...document.querySelectorAll<HTMLInputElement>(c!)].map((input) => {
      const words = [...input.parentElement!.childNodes].find((n) => n !== input && (n.textContent ?? '').trim())!;
      const range = document.createRange();
      range.selectNodeContents(words);
      return { edge, box: input.getBoundingClientRect().left, gap: range.getBoundingClientRect().left - input.getBoundingClientRect().right };
    });
  }, [control, alignedWith]);

// The browser's own margins (radio 5 px left, 3 px right) set the radios 5 px in from the fields
// under them and their words 3 px from them; the settings' switches 4 px in from their headings.
describe('radios and switches line up', () => {
  it('the provider form: the radios start where the field does, their words 6 px and more from them', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&scenario=first-run');
    await page.getByRole('button', { name: /Another wallet or backpack/ }).click();
    await page.getByRole('radio', { name: 'Open Badges 3.0' }).waitFor();
    const edges = await controlEdges(page, '.radios input[type=radio]', '.field input');
    expect(edges).toHaveLength(2);
    for (const e of edges) {
      expect(Math.abs(e.box - e.edge)).toBeLessThanOrEqual(1);
      expect(e.gap).toBeGreaterThanOrEqual(6);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the settings: a switch starts where its section heading does', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('switch').first().waitFor();
    const edges = await controlEdges(page, '#hover-title ~ .switch input', '#hover-title');
    expect(edges).toHaveLength(1);
    expect(Math.abs(edges[0]!.box - edges[0]!.edge)).toBeLessThanOrEqual(1);
    expect(edges[0]!.gap).toBeGreaterThanOrEqual(6);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// The empty list's heading, centred and focused as the screen opens, had its focus bar at the
// column's left edge, 50 px from its words: a mark that points at nothing.
for (const scheme of ['light', 'dark'] as const) {
  it(`the empty list's focused heading is marked under its words, not at the column's edge (${scheme})`, async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&scenario=empty', scheme);
    const heading = page.getByRole('heading', { name: 'No badges in your backpack' });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'empty-title');
    const mark = await heading.evaluate((h) => {
      const s = getComputedStyle(h);
      const range = document.createRange();
      range.selectNodeContents(h);
      const words = range.getBoundingClientRect();
      const box = h.getBoundingClientRect();
      return { shadow: s.boxShadow, line: s.textDecorationLine, wordsCentre: (words.left + words.right) / 2, boxCentre: (box.left + box.right) / 2 };
    });
    expect(mark.shadow).toBe('none');
    expect(mark.line).toBe('underline');
    expect(Math.abs(mark.wordsCentre - mark.boxCentre)).toBeLessThanOrEqual(1);
    await shot(page, `spacing-empty-focus-${scheme}`);
    expect(errors).toEqual([]);
    await page.close();
  });
}
