/**
 * The bar's four buttons drew "Add a badge", "Accounts" and "Settings" as icons filling their
 * 24-unit box, and "Can't find a badge?" as a bare question mark a fifth as wide: a lighter, smaller
 * button that looked disabled or misaligned beside the others (session 31 polish). Each icon's ink
 * is now about as large as the largest's. Run `npm run build` first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

it('each of the bar\'s icons is drawn at least two thirds as wide and tall as the largest', async () => {
  const { page, errors } = await openPopup(ext, '?preview=1');
  await page.getByRole('searchbox').waitFor();
  const boxes = await page.locator('header.bar nav button svg path').evaluateAll((paths) =>
    paths.map((p) => {
      const b = (p as SVGPathElement).getBBox();
      return { label: p.closest('button')?.getAttribute('aria-label') ?? '', w: b.width, h: b.height };
    }));
  expect(boxes).toHaveLength(4);
  const most = Math.max(...boxes.map((b) => Math.max(b.w, b.h)));
  const small = boxes.filter((b) => Math.min(b.w, b.h) < (most * 2) / 3).map((b) => `${b.label}: ${b.w.toFixed(1)}×${b.h.toFixed(1)} of ${most.toFixed(1)}`);
  await shot(page, 'bar-icons');
  expect(small).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
