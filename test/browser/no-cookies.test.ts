/**
 * Security round fetch42, in Chromium with the built extension: the worker's requests carry neither
 * the user's cookies nor a Referer. An extension's service worker sends a host-permitted site's cookies
 * with its fetches unless told not to, so a user signed in on a site a badge names (or on the backpack's
 * own web site) made Lanyard's requests there as that signed-in user; and the worker's URL as Referer
 * names the extension. The test backpack on 127.0.0.1 plays both: a cookie is set for it as a signed-in
 * browser would hold, then Lanyard signs in with a password, syncs, and verifies the badges it lists
 * (their hosted assertions, badge classes and issuers on the same server). Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { grantHosts, popupSend, waitFor } from '../content/support/browser.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';

let ext: Launched;
let backpack: Backpack;

beforeAll(async () => {
  ext = await launchExtension();
  backpack = await startBackpack({ port: 0 });
});
afterAll(async () => {
  await ext?.close();
  await backpack?.close();
});

describe('the worker’s requests send no cookies and no Referer', () => {
  it('neither to the backpack (sign-in, sync) nor to the hosts its badges name (verification)', async () => {
    await ext.context.addCookies([{ url: backpack.baseUrl, name: 'sessionid', value: 'signed-in-on-the-web', sameSite: 'Lax' }]);
    // The cookie is there for a page of that site: what the browser would send with the user's own requests.
    const page = await ext.context.newPage();
    await page.goto(`${backpack.baseUrl}/public/assertions/ada-programmer`);
    await page.close();
    const fromPage = backpack.control.requests.find((r) => r.path === '/public/assertions/ada-programmer');
    expect(fromPage?.cookie).toContain('sessionid=signed-in-on-the-web');
    backpack.control.requests.length = 0;

    await grantHosts(ext, ['http://127.0.0.1/*']);
    expect(await popupSend(ext, 'hosts/confirm', { patterns: ['http://127.0.0.1/*'] })).toMatchObject({ ok: true });
    expect(await popupSend(ext, 'accounts/sign-in', { kind: 'badgr', baseUrl: backpack.baseUrl, username: ADA.username, password: ADA.password })).toMatchObject({ ok: true });
    // The sign-in's sync lists the badges and verifies each hosted one on the same server.
    await waitFor(() => backpack.control.requests.some((r) => r.path.startsWith('/public/')), 30_000);
    const hosted = backpack.control.requests.filter((r) => r.path.startsWith('/public/'));
    const api = backpack.control.requests.filter((r) => !r.path.startsWith('/public/'));
    expect(hosted.length).toBeGreaterThan(0);
    expect(api.length).toBeGreaterThan(0);
    expect(backpack.control.requests.filter((r) => r.cookie !== undefined).map((r) => r.path)).toEqual([]);
    expect(backpack.control.requests.filter((r) => r.referer !== undefined).map((r) => `${r.path} ${r.referer}`)).toEqual([]);
  }, 120_000);
});
