/// <reference types="chrome" />
/**
 * "Check again" in the real popup with the issuer's server stopped (the browser online): the
 * badge stays Verified, and the page says when it was last verified, which host the latest check
 * could not reach and when, and offers to try again (background/services/last-complete.ts).
 * Screenshot: test-results/popup-recheck-unreachable.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';
import { call, grantHosts } from './support/extension.ts';

let bp: Backpack;
let ext: Launched;

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
});
afterAll(async () => {
  await ext?.close();
  await bp?.close().catch(() => undefined); // stopped by the test already
});

describe('Check again with the issuer unreachable (Chromium)', () => {
  it('keeps the badge verified and says what could not be reached', async () => {
    const { page, errors } = await openPopup(ext);
    const host = new URL(bp.baseUrl).host;
    const jwt = await (await fetch(`${bp.baseUrl}/ob3/credentials/ob3-ada-jwt-eddsa`)).text();
    const added = await call<{ key: string; verdict: string; name: string }>(page, 'badges/import', { source: { kind: 'text', text: jwt } });
    expect(added.verdict).toBe('valid');
    await page.reload();
    await page.getByRole('option').filter({ hasText: added.name }).click();
    await page.getByRole('heading', { name: 'Verification' }).waitFor();
    expect(await page.locator('.verdict-line').textContent()).toMatch(/Verified/);

    await bp.close();
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByText(`Lanyard could not reach ${host}, so the badge keeps the result of its last complete check.`).waitFor({ timeout: 30_000 });
    expect(await page.locator('.verdict-line').textContent()).toMatch(/Verified/);
    expect(await page.locator('.last-complete').textContent()).toMatch(new RegExp(`^Last verified .+\\. The latest check could not reach ${host.replace(/\./g, '\\.')} at .+, so this is the result of the last complete check\\.`));
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await shot(page, 'recheck-unreachable');
    const stored = await call<{ verdict: string; unreachable?: { hosts: string[] } }>(page, 'badges/get', { key: added.key });
    expect(stored).toMatchObject({ verdict: 'valid', unreachable: { hosts: [host] } });
    expect(errors).toEqual([]);
    await page.close();
  });
});
