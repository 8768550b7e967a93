/**
 * Where the first sync's time goes (issue 14): bench/sync.ts's sync of 1,000 mixed badges with
 * the DevTools protocol's CPU profiler running in the extension's service worker. Writes the
 * worker's .cpuprofile (open it in Chromium's DevTools) and prints the top functions by self time,
 * by script, and the requests answered each second. Run: `node --import tsx bench/support/profile-sync.ts [out.cpuprofile]`
 * (after `npm run build`). PROFILE=0: no profiler, only the time and the counts; SYNC_DIST: another
 * build of the extension (to compare two versions alternately on a noisy machine).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { ADA } from '../../test/backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../../test/backpack/server.ts';
import { launchExtension } from '../../test/browser/launch.ts';
import { call, extensionPage, grantHosts, waitFor } from '../../test/browser/support/extension.ts';
import { signInOb3 } from './real-extension.ts';
import { workerSession } from './worker-session.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

function summarize(p: Profile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    fn.set(k, (fn.get(k) ?? 0) + us);
    const fk = f.url ? f.url.split('/').pop()! : f.functionName;
    file.set(fk, (file.get(fk) ?? 0) + us);
    total += us;
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  console.log(`profile: ${((p.endTime - p.startTime) / 1000).toFixed(0)} ms wall, ${(total / 1000).toFixed(0)} ms sampled`);
  console.log(top(file, 15));
  console.log(top(fn, 40));
}

/** CPU seconds (user + system) of this process's descendants, by Chromium process type. */
function cpuByType(): Map<string, number> {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? (cmd[0]?.includes('chrom') ? 'browser' : cmd[0]?.split('/').pop() ?? '?');
      const sub = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19) ?? '';
      return { pid: Number(pid), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100, type: sub ? `${type}:${sub}` : type };
    } catch { return undefined; }
  }).filter((x) => x !== undefined);
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) { grew = false; for (const p of procs) if (!mine.has(p.pid) && mine.has(p.ppid)) mine.add(p.pid), (grew = true); }
  const m = new Map<string, number>();
  for (const p of procs) if (mine.has(p.pid)) m.set(p.pid === process.pid ? 'node' : p.type, (m.get(p.pid === process.pid ? 'node' : p.type) ?? 0) + p.cpu);
  return m;
}

const out = process.argv[2] ?? '/tmp/sync.cpuprofile';
const bp = await startBackpack({ port: 0, badges: 988, mix: true });
const ext = await launchExtension(process.env.SYNC_DIST ? { dist: process.env.SYNC_DIST } : {});
const profiling = process.env.PROFILE !== '0';
try {
  await grantHosts(ext, ['http://127.0.0.1/*']);
  const page = await extensionPage(ext);
  await call(page, 'state/get', {});
  const { send } = await workerSession(ext);
  // Counts of the worker's IndexedDB transactions (by database and stores) and extension API calls.
  const COUNT = `(() => {
    const c = (globalThis.__counts = {});
    const bump = (k) => (c[k] = (c[k] ?? 0) + 1);
    // Mean latency (ms) of promises, by kind: 'ms <kind>' totals.
    const timed = (k, p) => { const t = performance.now(); const end = () => (c['ms ' + k] = (c['ms ' + k] ?? 0) + performance.now() - t); p.then(end, end); return p; };
    for (const m of ['get', 'put']) {
      const o = IDBObjectStore.prototype[m];
      IDBObjectStore.prototype[m] = function () { const r = o.apply(this, arguments); const t = performance.now(); const k = 'ms idb ' + this.name + ' ' + m; r.addEventListener('success', () => (c[k] = (c[k] ?? 0) + performance.now() - t)); bump('idb op ' + this.name + ' ' + m); return r; };
    }
    const tx = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode) { bump('idb ' + this.name + ' ' + [].concat(names).join('+') + ' ' + (mode ?? 'readonly')); return tx.apply(this, arguments); };
    const f = globalThis.fetch;
    globalThis.fetch = function (u, init) { bump('fetch ' + (init?.headers?.accept ?? '')); const p = f.apply(this, arguments); timed('fetch ' + (init?.headers?.accept ?? ''), p); p.then((r) => timed('fetch+body ' + (init?.headers?.accept ?? ''), r.clone().arrayBuffer())).catch(() => {}); return p; };
    for (const [ns, fn] of [['permissions', 'contains'], ['storage.local', 'get'], ['storage.session', 'get'], ['storage.session', 'setAccessLevel'], ['alarms', 'create']]) {
      const o = ns.split('.').reduce((o, k) => o?.[k], chrome);
      if (!o?.[fn]) continue;
      const orig = o[fn].bind(o);
      o[fn] = (...a) => (bump(ns + '.' + fn), timed(ns + '.' + fn, orig(...a)));
    }
  })()`;
  const counted = (await send('Runtime.evaluate', { expression: COUNT })) as { exceptionDetails?: unknown };
  if (counted.exceptionDetails) console.log('counting failed', JSON.stringify(counted.exceptionDetails));
  if (profiling) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 500 });
    await send('Profiler.start');
  }
  bp.control.requests.length = 0;
  const cpu0 = cpuByType();
  const t0 = performance.now();
  const perSecond: number[] = [];
  const finished: (number | undefined)[] = [];
  const timer = setInterval(() => perSecond.push(bp.control.requests.length), 1000);
  // ONLY=badgr or ONLY=ob3: one account's sync alone.
  const only = process.env.ONLY;
  const ids = (await Promise.all([
    ...(only === 'ob3' ? [] : [call<{ id: string }>(page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password })]),
    ...(only === 'badgr' ? [] : [signInOb3(ext, page, bp)]),
  ])).map((v) => v.id);
  await waitFor(async () => {
    const state = await call<{ accounts: { id: string; sync: { status: string; done: number; total: number } }[] }>(page, 'state/get', {});
    const idle = ids.map((id) => { const s = state.accounts.find((a) => a.id === id)?.sync; return s?.status === 'idle' && s.total > 0 && s.done === s.total; });
    idle.forEach((done, i) => { if (done && finished[i] === undefined) finished[i] = Math.round(performance.now() - t0); });
    return idle.every(Boolean);
  }, 600_000, 100);
  clearInterval(timer);
  const ms = performance.now() - t0;
  const cpu1 = cpuByType();
  console.log('CPU s during the sync:', [...cpu1].map(([k, v]) => `${k} ${(v - (cpu0.get(k) ?? 0)).toFixed(1)}`).join(', '));
  const profile = profiling ? ((await send('Profiler.stop')) as { profile: Profile }).profile : undefined;
  if (profile) writeFileSync(out, JSON.stringify(profile));
  const counts = (await send('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__counts)', returnByValue: true })) as { result: { value: string } };
  console.log('worker calls:', Object.entries(JSON.parse(counts.result.value) as Record<string, number>).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v} ${k}`).join('\n  '));
  console.log(`sync: ${Math.round(ms)} ms (Badgr ${finished[0]} ms, OB 3.0 ${finished[1]} ms), ${bp.control.requests.length} requests; per second: ${perSecond.map((n, i) => n - (perSecond[i - 1] ?? 0)).join(' ')}`);
  if (profile) summarize(profile);
  if (process.env.REPLAY) {
    // The same GETs replayed 6 at a time from the page (bench/sync.ts's floor) and from the worker.
    const gets = bp.control.requests.filter((r) => r.method === 'GET' && r.status === 200).map((r) => ({ url: `${bp.baseUrl}${r.path}${r.search ?? ''}`, ...(r.authorization ? { authorization: r.authorization } : {}) }));
    const code = (reqs: unknown, opts: string) => `(async () => { const reqs = ${JSON.stringify(reqs)}; const t0 = performance.now(); let i = 0; let lat = 0;
      await Promise.all(Array.from({ length: 6 }, async () => { while (i < reqs.length) { const r = reqs[i++]; const t = performance.now(); const res = await fetch(r.url, { headers: r.authorization ? { authorization: r.authorization } : {} ${opts} }); lat += performance.now() - t; await res.arrayBuffer(); } }));
      return JSON.stringify({ ms: Math.round(performance.now() - t0), meanHeadersMs: lat / reqs.length }); })()`;
    for (const [where, opts] of [['page', ''], ['worker', ''], ['worker omit', ", credentials: 'omit'"], ['page', '']] as const) {
      const out = where === 'page' ? await page.evaluate(code(gets, opts)) : ((await send('Runtime.evaluate', { expression: code(gets, opts), awaitPromise: true, returnByValue: true })) as { result: { value: string } }).result.value;
      console.log(`replay from the ${where}: ${out}`);
    }
  }
} finally {
  await ext.close();
  await bp.close();
}
