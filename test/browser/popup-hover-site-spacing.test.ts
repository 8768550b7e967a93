/**
 * Settings, "Verify on hover": the button for the current site stood bare in the panel, so the
 * count under it ("Sites with hover verification: 1.") touched its border (a paragraph has no top
 * margin; seen in the real popup over a tab, in French). It sits in a button row now, with the
 * same gap as every other row of buttons. Measured in Chromium at the popup's width.
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

describe('the hover panel', () => {
  it('leaves a gap between the site button and the count under it', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.getByRole('button', { name: 'Settings' }).click();
    const site = page.getByRole('button', { name: 'Verify badges on blog.example' });
    await site.click();
    const count = page.getByText('Sites with hover verification: 1.');
    await count.waitFor();
    const button = (await page.getByRole('button', { name: 'Stop verifying badges on blog.example' }).boundingBox())!;
    const text = (await count.boundingBox())!;
    await shot(page, 'hover-site-spacing');
    expect(text.y - (button.y + button.height)).toBeGreaterThanOrEqual(6);
    expect(errors).toEqual([]);
    await page.close();
  });
});
