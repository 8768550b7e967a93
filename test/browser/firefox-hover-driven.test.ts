/**
 * Issue 12 point 5 in Firefox: a page must not drive verify on hover. test/browser/content-hover.test.ts
 * shows it in Chromium only; Firefox sends events of its own that Chromium does not (a synthesized,
 * trusted mousemove and mouseover when the layout moves an element under a resting pointer), so the
 * same page runs here (dist/firefox through Marionette, the page at its real https URL through
 * ./firefox/proxy.ts). The page makes badge links, puts them under the resting pointer, focuses them
 * and fires made-up events at them every 700 ms: the backpack is asked for nothing. Then a person's
 * pointer on a badge link on the same page is checked (the script was there all along).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { proxyPrefs, startProxy, type Proxy } from './firefox/proxy.ts';
import { Firefox, waitFor } from './firefox/support.ts';
import { hoverOn } from './firefox/hover-blog.ts';

const PAGE = 'https://driven.example/';
let ff: Firefox;
let bp: Backpack;
let proxy: Proxy;

const page = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nothing to see</title></head><body style="margin:0;height:2000px">
<p id="bait" style="position:absolute;left:150px;top:150px;width:200px;height:60px;margin:0">Just text</p>
<p style="position:absolute;left:150px;top:420px;margin:0"><a id="real" href="${bp.baseUrl}/public/assertions/ada-programmer">Analytical Engine Programmer</a></p>
<script>
const ids = ['ada-poetical', 'ada-retired-revoked', 'ada-notes', 'ada-programmer'];
let n = 0;
const links = ids.map((id, i) => {
  const a = document.createElement('a');
  a.href = '${bp.baseUrl}/public/assertions/' + id + '?n=' + i;
  a.textContent = 'Badge ' + i;
  a.style.cssText = 'position:absolute;display:block;width:200px;height:60px;left:-500px;top:0';
  document.body.append(a);
  return a;
});
window.driving = setInterval(() => {
  const a = links[n++ % links.length];
  for (const l of links) l.style.left = '-500px';
  // Under the pointer (which rests at 250,180), then focused, then made-up events.
  a.style.left = '150px';
  a.style.top = '150px';
  a.focus();
  a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 250, clientY: 180 }));
  a.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 250 + (n % 7), clientY: 180 }));
  a.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
  // A scroll of nothing and a layout change: Firefox synthesizes a mousemove for the resting pointer.
  document.body.style.paddingTop = (n % 2) + 'px';
  window.scrollTo(0, n % 2);
}, 700);
</script></body></html>`;

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  proxy = await startProxy(['driven.example'], (url) => (url.pathname === '/' ? page() : null));
  ff = await Firefox.launch({ prefs: proxyPrefs(proxy.port) });
  await hoverOn(ff, 'driven.example', bp);
  // Let the sync that followed the sign-in settle, then count from here.
  await new Promise((r) => setTimeout(r, 3000));
}, 180_000);
afterAll(async () => {
  await ff?.quit();
  await proxy?.close();
  await bp?.close();
});

const pointer = (actions: { x: number; y: number; duration: number }[]) =>
  ff.m.send('WebDriver:PerformActions', {
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: actions.map((a) => ({ type: 'pointerMove', origin: 'viewport', ...a })) }],
  });
const assertionsAsked = () => bp.control.requests.filter((r) => r.path.startsWith('/public/assertions/'));

describe('verify on hover in Firefox, driven by the page', { timeout: 180_000 }, () => {
  it('a page that focuses and moves badge links it makes under the resting pointer, in a loop, makes Lanyard fetch nothing', async () => {
    await ff.openTab(PAGE);
    // The user moves the pointer once, onto plain text, and leaves it there.
    await pointer([{ x: 240, y: 175, duration: 50 }]);
    bp.control.requests.length = 0;
    await pointer([{ x: 250, y: 180, duration: 20 }]);
    await new Promise((r) => setTimeout(r, 6000));
    expect(assertionsAsked()).toEqual([]);
    expect(await ff.run(() => document.querySelectorAll('[data-lanyard="hover-card"]').length)).toBe(0);
  });

  it('on the same page, a person pointing at a badge link gets it checked (the hover script was there)', async () => {
    await ff.run(() => clearInterval((window as unknown as { driving: number }).driving));
    bp.control.requests.length = 0;
    await ff.hover(await ff.find('#real'));
    await waitFor(async () => (await ff.inShadow('hover-card', '.c[data-state="ready"]').catch(() => [])).length > 0, 20_000, 'the hover card ready');
    expect(assertionsAsked().map((r) => r.path)).toContain('/public/assertions/ada-programmer');
  });
});
