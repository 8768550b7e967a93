/**
 * A badge page whose name and issuer are Arabic had its name set right to left, against the right
 * edge, and the issuer's linked name under it against the left edge (session 31 polish): the
 * issuer's line took `dir="auto"` from its text, but its only text is inside the link, whose own
 * `dir` makes the paragraph skip it (HTML "the directionality": descendants with a dir attribute are
 * not looked into), so it fell back to left to right. The line now takes its direction from the
 * issuer's name as dir=auto would (core/share/bidi.ts dirOf). Run `npm run build` first.
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

it("an Arabic issuer's linked name sits under the Arabic badge name, against the right edge; an English one against the left", async () => {
  const { page, errors } = await openPopup(ext, '?preview=1&world=1');
  const line = async (search: string) => {
    await page.getByRole('searchbox').fill(search);
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('.badge-screen .issuer a').waitFor();
    const m = await page.evaluate(() => {
      const p = document.querySelector('.badge-screen .issuer') as HTMLElement;
      const a = (p.querySelector('a') as HTMLElement).getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return { dir: getComputedStyle(p).direction, gapLeft: Math.round(a.left - box.left), gapRight: Math.round(box.right - a.right) };
    });
    await shot(page, `rtl-issuer-${m.dir}`);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('searchbox').waitFor();
    return m;
  };
  const ar = await line('شهادة');
  expect(ar.dir).toBe('rtl');
  expect(ar.gapRight).toBeLessThanOrEqual(1);
  expect(ar.gapLeft).toBeGreaterThan(20);
  const en = await line('Web Accessibility');
  expect(en.dir).toBe('ltr');
  expect(en.gapLeft).toBeLessThanOrEqual(1);
  expect(errors).toEqual([]);
  await page.close();
});
