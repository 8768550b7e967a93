// The CLI bundle (dist/cli/lanyard.mjs, see vite.cli.config.ts): is it older than its sources, and
// building it. In a source checkout bin/lanyard.mjs calls ensureCliBuilt() before each run, so
// `npm run verify` and the CLI tests never run a stale bundle; an installed package has no src/ and
// never comes here. Concurrent runs share one build through a lock directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_BUNDLE = join(ROOT, 'dist/cli/lanyard.mjs');
const SOURCES = ['src/cli', 'src/core', 'src/shims', 'vite.cli.config.ts', 'package.json', 'package-lock.json'];
const LOCK = join(ROOT, 'dist/.cli-build.lock');

function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)));
  return m;
}

/** True when the bundle is missing or any of its sources changed after it was written. */
export function cliBundleStale() {
  let built;
  try {
    built = statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

/** Runs `vite build -c vite.cli.config.ts`; throws with Vite's exit status on failure. */
export function buildCli(stdio = 'inherit') {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.cli.config.ts'], { cwd: ROOT, stdio });
  if (r.status !== 0) throw new Error(`building the CLI failed (vite exited ${r.status ?? r.signal})`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Builds the bundle when stale; one process builds while the others wait for it. */
export async function ensureCliBuilt() {
  if (!cliBundleStale()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // Another run is building: wait, then use its bundle. A lock older than two minutes is left over.
      if (waited > 120_000 || Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 120_000) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      await sleep(100);
      if (!cliBundleStale()) return;
    }
  }
  try {
    if (cliBundleStale()) {
      process.stderr.write('lanyard: building the command line (dist/cli) from src/ first\n');
      buildCli(['ignore', 2, 2]);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

// `node scripts/cli-build.mjs` (npm's prepack): build the bundle if it is missing or stale.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await ensureCliBuilt();
