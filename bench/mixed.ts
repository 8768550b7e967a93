/**
 * mixed_1000_ms: 1,000 distinct credentials (300 OB 2.0 signed, 400 OB 3.0 VC-JWT, 300 OB 3.0 Data
 * Integrity), signed in the setup and verified one after another through the whole engine, from a
 * cold result cache (a fresh FactCache; the process has verified none of them before).
 * The fetch stand-in is Node's own Response (undici), loaded and used once in the setup: Node loads
 * its fetch implementation on the first `new Response` (~6-20 ms on this machine, profiled
 * 2026-12-05), a cost of the bench's network stand-in, not of the engine, which this pass measured.
 */
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { generateSigner, signCredential } from '../src/core/proofs/sign.ts';
import { verify } from '../src/core/verify/pipeline.ts';
import type { FactCache, Fetch } from '../src/core/verify/context.ts';

const OB2 = 'https://w3id.org/openbadges/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const enc = new TextEncoder();
const uuid = (kind: number, i: number) => `urn:uuid:00000000-0000-4000-800${kind}-${String(i).padStart(12, '0')}`;

function ob3(issuer: string, id: string): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', OB3], id, type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Bench Issuer' }, validFrom: '2025-01-01T00:00:00Z', name: 'Bench credential',
    credentialSubject: { type: ['AchievementSubject'], id: `did:example:${id.slice(-6)}`, achievement: { id: 'https://bench.test/a/1', type: ['Achievement'], name: 'Bench', description: 'd', criteria: { narrative: 'n' } } },
  };
}

export async function buildMixed(): Promise<{ inputs: string[]; fetch: Fetch }> {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const docs: Record<string, string> = {
    'https://bench.test/issuer.json': JSON.stringify({ '@context': OB2, type: 'Issuer', id: 'https://bench.test/issuer.json', name: 'B', url: 'https://bench.test', email: 'b@bench.test', publicKey: 'https://bench.test/key.json' }),
    'https://bench.test/key.json': JSON.stringify({ '@context': OB2, type: 'CryptographicKey', id: 'https://bench.test/key.json', owner: 'https://bench.test/issuer.json', publicKeyPem: await exportSPKI(rsa.publicKey) }),
    'https://bench.test/badge.json': JSON.stringify({ '@context': OB2, type: 'BadgeClass', id: 'https://bench.test/badge.json', name: 'B', description: 'd', image: 'https://bench.test/i.png', criteria: 'https://bench.test/c', issuer: 'https://bench.test/issuer.json' }),
  };
  const fetch: Fetch = async (url) => {
    const body = docs[url];
    if (body === undefined) throw new TypeError(`unreachable ${url}`);
    return new Response(body, { headers: { 'content-type': 'application/ld+json' } });
  };
  // Node's fetch library loaded and its Response read once, outside the timed pass (see the header).
  for (const url of Object.keys(docs)) await (await fetch(url)).text();
  const signer = await generateSigner();
  const inputs: string[] = [];
  for (let i = 0; i < 300; i++) {
    const a = { '@context': OB2, type: 'Assertion', id: uuid(1, i), recipient: { type: 'email', hashed: false, identity: `l${i}@example.org` }, badge: 'https://bench.test/badge.json', issuedOn: '2025-01-01T00:00:00Z', verification: { type: 'SignedBadge', creator: 'https://bench.test/key.json' } };
    inputs.push(await new CompactSign(enc.encode(JSON.stringify(a))).setProtectedHeader({ alg: 'RS256' }).sign(rsa.privateKey));
  }
  for (let i = 0; i < 400; i++) {
    const c = ob3(signer.did, uuid(2, i));
    const payload = { ...c, iss: signer.did, jti: c.id, nbf: Date.parse('2025-01-01T00:00:00Z') / 1000, sub: (c.credentialSubject as { id: string }).id };
    inputs.push(await new CompactSign(enc.encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: signer.didMethod }).sign(signer.privateKey));
  }
  for (let i = 0; i < 300; i++) inputs.push(JSON.stringify(await signCredential(ob3(signer.did, uuid(3, i)), signer)));
  return { inputs, fetch };
}

export default async function (): Promise<Record<string, number>> {
  const { inputs, fetch } = await buildMixed();
  const now = new Date('2026-01-01T00:00:00Z');
  const cacheMap = new Map<string, unknown>();
  const keyCache: FactCache = { get: (k) => cacheMap.get(k), set: (k, v) => void cacheMap.set(k, v) };
  const start = performance.now();
  let valid = 0;
  for (const input of inputs) if ((await verify(input, { fetch, now, keyCache })).verdict === 'valid') valid++;
  const ms = performance.now() - start;
  if (valid !== inputs.length) throw new Error(`mixed bench: only ${valid} of ${inputs.length} verified valid`);
  return { mixed_1000_ms: Math.round(ms), mixed_crypto_floor_ms: await cryptoFloorMs(inputs, fetch, now) };
}

/**
 * mixed_crypto_floor_ms: the same 1,000 inputs verified once more (untimed, fresh caches) while
 * every crypto.subtle.verify call is recorded (algorithm, key, signature, signed bytes); then
 * those raw WebCrypto verifies alone, one after another, timed: the signatures' own cost.
 */
async function cryptoFloorMs(inputs: string[], fetch: Fetch, now: Date): Promise<number> {
  const subtle = globalThis.crypto.subtle;
  const original = subtle.verify.bind(subtle);
  const calls: [Parameters<SubtleCrypto['verify']>[0], CryptoKey, Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>][] = [];
  const copy = (b: BufferSource) => new Uint8Array(ArrayBuffer.isView(b) ? (b.buffer as ArrayBuffer).slice(b.byteOffset, b.byteOffset + b.byteLength) : b.slice(0));
  subtle.verify = (async (algorithm: Parameters<SubtleCrypto['verify']>[0], key: CryptoKey, signature: BufferSource, data: BufferSource) => {
    calls.push([algorithm, key, copy(signature), copy(data)]);
    return original(algorithm, key, signature, data);
  }) as SubtleCrypto['verify'];
  try {
    const cacheMap = new Map<string, unknown>();
    const keyCache: FactCache = { get: (k) => cacheMap.get(k), set: (k, v) => void cacheMap.set(k, v) };
    for (const input of inputs) await verify(input, { fetch, now, keyCache });
  } finally {
    subtle.verify = original;
  }
  if (calls.length < inputs.length) throw new Error(`mixed bench: only ${calls.length} WebCrypto verifies recorded for ${inputs.length} inputs`);
  for (const [a, k, sig, data] of calls.slice(0, 50)) await subtle.verify(a, k, sig, data); // warm-up
  const start = performance.now();
  let ok = 0;
  for (const [a, k, sig, data] of calls) if (await subtle.verify(a, k, sig, data)) ok++;
  const ms = performance.now() - start;
  if (ok !== calls.length) throw new Error(`mixed bench: ${calls.length - ok} recorded verifies failed on replay`);
  console.error(`bench/mixed: ${calls.length} raw WebCrypto verifies in ${ms.toFixed(1)} ms`);
  return Math.round(ms * 10) / 10;
}
