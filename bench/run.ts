/**
 * `npm run bench` prints a table; `npm run bench -- --json` prints one JSON object of numbers and
 * nothing else on stdout. Each module's default export returns `{ metric: number }`; results merge
 * in order. To add a benchmark: one line in MODULES. Modules not written yet are skipped.
 * `npm run bench -- --only sync,wake` runs only those modules (names without `.ts`).
 */
import { existsSync } from 'node:fs';

const MODULES = [
  './sizes.ts',
  './parse.ts',
  './jwt.ts',
  './ob2.ts',
  './latency.ts',
  './di.ts',
  './mixed.ts',
  './popup.ts',
  './popup-10000.ts',
  './wake.ts',
  './sync.ts',
  './hover.ts',
  './picker.ts',
  './cli.ts',
  './markdown.ts',
];

type Bench = () => Promise<Record<string, number>>;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = console.log;
  // Whatever a benchmark prints goes to stderr: stdout carries only the results.
  console.log = console.info = (...args: unknown[]) => console.error(...args);
  const results: Record<string, number> = {};
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').map((m) => `./${m.trim()}.ts`)) : undefined;
  for (const name of only ?? []) if (!MODULES.includes(name)) throw new Error(`bench: no module ${name} (--only takes ${MODULES.map((m) => m.slice(2, -3)).join(',')})`);
  for (const path of MODULES.filter((m) => !only || only.has(m))) {
    const url = new URL(path, import.meta.url);
    if (!existsSync(url)) {
      console.error(`bench: ${path} does not exist yet, skipped`);
      continue;
    }
    const started = performance.now();
    const { default: bench } = (await import(url.href)) as { default: Bench };
    const out = await bench();
    for (const [key, value] of Object.entries(out)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`bench: ${path} gave ${key} = ${String(value)}`);
      if (key in results) throw new Error(`bench: ${key} is given twice (again by ${path})`);
      results[key] = value;
    }
    console.error(`bench: ${path} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (json) {
    log(JSON.stringify(results));
    return;
  }
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) log(`${key.padEnd(width)}  ${value}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
