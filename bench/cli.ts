/**
 * The command line's start-up, as an installed `lanyard` runs it: the bundle (built first when stale)
 * and bin/lanyard.mjs copied into a temp directory in the installed layout (no src/, no node_modules),
 * then, alternately in the same run so both see the same machine load:
 *   node_start_ms  `node -e 0`
 *   cli_verify_ms  `node bin/lanyard.mjs` on one small hosted OB 2.0 badge (conformance corpus,
 *                  --offline with --map), the whole process from spawn to exit.
 * Each is the median of RUNS wall-clock runs after one unmeasured warm-up. Target: cli ≤ 2 × node.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain JavaScript build script, no types
import { CLI_BUNDLE, ensureCliBuilt, ROOT } from '../scripts/cli-build.mjs';

const RUNS = 15;
const CORPUS = path.join(ROOT as string, 'test/fixtures/conformance');
const ARGS = [
  'ob20/basic-assertion.json', '--json', '--offline', '--now', '2026-11-26T00:00:00Z',
  '--recipient', 'nobody@example.org', '--map', 'https://example.org/=hosts/example.org',
];

function timed(args: string[], expectStatus: number): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: CORPUS, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - started;
  if (r.status !== expectStatus) throw new Error(`bench cli: ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round = (x: number): number => Math.round(x * 10) / 10;

export default async function (): Promise<Record<string, number>> {
  await ensureCliBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-cli-bench-'));
  try {
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(path.join(ROOT as string, 'bin/lanyard.mjs'), path.join(dir, 'bin/lanyard.mjs'));
    cpSync(path.dirname(CLI_BUNDLE as string), path.join(dir, 'dist/cli'), { recursive: true });
    copyFileSync(path.join(ROOT as string, 'package.json'), path.join(dir, 'package.json'));
    const cli = [path.join(dir, 'bin/lanyard.mjs'), ...ARGS];
    const node = ['-e', '0'];
    timed(node, 0);
    timed(cli, 0);
    const nodeMs: number[] = [];
    const cliMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      nodeMs.push(timed(node, 0));
      cliMs.push(timed(cli, 0));
    }
    return { node_start_ms: round(median(nodeMs)), cli_verify_ms: round(median(cliMs)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
