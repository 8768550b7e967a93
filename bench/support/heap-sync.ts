/**
 * What the worker's heap holds after the first sync (issue 14, sw_heap_mb_1000): bench/sync.ts's
 * sync of 1,000 mixed badges with a V8 heap snapshot of the extension's service worker before the
 * sign-in and after the sync, both in one HeapProfiler session (so node ids match). Prints the
 * worker's usedSize at each point (as support/worker-heap.ts), V8's own heap by kind (JIT code:
 * Sparkplug baseline code, optimized code, regexp code; then data), the baseline code by script and
 * function, and the new objects grouped
 * by the first object that already existed before the sync and holds them (a cache shows up
 * there). Run: `node --import tsx bench/support/heap-sync.ts [out-prefix]` after `npm run build`;
 * writes <out-prefix>0.heapsnapshot and <out-prefix>1000.heapsnapshot (default /tmp/lanyard-sw);
 * ANALYZE=1 reads the two snapshots a previous run wrote there, without a sync.
 * COUNT=n syncs n generated badges (+12 seeded) instead of 988. To see the heap without V8's
 * compilers: CHROMIUM_PATH=a script that runs chromium with --js-flags="--no-sparkplug --no-maglev --no-turbofan".
 *
 * The snapshot is taken over a non-flattened Target session (Target.sendMessageToTarget), the way
 * worker-heap.ts measures: that works for this ~3 MB heap (5-8 MB snapshots).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ADA } from '../../test/backpack/seed-data.ts';
import { startBackpack } from '../../test/backpack/server.ts';
import { launchExtension } from '../../test/browser/launch.ts';
import { call, extensionPage, grantHosts, waitFor } from '../../test/browser/support/extension.ts';
import { signInOb3 } from './real-extension.ts';
import { engineReleased } from './worker-heap.ts';
import { workerSession, type Send, type WorkerSession } from './worker-session.ts';

async function usedMb(send: Send): Promise<number> {
  await engineReleased(send);
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  return Math.round((usedSize / 1024 / 1024) * 100) / 100;
}

async function snapshot(s: WorkerSession, file: string): Promise<void> {
  const chunks: string[] = [];
  s.on('HeapProfiler.addHeapSnapshotChunk', (p) => chunks.push(p.chunk as string));
  await s.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, 300_000);
  writeFileSync(file, chunks.join(''));
}

interface Node { type: string; name: string; size: number; id: number }
interface Edge { type: string; name: string | number; to: number }
interface Snap { count: number; node(i: number): Node; edges(i: number): Edge[] }

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

function parse(file: string): Snap {
  const s = JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot;
  const { node_fields: nf, edge_fields: ef, node_types: [types], edge_types: [etypes] } = s.snapshot.meta;
  const [nt, nn, ns, nid, nec] = ['type', 'name', 'self_size', 'id', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number, number];
  const [et, en, eto] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
  const count = s.nodes.length / nf.length;
  const first = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) (first[i] = e), (e += s.nodes[i * nf.length + nec]! * ef.length), (first[i + 1] = e);
  const node = (i: number): Node => {
    const b = i * nf.length;
    return { type: types[s.nodes[b + nt]!]!, name: s.strings[s.nodes[b + nn]!]!, size: s.nodes[b + ns]!, id: s.nodes[b + nid]! };
  };
  const edges = (i: number): Edge[] => {
    const out: Edge[] = [];
    for (let e = first[i]!; e < first[i + 1]!; e += ef.length) {
      const type = etypes[s.edges[e + et]!]!;
      const raw = s.edges[e + en]!;
      out.push({ type, name: type === 'element' || type === 'hidden' ? raw : s.strings[raw]!, to: s.edges[e + eto]! / nf.length });
    }
    return out;
  };
  return { count, node, edges };
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** V8's heap (embedder objects left out, as usedSize does) by kind: JIT code by tier, then the rest by node type. */
function byKind(h: Snap): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string, n: number) => void (out[k] = (out[k] ?? 0) + n);
  const streamOf = (code: number) => h.edges(code).find((e) => e.name === 'instruction_stream');
  const baseline = new Set<number>();
  for (let i = 0; i < h.count; i++) {
    const n = h.node(i);
    if (!n.name.startsWith('system / SharedFunctionInfo')) continue;
    const data = h.edges(i).find((e) => e.name === 'trusted_function_data');
    if (data && h.node(data.to).name === 'system / Code') baseline.add(data.to);
  }
  for (let i = 0; i < h.count; i++) {
    const n = h.node(i);
    if (n.type === 'native') continue;
    if (n.name === 'system / Code') {
      const s = streamOf(i);
      const size = n.size + (s ? h.node(s.to).size : 0);
      add(baseline.has(i) ? 'code: baseline (Sparkplug)' : 'code: optimized, regexp, builtins', size);
    } else if (n.name !== 'system / InstructionStream') {
      add(n.type === 'code' ? `code: ${n.name.replace(/^system \/ /, '').replace(/ \/ .*$/, '')}` : n.type, n.size);
    }
  }
  return out;
}

/**
 * Sparkplug baseline code by the script its function comes from (the SharedFunctionInfo's `script`
 * edge, the Script's `name`), and the functions with the most of it: which code V8 compiled.
 */
function baselineByScript(h: Snap, top = Number(process.env.TOP ?? 12)): { scripts: [string, number][]; functions: [string, number][] } {
  const scripts = new Map<string, number>();
  const functions = new Map<string, number>();
  for (let i = 0; i < h.count; i++) {
    const n = h.node(i);
    if (!n.name.startsWith('system / SharedFunctionInfo')) continue;
    const edges = h.edges(i);
    const code = edges.find((e) => e.name === 'trusted_function_data')?.to;
    if (code === undefined || h.node(code).name !== 'system / Code') continue;
    const stream = h.edges(code).find((e) => e.name === 'instruction_stream')?.to;
    const size = h.node(code).size + (stream === undefined ? 0 : h.node(stream).size);
    const script = edges.find((e) => e.name === 'script')?.to;
    const named = script === undefined ? undefined : h.edges(script).find((e) => e.name === 'name')?.to;
    const file = (named === undefined ? '?' : h.node(named).name).split('/').pop() || '?';
    const fn = `${file} ${n.name.replace(/^system \/ SharedFunctionInfo( \/ )?/, '') || '(anonymous)'}`;
    scripts.set(file, (scripts.get(file) ?? 0) + size);
    functions.set(fn, (functions.get(fn) ?? 0) + size);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { scripts: sorted(scripts), functions: sorted(functions) };
}

/** New objects (not in `before`) grouped by the closest object that existed before and retains them. */
function newByHolder(before: Snap, after: Snap, top = 25): [string, number, number][] {
  const old = new Set<number>();
  for (let i = 0; i < before.count; i++) old.add(before.node(i).id);
  const holder = new Int32Array(after.count).fill(-1);
  const via: string[] = [];
  for (let i = 0; i < after.count; i++) for (const e of after.edges(i)) if (e.type !== 'weak' && holder[e.to] === -1) (holder[e.to] = i), (via[e.to] = String(e.name));
  const groups = new Map<string, [number, number]>();
  for (let i = 0; i < after.count; i++) {
    const n = after.node(i);
    if (old.has(n.id) || n.type === 'native' || n.type === 'code') continue;
    let cur = i;
    const path: string[] = [];
    for (let d = 0; d < 12 && holder[cur]! >= 0; d++) {
      path.unshift(via[cur]!);
      cur = holder[cur]!;
      if (old.has(after.node(cur).id)) break;
    }
    const h = after.node(cur);
    const key = `${h.type}:${h.name.slice(0, 40)}@${h.id} .${path.slice(0, 3).join('.')}`;
    const g = groups.get(key) ?? [0, 0];
    (g[0] += n.size), g[1]++, groups.set(key, g);
  }
  return [...groups].sort((a, b) => b[1][0] - a[1][0]).slice(0, top).map(([k, [size, n]]) => [k, size, n]);
}

/** What the two snapshots at `prefix` say. */
function report(prefix: string): void {
  const [before, after] = [parse(`${prefix}0.heapsnapshot`), parse(`${prefix}1000.heapsnapshot`)];
  const [k0, k1] = [byKind(before), byKind(after)];
  console.log('\nV8 heap by kind (snapshot self sizes): before -> after (change)');
  for (const k of Object.keys(k1).sort((a, b) => (k1[b]! - (k0[b] ?? 0)) - (k1[a]! - (k0[a] ?? 0)))) console.log(`  ${k.padEnd(40)} ${kb(k0[k] ?? 0).padStart(7)} -> ${kb(k1[k]!).padStart(7)} (${kb(k1[k]! - (k0[k] ?? 0))})`);
  const baseline = baselineByScript(after);
  console.log('\nBaseline (Sparkplug) code after the sync, by script:');
  for (const [k, size] of baseline.scripts) console.log(`  ${kb(size).padStart(7)}  ${k}`);
  console.log('  the functions with the most (minified names in the bundle; the unnamed ones together):');
  for (const [k, size] of baseline.functions) console.log(`  ${kb(size).padStart(7)}  ${k}`);
  console.log('\nNew objects (no code) by the older object that holds them:');
  for (const [k, size, n] of newByHolder(before, after)) console.log(`  ${kb(size).padStart(7)} ${String(n).padStart(5)}  ${k}`);
}

const prefix = process.argv[2] ?? '/tmp/lanyard-sw';
if (process.env.ANALYZE) {
  // ANALYZE=1: only read the snapshots a previous run wrote at `prefix`.
  report(prefix);
} else {
  const generated = Number(process.env.COUNT ?? 988);
  const bp = await startBackpack({ port: 0, badges: generated, mix: true });
  const ext = await launchExtension();
  try {
    await grantHosts(ext, ['http://127.0.0.1/*']);
    const page = await extensionPage(ext);
    await call(page, 'state/get', {});
    const s = await workerSession(ext);
    await s.send('HeapProfiler.enable');
    console.log(`usedSize before the sign-in: ${await usedMb(s.send)} MB`);
    await snapshot(s, `${prefix}0.heapsnapshot`);
    const badgr = call<{ id: string }>(page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password });
    const ids = (await Promise.all([badgr, signInOb3(ext, page, bp)])).map((v) => v.id);
    await waitFor(async () => {
      const st = await call<{ accounts: { id: string; sync: { status: string; done: number; total: number } }[] }>(page, 'state/get', {});
      return ids.every((id) => {
        const x = st.accounts.find((a) => a.id === id)?.sync;
        return x?.status === 'idle' && x.total > 0 && x.done === x.total;
      });
    }, 600_000, 200);
    const cached = (await call<unknown[]>(page, 'badges/list', {})).length;
    console.log(`usedSize after syncing ${cached} badges: ${await usedMb(s.send)} MB`);
    await snapshot(s, `${prefix}1000.heapsnapshot`);
    await s.close();
  } finally {
    await ext.close();
    await bp.close();
  }
  report(prefix);
}
