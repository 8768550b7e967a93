/**
 * A Firefox for the hover card's tests on a page at its real https URL (BLOG, served through
 * ./proxy.ts): one link to Ada's revoked badge on the test backpack, the blog's hosts granted, hover
 * verification on for the site, Ada signed in, and the hover script registered.
 * Used by firefox-hover-top-layer and firefox-view-transition; `hoverOn` by firefox-hover-driven too.
 */
import { expect } from 'vitest';
import { startBackpack, type Backpack } from '../../backpack/server.ts';
import { ADA } from '../../backpack/seed-data.ts';
import { proxyPrefs, startProxy } from './proxy.ts';
import { Firefox, waitFor } from './support.ts';

export const BLOG = 'https://blog.example/2026/my-badges';

export interface HoverBlog {
  ff: Firefox;
  close(): Promise<void>;
}

export async function startHoverBlog(): Promise<HoverBlog> {
  const bp = await startBackpack({ port: 0 });
  const proxy = await startProxy(['blog.example'], (url) =>
    url.pathname === '/2026/my-badges'
      ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My badges</title></head><body style="margin:0;background:#fff">
<p style="margin:40px"><a id="revoked" href="${bp.baseUrl}/public/assertions/ada-retired-revoked">Retired Course</a></p></body></html>`
      : null);
  const ff = await Firefox.launch({ prefs: proxyPrefs(proxy.port) });
  const close = async () => {
    await ff.quit();
    await proxy.close();
    await bp.close();
  };
  await hoverOn(ff, 'blog.example', bp);
  return { ff, close };
}

/**
 * In the Firefox `ff`: `https://<host>/*` and the test backpack granted, hover verification on for that
 * site, Ada signed in to `bp` (her backpack is her own: its links are fetched for a real hover), and
 * the hover script registered for the site.
 */
export async function hoverOn(ff: Firefox, host: string, bp: Backpack): Promise<void> {
  const pattern = `https://${host}/*`;
  await ff.openTab(ff.popupUrl);
  await ff.grantHosts([pattern, 'http://127.0.0.1/*']);
  expect(await ff.send('hover/site-add', { pattern, addedGrant: true })).toMatchObject({ ok: true });
  expect(await ff.send('settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
  expect(await ff.send('accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password })).toMatchObject({ ok: true });
  await waitFor(async () => {
    const scripts = await ff.run(() => (globalThis as unknown as { browser: typeof chrome }).browser.scripting.getRegisteredContentScripts());
    return scripts.some((s: { id: string; matches?: string[] }) => s.id === 'lanyard-hover' && !!s.matches?.includes(pattern));
  }, 10_000, 'the hover script registered for the site');
}
