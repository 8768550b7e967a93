/**
 * Data Integrity benchmarks (issue 4 "Speed"):
 * - di_verify_ms: median verify of distinct credentials this process has not verified before
 *   (libraries and contexts warm, no result cache);
 * - peer_di_verify_ms: the same credentials through @digitalbazaar/vc `verifyCredential`, with a
 *   static document loader over the same bundled contexts and a did:key resolver, warmed up the
 *   same way; every result is asserted verified;
 * - di_300_ms: 300 distinct credentials verified one after another (the DI share of mixed_1000);
 * - di_first_verify_ms: a fresh Node process loads the verifier as shipped (the vite bundle below)
 *   and verifies one credential: from just before the import to the end of the first verify
 *   (module loading and all first-use set-up included; Node's own start-up before that, ~55 ms on
 *   this machine, is not Lanyard's). di_first_process_ms: the same end point from the process's
 *   time origin. di_first_verify_src_ms: the same through `node --import tsx` on the TypeScript
 *   sources (tsx transforms and resolves every file: a development figure);
 * - di_chunk_gz_kb: the verifier entry (proofs, status, contexts, jsonld/rdf-canonize) bundled by
 *   vite in library mode for the browser, every output file gzipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundledContexts, loadBundledContexts } from '../src/core/jsonld/contexts.ts';
import { generateSigner, signCredential, type Ed25519Signer } from '../src/core/proofs/sign.ts';
import { verifyDataIntegrity } from '../src/core/proofs/verify.ts';
import { createContext } from '../src/core/verify/context.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

function credential(issuer: string, i: number): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: `Issuer ${i % 7}` },
    validFrom: '2024-01-01T00:00:00Z',
    name: `Badge ${i}`,
    credentialSubject: {
      id: `did:example:learner-${i}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `https://example.com/achievements/${i}`,
        type: ['Achievement'],
        name: `Achievement ${i}`,
        description: 'Recognises the development of the capacity to collaborate within a group environment.',
        criteria: { narrative: 'Nominated by peers and recognised upon review.' },
      },
    },
  };
}

async function signMany(signer: Ed25519Signer, from: number, n: number): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let i = from; i < from + n; i++) out.push(await signCredential(credential(signer.did, i), signer));
  return out;
}

async function lanyard(creds: Record<string, unknown>[]): Promise<number[]> {
  const times: number[] = [];
  for (const c of creds) {
    const t = performance.now();
    const r = await verifyDataIntegrity(c, createContext({ now: new Date('2026-01-01T00:00:00Z') }));
    times.push(performance.now() - t);
    if (r.best?.signature.outcome !== 'pass' || r.best.issuerKey?.status !== 'bound') throw new Error(`bench: Lanyard did not verify ${String(c.id)}`);
  }
  return times;
}

async function peer(creds: Record<string, unknown>[], signer: Ed25519Signer): Promise<number[]> {
  // The peer stack has no type declarations; it is a dev dependency used here only.
  const load = (name: string) => import(name) as Promise<Record<string, unknown>>;
  const vc = (await load('@digitalbazaar/vc')) as { verifyCredential(o: object): Promise<{ verified: boolean; error?: unknown }> };
  const { DataIntegrityProof } = (await load('@digitalbazaar/data-integrity')) as { DataIntegrityProof: new (o: object) => object };
  const { cryptosuite } = (await load('@digitalbazaar/eddsa-rdfc-2022-cryptosuite')) as { cryptosuite: object };
  await loadBundledContexts();
  const contexts = bundledContexts();
  const method = { '@context': 'https://w3id.org/security/multikey/v1', id: signer.didMethod, type: 'Multikey', controller: signer.did, publicKeyMultibase: signer.multibase };
  const didDoc = { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: signer.did, verificationMethod: [method], assertionMethod: [signer.didMethod] };
  const documentLoader = async (url: string) => {
    const document = contexts.get(url) ?? (url === signer.didMethod ? method : url === signer.did ? didDoc : undefined);
    if (document === undefined) throw new Error(`bench: the peer asked for ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  const suite = new DataIntegrityProof({ cryptosuite });
  const times: number[] = [];
  for (const credential of creds) {
    const t = performance.now();
    const r = await vc.verifyCredential({ credential, suite, documentLoader, now: new Date('2026-01-01T00:00:00Z') });
    times.push(performance.now() - t);
    if (!r.verified) throw new Error(`bench: the peer did not verify ${String(credential.id)}: ${String(r.error)}`);
  }
  return times;
}

const ENTRY = (src: (f: string) => string) => `export { verifyDataIntegrity, applyDataIntegrity } from ${src('src/core/proofs/verify.ts')};
export { checkEndorsements } from ${src('src/core/proofs/endorsement.ts')};
export { checkCredentialStatus } from ${src('src/core/status/check.ts')};
export { checkRefresh } from ${src('src/core/status/refresh.ts')};
export { checkSchema } from ${src('src/core/status/schema.ts')};
export { createContext } from ${src('src/core/verify/context.ts')};
`;

/** Bundles the verifier for the browser (vite library mode) into `dir`; returns the built file. */
async function bundle(dir: string): Promise<string> {
  const { build } = await import('vite');
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(entry, ENTRY((f) => JSON.stringify(path.join(ROOT, f))));
  const outDir = path.join(dir, 'out');
  await build({ configFile: false, root: ROOT, publicDir: false, logLevel: 'silent', build: { lib: { entry, formats: ['es'], fileName: 'di' }, outDir, minify: true, emptyOutDir: true } });
  // The bundle's files are ES modules, as Lanyard's package.json declares ("type": "module"). Out
  // here in a temporary directory with no package.json, Node (20.19+, module detection) did not
  // know that: it compiled every .js file as CommonJS first, failed on `import`, then compiled it
  // again as a module (~2.5 ms of di_first_verify_ms, its `detectModuleFormat`), a cost no build of
  // Lanyard's pays. The same declaration next to the bundle.
  writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}\n');
  // The entry itself: with dynamic imports (jsonld.js, rdf-canonize loaded on first need) vite
  // also writes chunks, and the first .js file of the directory listing need not be the entry.
  return path.join(outDir, 'di.js');
}

/**
 * Warns (stderr) when a file the entry loads statically holds a non-ASCII character: V8 then reads
 * the whole file as two-byte source, slower to decode and compile (issue 14: ~0.5 ms of
 * di_first_verify_ms for the engine's entry). The minifier writes a string's escapes back as the
 * characters themselves; a template literal keeps `\u2026`.
 */
function warnTwoByte(entry: string): void {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    if (at >= 0) console.error(`bench di: ${path.basename(file)} is two-byte source (non-ASCII at ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 1))})`);
    for (const m of text.matchAll(/^import\b[^;]*?from\s*"(\.\/[^"]+)"/gm)) visit(path.join(path.dirname(file), m[1]!));
  };
  visit(entry);
}

/** Gzipped size of every file the bundle emitted (level 9), in KB. */
function gzKb(file: string): number {
  const dir = path.dirname(file);
  let bytes = 0;
  for (const f of readdirSync(dir)) if (f.endsWith('.js')) bytes += gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length;
  return round(bytes / 1024, 2);
}

/**
 * A fresh Node process (`node --import tsx` for the TypeScript sources, plain `node` for the built
 * bundle) imports the verifier and createContext, then verifies one credential; times from just before the imports to the end of the verify, and from the process's
 * time origin. Median of three, after one run that fills tsx's transform cache.
 */
function firstVerify(dir: string, sample: Record<string, unknown>, verifier: string, context: string, tsx: boolean): { first: number; process: number } {
  const script = path.join(dir, `first-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    script,
    `const t0 = performance.now();
const { verifyDataIntegrity } = await import(${JSON.stringify(pathToFileURL(verifier).href)});
const { createContext } = await import(${JSON.stringify(pathToFileURL(context).href)});
const r = await verifyDataIntegrity(${JSON.stringify(sample)}, createContext({ now: new Date('2026-01-01T00:00:00Z') }));
const t1 = performance.now();
console.log(JSON.stringify({ first: t1 - t0, process: t1, ok: r.best?.signature.outcome === 'pass' }));
`,
  );
  const runs: { first: number; process: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const out = spawnSync(process.execPath, tsx ? ['--import', 'tsx', script] : [script], { cwd: ROOT, encoding: 'utf8' });
    const r = JSON.parse(out.stdout.trim().split('\n').pop() || '{}') as { first: number; process: number; ok: boolean };
    if (!r.ok) throw new Error(`bench: the fresh process did not verify: ${out.stderr}`);
    if (i > 0) runs.push(r);
  }
  return { first: median(runs.map((r) => r.first)), process: median(runs.map((r) => r.process)) };
}

export default async function (): Promise<Record<string, number>> {
  const signer = await generateSigner();
  const warm = await signMany(signer, 0, 30);
  const measured = await signMany(signer, 1000, 200);
  const batch = await signMany(signer, 5000, 300);
  // Each verifier is warmed on credentials that are not measured (libraries, contexts and keys
  // ready), then measured at once: Lanyard first, the peer after. Warming the peer between
  // Lanyard's warm-up and its measurement (as this bench once did) ran jsonld.js's expansion and the
  // peer's caches in between, and made Lanyard's median 15-25 % slower (0.25-0.27 ms against
  // 0.21-0.23 ms, same machine, same credentials): a measurement of the peer's leftovers, not of Lanyard.
  await lanyard(warm);
  const ours = median(await lanyard(measured));
  const t = performance.now();
  await lanyard(batch);
  const di300 = performance.now() - t;
  await peer(warm, signer);
  const theirs = median(await peer(measured, signer));
  const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-di-'));
  try {
    const built = await bundle(dir);
    warnTwoByte(built);
    // As shipped: the bundle the extension would load. As written: the TypeScript sources through tsx.
    const shipped = firstVerify(dir, measured[0]!, built, built, false);
    const sources = firstVerify(dir, measured[1]!, path.join(ROOT, 'src/core/proofs/verify.ts'), path.join(ROOT, 'src/core/verify/context.ts'), true);
    return {
      di_verify_ms: round(ours),
      peer_di_verify_ms: round(theirs),
      di_300_ms: round(di300, 1),
      di_first_verify_ms: round(shipped.first, 1),
      di_first_process_ms: round(shipped.process, 1),
      di_first_verify_src_ms: round(sources.first, 1),
      di_chunk_gz_kb: gzKb(built),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
