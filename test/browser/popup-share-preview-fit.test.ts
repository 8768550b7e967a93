/**
 * The share screen's card preview is as tall as the card it shows, with or without a picture. Its
 * height is estimated (src/popup/share/preview-height.ts) as if the card always had its 72 px
 * picture beside a narrow text column; a badge whose image is not a public http(s) URL (every
 * badge added from a baked file: a data: image, which the card leaves out) gets a card whose text
 * spans the whole width, and the frame left a blank band under it (seen in Chromium, 380 px wide,
 * in English and in French). Measured here inside the sandboxed frame, at the popup's width.
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

const WORDS = { en: { share: 'Share', back: 'Back' }, fr: { share: 'Partager', back: 'Retour' } } as const;

describe('the card preview fits its card', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`no blank band and nothing cut, for cards without a picture (${lang})`, async () => {
      const { page, errors } = await openPopup(ext, `?preview=1&lang=${lang}`);
      const rows = page.getByRole('listbox').getByRole('option');
      await rows.first().waitFor();
      const seen: string[] = [];
      const fits: { outer: number; bottom: number }[] = [];
      for (const i of [0, 2, 4, 6]) {
        await rows.nth(i).click();
        await page.getByRole('button', { name: WORDS[lang].share }).click();
        const frame = page.locator('iframe.card-preview');
        await frame.waitFor();
        const outer = await frame.evaluate((f) => f.clientHeight);
        const inner = page.frames().find((f) => f !== page.mainFrame() && f.parentFrame() === page.mainFrame());
        if (!inner) throw new Error('no preview frame');
        const drawn = await inner.evaluate(() => {
          const table = document.body.querySelector('table') as HTMLElement;
          return { bottom: Math.ceil(table.getBoundingClientRect().bottom) + 8, picture: !!table.querySelector('img') };
        });
        seen.push(`${i}: frame ${outer}, card to ${drawn.bottom}, picture ${drawn.picture}`);
        if (i === 0) await shot(page, `share-preview-fit-${lang}`);
        await page.getByRole('button', { name: WORDS[lang].back, exact: true }).click();
        await page.getByRole('button', { name: WORDS[lang].back, exact: true }).click();
        fits.push({ outer, bottom: drawn.bottom });
      }
      // Nothing cut, and at most a line's slack left blank (18 px, and the few pixels the estimate
      // adds: both dates are given two lines, as French's longer words take; English fits them in one).
      // Before, 40 px and more: two lines.
      for (const f of fits) {
        expect(f.bottom, seen.join('\n')).toBeLessThanOrEqual(f.outer);
        expect(f.outer - f.bottom, seen.join('\n')).toBeLessThanOrEqual(24);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
