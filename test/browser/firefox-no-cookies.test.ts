/**
 * test/browser/no-cookies.test.ts in Firefox (dist/firefox through Marionette): a cookie the test
 * backpack's own page set on 127.0.0.1, as a browser signed in there holds it, goes with none of the
 * add-on's requests (the password sign-in, the sync, the hosted badges' verification), and no
 * request carries a Referer (the moz-extension URL holds a per-install id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let bp: Backpack;

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  ff = await Firefox.launch();
  await ff.grantHosts(['http://127.0.0.1/*']);
});
afterAll(async () => {
  await ff?.quit();
  await bp?.close();
});

describe('the add-on’s requests in Firefox', { timeout: 180_000 }, () => {
  it('send no cookie and no Referer to the backpack or the hosts its badges name', async () => {
    const home = await ff.openTab(`${bp.baseUrl}/public/assertions/ada-programmer`);
    await ff.run(() => void (document.cookie = 'sessionid=signed-in-on-the-web; SameSite=Lax; path=/'));
    await ff.navigate(`${bp.baseUrl}/public/assertions/ada-programmer?again`);
    // The page's own request carries it: the cookie is one the browser sends to that site.
    await waitFor(async () => bp.control.requests.find((r) => r.search === '?again'), 10_000, 'the page asked again');
    expect(bp.control.requests.find((r) => r.search === '?again')?.cookie).toContain('sessionid=signed-in-on-the-web');
    void home;
    await ff.openPopup();
    bp.control.requests.length = 0;
    await ff.call('accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password });
    await waitFor(async () => bp.control.requests.some((r) => r.path.startsWith('/public/')), 40_000, 'a hosted badge verified');
    expect(bp.control.requests.filter((r) => !r.path.startsWith('/public/')).length).toBeGreaterThan(0);
    expect(bp.control.requests.filter((r) => r.cookie !== undefined).map((r) => r.path)).toEqual([]);
    expect(bp.control.requests.filter((r) => r.referer !== undefined).map((r) => `${r.path} ${r.referer}`)).toEqual([]);
  });
});
