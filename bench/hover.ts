/**
 * hover_card_ms: median milliseconds from the end of the hover pause to the verify-on-hover card
 * painted, for a verification the content script has cached, in Chromium with the built extension
 * (dist/chrome, built first when missing). An ordinary page at https://blog.example (routed, and
 * turned on for hover as the popup's "Verify badges on this site" would) links to the test
 * backpack's public assertion; the first hover verifies it, then each measured hover starts at the
 * `mouseover` and ends at the first frame after the card's host is in the page, minus PAUSE_MS.
 * The verdict itself is painted REVEAL_MS later, cached or not (issue 12 point 8: the page must
 * not learn from timing what was verified before), inside the closed shadow root.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { PAUSE_MS } from '../src/content/features/hover-verify.ts';
import { HOVER_SCRIPT_FILE, HOVER_SCRIPT_ID } from '../src/platform/hover-script.ts';
import { startBackpack } from '../test/backpack/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist/chrome');
const RUNS = 15;
const ORIGINS = ['https://blog.example/*'];

/** dist/chrome, or a copy with the `scripting` permission the hover registration needs (until the manifest has it). */
function extensionDir(tmp: string): string {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { permissions?: string[] };
  if (manifest.permissions?.includes('scripting')) return DIST;
  console.error('bench/hover: the manifest lacks "scripting"; measuring a copy of dist/chrome that has it');
  const dir = join(tmp, 'ext');
  cpSync(DIST, dir, { recursive: true });
  manifest.permissions = [...(manifest.permissions ?? []), 'scripting'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

async function launch(dir: string, profile: string): Promise<{ context: BrowserContext; worker: Worker; id: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const ours = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  return { context, worker, id: new URL(worker.url()).host };
}

/** Grants the optional host permissions and turns hover verification on, as the user would. */
async function enableHover(context: BrowserContext, id: string): Promise<void> {
  const settings = await context.newPage();
  await settings.goto(`chrome://extensions/?id=${id}`);
  await settings.waitForSelector('extensions-detail-view');
  for (const p of ORIGINS) await settings.evaluate(([i, o]) => (chrome as unknown as { developerPrivate: { addHostPermission(a: string, b: string): Promise<void> } }).developerPrivate.addHostPermission(i, o), [id, p] as const);
  await settings.close();
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${id}/src/popup/index.html`);
  await ext.evaluate((origins) => chrome.permissions.request({ origins }), ORIGINS);
  await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/set', args: { settings: { hoverVerify: true } } }));
  await ext.evaluate((pattern) => chrome.runtime.sendMessage({ type: 'hover/site-add', args: { pattern, addedGrant: true } }), ORIGINS[0]!);
  await ext.close();
}

/** The background registers the hover script on permissions.onAdded (register-hover.ts); if it has not within 2 s, do what it would. */
async function ensureRegistered(worker: Worker): Promise<void> {
  const registered = () => worker.evaluate(async (sid) => (await chrome.scripting.getRegisteredContentScripts({ ids: [sid] })).length > 0, HOVER_SCRIPT_ID);
  for (let i = 0; i < 20; i++) {
    if (await registered()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error('bench/hover: the background did not register the hover script; registering it as syncHoverScript would');
  await worker.evaluate(async ([sid, file, matches]) => {
    await chrome.scripting.registerContentScripts([{ id: sid, js: [file], matches, runAt: 'document_idle', persistAcrossSessions: true }]);
  }, [HOVER_SCRIPT_ID, HOVER_SCRIPT_FILE, ORIGINS] as const);
}

/** In the page: resolves with the ms from the `mouseover` on #badge to the first frame after the card is ready. */
const PROBE = `new Promise((resolve, reject) => {
  let over = 0;
  document.addEventListener('mouseover', (e) => { if (e.target.id === 'badge' && !over) over = performance.now(); }, { capture: true });
  const mo = new MutationObserver(() => {
    if (!over || !document.querySelector('[data-lanyard="hover-card"]')) return;
    mo.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now() - over);
      ch.port2.postMessage(0);
    });
  });
  mo.observe(document.documentElement, { childList: true, subtree: true });
  setTimeout(() => reject(new Error('no card within 5 s')), 5000);
})`;

/** One hover, timed in the page: mouseover → first frame after the card is ready. */
async function timedHover(page: Page): Promise<number> {
  await page.mouse.move(1, 1);
  await page.waitForSelector('[data-lanyard="hover-card"]', { state: 'detached' });
  // As a string: tsx would wrap named functions in a helper the page does not have.
  const done = page.evaluate(PROBE) as Promise<number>;
  await page.hover('#badge');
  return (await done) - PAUSE_MS;
}

export default async function (): Promise<Record<string, number>> {
  if (!existsSync(join(DIST, 'src/content/hover.js'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`bench/hover: the build failed (exit ${r.status})`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'lanyard-bench-hover-'));
  const backpack = await startBackpack({ port: 0 });
  const { context, worker, id } = await launch(extensionDir(tmp), join(tmp, 'profile'));
  try {
    await context.route('https://blog.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Post</title><p style="margin:80px"><a id="badge" href="${backpack.baseUrl}/public/assertions/ada-programmer">My badge</a></p>` }),
    );
    await enableHover(context, id);
    await ensureRegistered(worker);
    const page = await context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text() === '[lanyard] hover content script loaded' });
    await page.goto('https://blog.example/post');
    await loaded;
    await page.hover('#badge');
    await page.waitForSelector('[data-lanyard="hover-card"]', { state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(2000);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timedHover(page));
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? NaN;
    return { hover_card_ms: Math.round(Math.max(0, median) * 10) / 10 };
  } finally {
    await context.close();
    await backpack.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
