/**
 * The hover card under a page's view transition, in Firefox (dist/firefox through Marionette; attack35). A page at its
 * real https URL (firefox/proxy.ts), once the card shows its verdict, starts a view transition whose live group holds its
 * own "✓ Verified" box where the card is (firefox/view-transition.ts): painted above the top layer, over the card, and
 * Firefox has no IntersectionObserver v2 to tell. While the document has a view transition (`:active-view-transition`)
 * the card shows no verdict; it does once the transition ends. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { proxyPrefs, startProxy, type Proxy } from './firefox/proxy.ts';
import { LOOK_ALIKE_TRANSITION } from './firefox/view-transition.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let bp: Backpack;
let proxy: Proxy;
const BLOG = 'https://blog.example/2026/my-badges';

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  proxy = await startProxy(['blog.example'], (url) =>
    url.pathname === '/2026/my-badges'
      ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My badges</title></head><body style="margin:0;background:#fff">
<p style="margin:40px"><a id="revoked" href="${bp.baseUrl}/public/assertions/ada-retired-revoked">Retired Course</a></p></body></html>`
      : null);
  ff = await Firefox.launch({ prefs: proxyPrefs(proxy.port) });
  await ff.openTab(ff.popupUrl);
  await ff.grantHosts(['https://blog.example/*', 'http://127.0.0.1/*']);
  expect(await ff.send('hover/site-add', { pattern: 'https://blog.example/*', addedGrant: true })).toMatchObject({ ok: true });
  expect(await ff.send('settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
  expect(await ff.send('accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password })).toMatchObject({ ok: true });
  await waitFor(async () => {
    const scripts = await ff.run(() => (globalThis as unknown as { browser: typeof chrome }).browser.scripting.getRegisteredContentScripts());
    return scripts.some((s: { id: string }) => s.id === 'lanyard-hover');
  }, 10_000, 'the hover script registered');
});
afterAll(async () => {
  await ff?.quit();
  await proxy?.close();
  await bp?.close();
});

/** The card's state (inside its closed root, for tests): 'withheld' while its verdict is held back; null with no card. */
async function cardState(): Promise<string | null> {
  const [box] = await ff.inShadow('hover-card', '.c').catch(() => []);
  return box ? ff.attribute(box, 'data-state') : null;
}

describe('the hover card under a page’s view transition, in Firefox', { timeout: 180_000 }, () => {
  it('a transition drawing the page’s look-alike over the card: no verdict while it lasts, the verdict once it ends', async () => {
    await ff.openTab(BLOG);
    await ff.mouseAway();
    await ff.hover(await ff.find('#revoked'));
    await waitFor(async () => (await cardState()) === 'ready', 20_000, 'the card ready');
    const [box] = await ff.inShadow('hover-card', '.c');
    const at = await ff.run((el: Element) => {
      const b = el.getBoundingClientRect();
      return { x: b.left, y: b.top, w: b.width, h: b.height };
    }, box as unknown as Element);
    await ff.run(LOOK_ALIKE_TRANSITION, '✓ Verified badge', at);
    expect(await ff.run(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
    // Seen at the next look (200 ms).
    await new Promise((r) => setTimeout(r, 500));
    const states = new Set<string | null>();
    for (let i = 0; i < 6; i++) (await new Promise((r) => setTimeout(r, 200)), states.add(await cardState()));
    await ff.screenshot('hover-card-view-transition', null);
    expect(await ff.run(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
    expect([...states]).toEqual(['withheld']);
    await ff.run(() => (window as unknown as { endTransition: () => void }).endTransition());
    await waitFor(async () => (await cardState()) === 'ready', 5_000, 'the verdict back');
    await ff.screenshot('hover-card-view-transition-ended', null);
  });
});
