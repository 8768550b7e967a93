/**
 * Where the popup's first screen spends its time (issue 14): the built extension's popup over 0
 * and 10,000 cached badges (the same profiles as bench/popup.ts and bench/popup-10000.ts: Grace
 * with an emptied backpack; Ada's 7 synced badges copied to 10,000), and the blank extension's
 * page (bench/wake.ts blank_page_ready_ms), each in its own Chromium.
 * - `ab` (default): ROUNDS rounds of one open of each, alternating; prints each one's median,
 *   spread, and the two ratios of issue 14 within this run (a quick check, not the bench).
 * - `trace`: after a few opens, one open of each with Chromium's tracing on (devtools.timeline,
 *   v8, loading...); writes the traces to OUT_DIR (open them in DevTools' Performance panel) and
 *   prints the page's main-thread tasks from navigation start to the `lanyard-ready` mark, with
 *   their larger children, and the worker's tasks in the same window.
 * Run: `node --import tsx bench/support/profile-popup.ts [ab|trace]` (after `npm run build`).
 */
import { rmSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { ADA, GRACE } from '../../test/backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../../test/backpack/server.ts';
import { launchExtension, type Launched } from '../../test/browser/launch.ts';
import { currentWorker, extensionPage, stopWorkers } from '../../test/browser/support/extension.ts';
import { median, round } from '../popup.ts';
import { seedInWorker } from '../popup-10000.ts';
import { blankExtension } from '../wake.ts';
import { emptyBadgrBackpack, signedInProfile } from './real-extension.ts';

const MODE = process.argv[2] ?? 'ab';
const spread = (xs: number[]) => `${round(median(xs))} (${round(Math.min(...xs))}-${round(Math.max(...xs))})`;
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const OUT_DIR = process.env.OUT_DIR ?? '/tmp';

interface Ev { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } }

/** Per open, when PHASES is set: the first message sent, its reply, DOMContentLoaded, first paint (ms from navigation start). */
const phases = new Map<string, number[]>();
const PHASES = !!process.env.PHASES;

async function openReady(ext: Launched, cdp?: (page: Page) => Promise<unknown>, label = ''): Promise<{ page: Page; ms: number }> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 560 });
  await cdp?.(page);
  if (PHASES) {
    await page.addInitScript(() => {
      const api = (globalThis as unknown as { chrome?: { runtime?: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome;
      const rt = api?.runtime;
      if (!rt?.sendMessage) return;
      const w = globalThis as unknown as { __t: Record<string, number> };
      w.__t = {};
      const original = rt.sendMessage.bind(rt);
      rt.sendMessage = (m: unknown) => {
        const type = String((m as { type?: string }).type);
        w.__t[`send ${type}`] ??= performance.now();
        return original(m).then((r) => ((w.__t[`reply ${type}`] ??= performance.now()), r));
      };
    });
  }
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
  await page.waitForFunction(() => performance.getEntriesByName('lanyard-ready').length > 0, undefined, { timeout: 15_000 });
  const ms = await page.evaluate(() => (performance.getEntriesByName('lanyard-ready')[0] as PerformanceEntry).startTime);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  if (PHASES) {
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const out: Record<string, number> = { ...((globalThis as unknown as { __t?: Record<string, number> }).__t ?? {}), responseEnd: nav.responseEnd, dcl: nav.domContentLoadedEventStart };
      for (const p of performance.getEntriesByType('paint')) out[p.name] = p.startTime;
      for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) out[`res ${r.name.split('/').pop()}`] = r.responseEnd;
      return out;
    });
    t.ready = ms;
    // Per open, so that the load's noise stays out of the later phases: replies after the send, ready after the replies.
    const replied = Math.max(t['reply state/get'] ?? NaN, t['reply badges/list'] ?? NaN);
    if (Number.isFinite(replied)) Object.assign(t, { 'Δ replies after send': replied - (t['send state/get'] ?? NaN), 'Δ ready after replies': ms - replied });
    for (const [k, v] of Object.entries(t)) phases.set(`${label} ${k}`, [...(phases.get(`${label} ${k}`) ?? []), v]);
  }
  return { page, ms };
}

/** One open; like bench/popup.ts readyMs, the page stays until the whole list of `n` arrived, so no reply is still being built when the next open starts. */
async function readyOnce(ext: Launched, n = 0, label = ''): Promise<number> {
  const { page, ms } = await openReady(ext, undefined, label);
  if (n) await page.waitForFunction((size) => document.querySelector('[role=option]')?.getAttribute('aria-setsize') === String(size), n, { timeout: 15_000 });
  await page.close();
  await new Promise((r) => setTimeout(r, 100));
  return ms;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'blink.user_timing', 'loading', 'toplevel', 'navigation', 'ServiceWorker', 'IndexedDB', 'extensions', 'ipc', 'mojom', ...(process.env.CPU ? ['disabled-by-default-v8.cpu_profiler'] : [])].join(',');

async function traced(ext: Launched, n: number): Promise<{ events: Ev[]; ms: number }> {
  let cdp: CDPSession | undefined;
  const { page, ms } = await openReady(ext, async (p) => {
    cdp = await ext.context.newCDPSession(p);
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  });
  const done = new Promise<{ stream: string }>((resolve) => cdp!.once('Tracing.tracingComplete', resolve as never));
  await cdp!.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = (await cdp!.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp!.send('IO.close', { handle: stream });
  if (n) await page.waitForFunction((size) => document.querySelector('[role=option]')?.getAttribute('aria-setsize') === String(size), n, { timeout: 15_000 });
  await page.close();
  const parsed = JSON.parse(text) as { traceEvents: Ev[] } | Ev[];
  return { events: Array.isArray(parsed) ? parsed : parsed.traceEvents, ms };
}

const NOISE = /^(ThreadControllerImpl::RunTask|RunTask|SequenceManager|TaskAnnotator|ScheduledAction|Receive mojo message|MessagePipe|SimpleWatcher|Mojo|ThreadPool_RunTask)/;

function summarize(label: string, events: Ev[], ms: number): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const ready = events.find((e) => e.name === 'lanyard-ready');
  if (!ready) return console.log(`${label}: no lanyard-ready mark in the trace`);
  // The mark's startTime is from the document's time origin (navigation start): the trace may miss its navigationStart.
  const t0 = ready.ts - Number(ready.args?.data?.startTime ?? ms) * 1000;
  const rel = (ts: number) => ((ts - t0) / 1000).toFixed(1).padStart(6);
  console.log(`\n=== ${label}: ready ${ms.toFixed(1)} ms (trace: ${((ready.ts - t0) / 1000).toFixed(1)} ms); main thread ${threads.get(`${ready.pid}:${ready.tid}`)}`);
  const main = events.filter((e) => e.pid === ready.pid && e.tid === ready.tid && e.ts >= t0 - 5000 && e.ts <= ready.ts + 2000).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Complete events as a tree (by nesting), printed to depth 4 when longer than 0.3 ms.
  const stack: Ev[] = [];
  let busy = 0;
  for (const e of main) {
    if (e.ph !== 'X' && e.ph !== 'I' && e.ph !== 'R' && e.ph !== 'n') continue;
    while (stack.length && (stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0)) <= e.ts) stack.pop();
    const depth = stack.length;
    if (e.ph === 'X') stack.push(e);
    if (depth === 0 && e.ph === 'X') busy += e.dur ?? 0;
    const dur = (e.dur ?? 0) / 1000;
    const interesting = e.ph !== 'X' ? /navigationStart|lanyard|firstPaint|firstContentfulPaint|domContentLoaded|MarkLoad|MarkDOMContent|responseEnd|requestStart/.test(e.name) : dur >= 0.3 && !(depth > 0 && NOISE.test(e.name));
    if (!interesting || depth > 4) continue;
    const data = e.args?.data ?? {};
    const detail = [data.url, data.functionName, data.frame && data.type, data.stackTrace ? '' : undefined].filter((x) => typeof x === 'string' && x).join(' ').replace(/chrome-extension:\/\/[a-p]+/, '');
    console.log(`${rel(e.ts)} ${'  '.repeat(depth)}${e.name}${e.ph === 'X' ? ` ${dur.toFixed(1)} ms` : ''} ${detail}`);
  }
  console.log(`main thread busy ${(busy / 1000).toFixed(1)} ms of ${((ready.ts - t0) / 1000).toFixed(1)}`);
  // Other threads' top-level tasks in the window, longer than 1 ms (the worker, the browser's).
  const others = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < t0 || e.ts > ready.ts || (e.pid === ready.pid && e.tid === ready.tid)) continue;
    const th = threads.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (/RunTask/.test(e.name)) others.set(th, (others.get(th) ?? 0) + (e.dur ?? 0));
  }
  console.log(`other threads' RunTask time in the window: ${[...others].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`);
  const sw = [...threads].filter(([, n]) => /ServiceWorker/i.test(n)).map(([k]) => k);
  for (const e of events.filter((x) => x.ph === 'X' && sw.includes(`${x.pid}:${x.tid}`) && x.ts >= t0 && x.ts <= ready.ts && (x.dur ?? 0) >= 300).sort((a, b) => a.ts - b.ts)) {
    if (NOISE.test(e.name) && !/RunTask/.test(e.name)) continue;
    const data = e.args?.data ?? {};
    console.log(`  sw ${rel(e.ts)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${String(data.functionName ?? data.url ?? '').replace(/chrome-extension:\/\/[a-p]+/, '')}`);
  }
}

async function main(): Promise<void> {
  const blankDir = blankExtension();
  let bp: Backpack | undefined;
  const exts: Launched[] = [];
  try {
    bp = await startBackpack({ port: 0 });
    await emptyBadgrBackpack(bp, GRACE);
    // DISTS="a=dist/chrome,b=/tmp/other": several builds side by side (an A/B on a noisy machine); default: this worktree's.
    const dists = (process.env.DISTS ?? '=').split(',').map((d) => d.split('=') as [string, string]);
    const all: [string, Launched, number][] = [];
    const blank = await launchExtension({ dist: blankDir });
    exts.push(blank);
    all.push(['blank', blank, 0]);
    for (const [name, dist] of dists) {
      const [zero, big] = await Promise.all([signedInProfile(bp, GRACE, `${name} no badges`, undefined, dist || undefined), signedInProfile(bp, ADA, `${name} 7 badges, then seeded`, undefined, dist || undefined)]);
      exts.push(zero.ext, big.ext);
      await seedInWorker(await currentWorker(big.ext), big.accountId, 10_000);
      await stopWorkers(big.ext);
      all.push([`${name}0`, zero.ext, 0], [`${name}10000`, big.ext, 10_000]);
    }
    for (const [, ext, n] of all) for (let i = 0; i < 3; i++) await readyOnce(ext, n);
    if (MODE === 'rtt') {
      // Each first message's round trip from an open extension page, alone, ROUNDS times: the worker's share.
      for (const [label, ext] of all.filter(([l]) => l !== 'blank')) {
        const page = await extensionPage(ext);
        const out = await page.evaluate(async (rounds) => {
          const res: Record<string, number[]> = {};
          for (let i = 0; i < rounds; i++) {
            for (const m of [{ type: 'state/get', args: {} }, { type: 'badges/list', args: { limit: 20 } }, { type: 'ping', args: {} }]) {
              const t0 = performance.now();
              await chrome.runtime.sendMessage(m);
              (res[m.type] ??= []).push(performance.now() - t0);
            }
          }
          return res;
        }, ROUNDS);
        await page.close();
        console.log(`${label.padEnd(8)} ${Object.entries(out).map(([k, xs]) => `${k} ${spread(xs)}`).join('  ')}`);
      }
      return;
    }
    if (MODE === 'trace') {
      for (const [label, ext, n] of all) {
        const { events, ms } = await traced(ext, n);
        const file = `${OUT_DIR}/popup-trace-${label}.json`;
        writeFileSync(file, JSON.stringify({ traceEvents: events }));
        summarize(`${label} (${file})`, events, ms);
      }
      return;
    }
    const times = new Map<string, number[]>(all.map(([l]) => [l, []]));
    for (let i = 0; i < ROUNDS; i++) for (const [label, ext, n] of i % 2 ? [...all].reverse() : all) times.get(label)!.push(await readyOnce(ext, n, label));
    for (const [label, xs] of times) console.log(`${label.padEnd(6)} ${spread(xs)}  ${xs.map(round).join(' ')}`);
    const b = median(times.get('blank')!);
    for (const [name] of dists) {
      const [z, t] = [`${name}0`, `${name}10000`].map((l) => median(times.get(l)!)) as [number, number];
      console.log(`${name || 'this build'}: 0/blank x${(z / b).toFixed(3)}  10000/0 x${(t / z).toFixed(3)}`);
    }
    for (const [k, xs] of [...phases].sort((a, b) => a[0].split(' ')[0]!.localeCompare(b[0].split(' ')[0]!) || median(a[1]) - median(b[1]))) console.log(`  ${k.padEnd(34)} ${spread(xs)}`);
  } finally {
    for (const ext of exts) await ext.close().catch(() => undefined);
    await bp?.close();
    rmSync(blankDir, { recursive: true, force: true });
  }
}

await main();
