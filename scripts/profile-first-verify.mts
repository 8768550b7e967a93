/**
 * Where di_first_verify_ms goes (issue 14): builds the verifier bundle as bench/di.ts does (vite
 * library mode, the same ENTRY), signs one credential, then runs the same fresh-process script
 * under `node --cpu-prof` and prints the profile's self time by bundle chunk / package and the
 * top functions. Usage: node --import tsx scripts/profile-first-verify.mts [outDir]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSigner, signCredential } from '../src/core/proofs/sign.ts';

const ROOT = process.env.SRC_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const dir = path.resolve(process.argv[2] ?? '/tmp/lanyard-first');
mkdirSync(dir, { recursive: true });
const ENTRY = (src: (f: string) => string) => `export { verifyDataIntegrity, applyDataIntegrity } from ${src('src/core/proofs/verify.ts')};
export { checkEndorsements } from ${src('src/core/proofs/endorsement.ts')};
export { checkCredentialStatus } from ${src('src/core/status/check.ts')};
export { checkRefresh } from ${src('src/core/status/refresh.ts')};
export { checkSchema } from ${src('src/core/status/schema.ts')};
export { createContext } from ${src('src/core/verify/context.ts')};
`;
const { build } = await import('vite');
const entry = path.join(dir, 'entry.ts');
writeFileSync(entry, ENTRY((f) => JSON.stringify(path.join(ROOT, f))));
const outDir = path.join(dir, 'out');
// Not minified, so that the profile names functions (the bench minifies; times are close).
const minify = process.env.MINIFY === '1';
await build({ configFile: false, root: ROOT, publicDir: false, logLevel: 'silent', build: { lib: { entry, formats: ['es'], fileName: 'di' }, outDir, minify, emptyOutDir: true } });
// As bench/di.ts: the bundle's files are ES modules (Lanyard's package.json says so), or Node compiles each as CommonJS first.
writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}\n');
const built = path.join(outDir, 'di.js');
const signer = await generateSigner();
const sample = await signCredential({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: signer.did, type: ['Profile'], name: 'Issuer' },
  validFrom: '2024-01-01T00:00:00Z',
  name: 'Badge',
  credentialSubject: { id: 'did:example:learner-1', type: ['AchievementSubject'], achievement: { id: 'https://example.com/achievements/1', type: ['Achievement'], name: 'Achievement', description: 'd', criteria: { narrative: 'n' } } },
}, signer);
const script = path.join(dir, 'first.mjs');
writeFileSync(script, `const c0 = process.cpuUsage(); const t0 = performance.now();
const { verifyDataIntegrity } = await import(${JSON.stringify(pathToFileURL(built).href)});
const t1 = performance.now();
const { createContext } = await import(${JSON.stringify(pathToFileURL(built).href)});
const r = await verifyDataIntegrity(${JSON.stringify(sample)}, createContext({ now: new Date('2026-01-01T00:00:00Z') }));
const t2 = performance.now();
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ cpu: (c.user + c.system) / 1000, first: t2 - t0, import: t1 - t0, verify: t2 - t1, ok: r.best?.signature.outcome === 'pass' }));
`);
const runs: { cpu: number; first: number; import: number; verify: number; ok: boolean }[] = [];
for (let i = 0; i < Number(process.env.RUNS ?? 15); i++) {
  const out = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  runs.push(JSON.parse(out.stdout.trim().split('\n').pop()!));
  if (!runs.at(-1)!.ok) throw new Error(`did not verify: ${out.stderr}`);
}
const stat = (k: 'cpu' | 'first' | 'import' | 'verify') => {
  const v = runs.map((r) => r[k]).sort((a, b) => a - b);
  return `${k} min ${v[0]!.toFixed(1)} median ${v[Math.floor(v.length / 2)]!.toFixed(1)}`;
};
console.log(`${runs.length} fresh processes: ${stat('cpu')} (CPU ms, all threads); ${stat('first')}; ${stat('import')}; ${stat('verify')}`);
if (process.env.PROFILE === '0') process.exit(0);
const profDir = path.join(dir, 'prof');
spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '50', `--cpu-prof-dir=${profDir}`, script], { encoding: 'utf8', stdio: 'inherit' });
const file = path.join(profDir, readdirSync(profDir).sort().pop()!);
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] };
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000));
const byFile = new Map<string, number>();
const byFn = new Map<string, number>();
for (const n of prof.nodes) {
  const t = self.get(n.id) ?? 0;
  const f = n.callFrame.url.replace(/^file:\/\//, '').replace(dir, '');
  byFile.set(f, (byFile.get(f) ?? 0) + t);
  const k = `${n.callFrame.functionName || '(anon)'} ${f}:${n.callFrame.lineNumber}`;
  byFn.set(k, (byFn.get(k) ?? 0) + t);
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
console.log('profile', file, '\nself time by file:\n' + top(byFile, 12) + '\n\ntop functions:\n' + top(byFn, 40));
