/**
 * "Details" beside a sync failure (and under an error) opens the whole text, but read "Details"
 * open or shut, with "Hide" (which hides the bar) right beside it: nothing on screen said which
 * state it was in, or that "Details" closes it again (session 31 polish). Such a link-like toggle
 * carries the mark the popup's <details> summaries have, pointing right when shut and down when
 * open, drawn in CSS so the button's name stays "Details" (aria-expanded says the state).
 * Run `npm run build` first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** The toggle's mark (its ::before): drawn, and its rotation. */
const mark = (button: Locator) =>
  button.evaluate((b) => {
    const cs = getComputedStyle(b, '::before');
    const r = b.getBoundingClientRect();
    return { drawn: cs.content !== 'none' && cs.content !== 'normal' && parseFloat(cs.width) > 0, transform: cs.transform, expanded: b.getAttribute('aria-expanded'), fits: r.right <= innerWidth };
  });

it('the sync failure\'s and an error\'s "Details" show whether they are open, and keep their name', async () => {
  const { page, errors } = await openPopup(ext, '?preview=1');
  const details = page.locator('.sync-failure').getByRole('button', { name: 'Details', exact: true });
  await details.waitFor();
  const shut = await mark(details);
  await details.click();
  const open = await mark(details);
  await shot(page, 'disclosure-sync-open');
  expect(shut.drawn && open.drawn).toBe(true);
  expect([shut.expanded, open.expanded]).toEqual(['false', 'true']);
  expect(open.transform).not.toBe(shut.transform);
  expect(open.fits && shut.fits).toBe(true);

  await page.goto(page.url() + '&scenario=broken');
  const more = page.getByRole('button', { name: 'Details', exact: true });
  await more.waitFor();
  const a = await mark(more);
  await more.click();
  const b = await mark(more);
  await shot(page, 'disclosure-error-open');
  expect(a.drawn && b.drawn).toBe(true);
  expect(b.transform).not.toBe(a.transform);
  expect(errors).toEqual([]);
  await page.close();
});
