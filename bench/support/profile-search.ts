/**
 * Where a search keystroke over 10,000 cached badges spends its time (issue 14,
 * search_keystroke_ms_10000): the profile of bench/popup-10000.ts (Ada's 7 synced badges copied to
 * 10,000), the popup opened and the whole list loaded, then bench/popup.ts's typed sequence with its
 * measure (keydown timestamp → first mutation of .list-screen + forced layout) while Chromium
 * traces (devtools.timeline and the V8 sampler). Prints each keystroke's measure and, summed over the
 * keystrokes, the main thread's time by kind (script by function, style, layout, GC, the rest), and
 * the JS functions with the most self time (url:line:col of the built code, and the source there).
 * Run: `node --import tsx bench/support/profile-search.ts` (after `npm run build`); DIST=dir for another build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADA } from '../../test/backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../../test/backpack/server.ts';
import { currentWorker, stopWorkers } from '../../test/browser/support/extension.ts';
import { median, round, TYPED, watchKeystrokes } from '../popup.ts';
import { seedInWorker } from '../popup-10000.ts';
import { signedInProfile, type SignedIn } from './real-extension.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DIST = process.env.DIST;

interface Ev { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: Record<string, unknown> } }
interface Node { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number }; children?: number[] }
interface ProfileChunk { nodes?: Node[]; samples?: number[]; timeDeltas?: number[] }

async function main(): Promise<void> {
  let bp: Backpack | undefined;
  let p: SignedIn | undefined;
  try {
    bp = await startBackpack({ port: 0 });
    p = await signedInProfile(bp, ADA, '7 badges, then seeded', undefined, DIST);
    await seedInWorker(await currentWorker(p.ext), p.accountId, 10_000);
    await stopWorkers(p.ext);
    const page = await p.ext.context.newPage();
    await page.setViewportSize({ width: 380, height: 560 });
    await page.goto(`${p.ext.origin}${p.ext.manifest.action.default_popup}`);
    await page.waitForFunction(() => document.querySelector('[role=option]')?.getAttribute('aria-setsize') === '10000', undefined, { timeout: 30_000 });
    await watchKeystrokes(page, true);
    await page.getByRole('searchbox').focus();
    // Unmeasured rounds first (the code's first runs), then traced ones.
    for (const key of TYPED) await page.keyboard.press(key), await page.waitForTimeout(40);
    await page.evaluate(() => ((window as unknown as { lat: number[] }).lat = []));
    const cdp = await p.ext.context.newCDPSession(page);
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink.user_timing,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.gc', transferMode: 'ReturnAsStream' });
    for (let r = 0; r < ROUNDS; r++) for (const key of TYPED) await page.keyboard.press(key), await page.waitForTimeout(40);
    const done = new Promise<{ stream: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve as never));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    let text = '';
    for (;;) {
      const chunk = (await cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    const lat = await page.evaluate(() => (window as unknown as { lat: number[] }).lat);
    console.log(`keystrokes (${lat.length}): median ${round(median(lat))} ms; ${lat.map(round).join(' ')}`);
    const parsed = JSON.parse(text) as { traceEvents: Ev[] } | Ev[];
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    writeFileSync('/tmp/search-trace.json', JSON.stringify({ traceEvents: events }));
    summarize(events, DIST ?? join(process.cwd(), 'dist/chrome'));
    await page.close();
  } finally {
    await p?.ext.close().catch(() => undefined);
    await bp?.close();
  }
}

/** Per keystroke: the keydown's dispatch to the `key-done` mark; the main thread's events in between, by kind. */
function summarize(events: Ev[], dist: string): void {
  const marks = events.filter((e) => e.name === 'key-done').sort((a, b) => a.ts - b.ts);
  if (!marks.length) return console.log('no key-done marks');
  const { pid, tid } = marks[0]!;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const keydowns = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const windows: [number, number][] = [];
  for (const m of marks) {
    const k = keydowns.filter((e) => e.ts <= m.ts).pop();
    if (k) windows.push([k.ts, m.ts]);
  }
  const inWin = (ts: number) => windows.some(([a, b]) => ts >= a && ts <= b);
  const kinds = new Map<string, number>();
  for (const e of main) {
    if (!inWin(e.ts)) continue;
    if (/^(UpdateLayoutTree|Layout|MinorGC|MajorGC|V8.GC_SCAVENGER|ParseHTML|HitTest|PrePaint|Paint|UpdateLayerTree|EventDispatch|FunctionCall|RunMicrotasks|V8.Execute|TimerFire|FireAnimationFrame)$/.test(e.name)) {
      const key = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
      kinds.set(key, (kinds.get(key) ?? 0) + (e.dur ?? 0));
    }
  }
  const n = windows.length;
  const span = windows.reduce((s, [a, b]) => s + (b - a), 0);
  console.log(`\n${n} keystrokes in the trace; keydown dispatch → mark: mean ${(span / n / 1000).toFixed(2)} ms`);
  console.log('main-thread events within those windows (mean per keystroke, nested ones overlap their parents):');
  for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(28)} ${(v / n / 1000).toFixed(2)} ms`);
  // The V8 sampler's profile chunks: self time per function inside the windows.
  const nodes = new Map<number, Node>();
  const selfUs = new Map<number, number>();
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid);
  const start = events.find((e) => e.name === 'Profile' && e.pid === pid);
  let t = Number((start?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  for (const c of chunks) {
    const cpu = (c.args?.data as { cpuProfile?: ProfileChunk; timeDeltas?: number[] } | undefined) ?? {};
    for (const node of cpu.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = cpu.cpuProfile?.samples ?? [];
    const deltas = cpu.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      const next = deltas[i + 1] ?? 0;
      if (inWin(t)) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + next);
    }
  }
  const byFn = new Map<string, number>();
  const sources = new Map<string, string>();
  for (const [id, us] of selfUs) {
    const f = nodes.get(id)?.callFrame;
    if (!f) continue;
    const file = (f.url ?? '').replace(/^chrome-extension:\/\/[a-p]+\//, '');
    const key = `${f.functionName || '(anon)'} ${file}:${(f.lineNumber ?? -1) + 1}:${(f.columnNumber ?? -1) + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    if (file && !sources.has(key)) {
      try {
        const lines = readFileSync(join(dist, file), 'utf8').split('\n');
        sources.set(key, (lines[f.lineNumber ?? 0] ?? '').slice(f.columnNumber ?? 0, (f.columnNumber ?? 0) + 90));
      } catch {
        // Not a file of the build (a V8 builtin, the page's evaluated scripts).
      }
    }
  }
  console.log('\nJS self time by function within the windows (mean per keystroke):');
  for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / n / 1000).toFixed(2).padStart(6)} ms  ${k}  ${sources.get(k) ?? ''}`);
}

// `profile-search.ts <trace.json>`: the summary of a trace written before.
if (process.argv[2]) {
  const parsed = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { traceEvents: Ev[] };
  summarize(parsed.traceEvents, DIST ?? join(process.cwd(), 'dist/chrome'));
} else await main();
