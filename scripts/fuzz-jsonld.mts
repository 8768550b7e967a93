/**
 * `npm run fuzz:jsonld -- --n N --seed S [--json]`: the differential JSON-LD fuzzer (issue 11, see
 * test/core/jsonld/fuzz.ts). Prints the counts (one JSON object with --json) and the first
 * differences found; exits 1 when there is any.
 */
import { runFuzz } from '../test/core/jsonld/fuzz.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name} wants a whole number`);
  return v;
}

const n = arg('n', 1000);
const seed = arg('seed', 1);
const json = process.argv.includes('--json');
const started = performance.now();
const { counts, examples } = await runFuzz({
  n,
  seed,
  onProgress: (done, c) => {
    if (done % 1000 === 0) console.error(`fuzz:jsonld ${done}/${n} cases, ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(c)}`);
  },
});
const seconds = Math.round((performance.now() - started) / 100) / 10;
for (const e of examples) console.error(`\n— case ${e.index} (seed ${e.seed}; ${e.applied.join(', ')})\n${e.input}\n${e.detail}`);
if (json) console.log(JSON.stringify({ ...counts, seed, seconds }));
else console.log(`fuzz:jsonld seed ${seed}: ${counts.cases} cases in ${seconds} s: ${counts.fastPath} on the fast path, ${counts.fallback} fell back to jsonld.js, ${counts.bothRefused} refused by both, ${counts.differences} differences`);
process.exitCode = counts.differences === 0 ? 0 : 1;
