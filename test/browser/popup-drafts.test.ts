/**
 * The built popup keeps what was typed in the sign-in form when it closes (src/popup/drafts.ts, kept
 * in the page's localStorage by src/popup/browser-platform.ts pageDrafts, wired in main.tsx): it opens
 * on that form again with the e-mail filled in, never the password, which is nowhere in storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup } from './popup-helpers.ts';

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('a sign-in form\'s draft', () => {
  it('comes back when the popup opens again, without the password', async () => {
    const first = await openPopup(ext);
    await first.page.getByRole('button', { name: /Canvas Credentials \(Badgr\)/ }).click();
    await first.page.getByLabel('E-mail').fill('ada@example.org');
    await first.page.getByLabel('Password').fill('correct horse battery');
    const kept = await first.page.evaluate(() => localStorage.getItem('popup:drafts'));
    expect(kept).toContain('ada@example.org');
    expect(await first.page.evaluate(() => JSON.stringify(localStorage))).not.toContain('correct horse');
    await first.page.close();

    const again = await openPopup(ext);
    await again.page.getByRole('heading', { level: 2, name: 'Canvas Credentials (Badgr)' }).waitFor();
    expect(await again.page.getByLabel('E-mail').inputValue()).toBe('ada@example.org');
    expect(await again.page.getByLabel('Password').inputValue()).toBe('');
    expect(again.errors).toEqual([]);
    await again.page.close();
  });
});
