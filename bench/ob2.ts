/**
 * ob2_signed_verify_us: median microseconds to verify one OB 2.0 signed assertion through the whole
 * engine (parse, detect, issuer profile and key from an in-memory web, RS256, revocation list, dates),
 * over a few hundred distinct assertions signed in the setup, each verified once.
 */
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { verify } from '../src/core/verify/pipeline.ts';
import type { Fetch } from '../src/core/verify/context.ts';

const N = 300;
const CTX = 'https://w3id.org/openbadges/v2';
const ISSUER = 'https://bench.test/issuer.json';
const KEY = 'https://bench.test/key.json';
const BADGE = 'https://bench.test/badge.json';

export default async function (): Promise<Record<string, number>> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const docs: Record<string, string> = {
    [ISSUER]: JSON.stringify({ '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Bench', url: 'https://bench.test', email: 'b@bench.test', publicKey: KEY }),
    [KEY]: JSON.stringify({ '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: await exportSPKI(publicKey) }),
    [BADGE]: JSON.stringify({ '@context': CTX, type: 'BadgeClass', id: BADGE, name: 'Bench badge', description: 'd', image: 'https://bench.test/i.png', criteria: 'https://bench.test/c', issuer: ISSUER }),
  };
  const fetch: Fetch = async (url) => {
    const body = docs[url];
    if (body === undefined) throw new TypeError(`unreachable ${url}`);
    return new Response(body, { headers: { 'content-type': 'application/ld+json' } });
  };
  const tokens: string[] = [];
  for (let i = 0; i < N; i++) {
    const a = {
      '@context': CTX, type: 'Assertion', id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      recipient: { type: 'email', hashed: false, identity: `learner${i}@example.org` },
      badge: BADGE, issuedOn: '2025-01-01T00:00:00Z', verification: { type: 'SignedBadge', creator: KEY },
    };
    tokens.push(await new CompactSign(new TextEncoder().encode(JSON.stringify(a))).setProtectedHeader({ alg: 'RS256' }).sign(privateKey));
  }
  const now = new Date('2026-01-01T00:00:00Z');
  // Warm the modules and the key import on one assertion that is not measured.
  const warm = await verify(tokens.pop()!, { fetch, now });
  if (warm.verdict !== 'valid') throw new Error(`bench setup: ${JSON.stringify(warm.checks)}`);
  const times: number[] = [];
  for (const t of tokens) {
    const start = performance.now();
    const r = await verify(t, { fetch, now });
    times.push((performance.now() - start) * 1000);
    if (r.verdict !== 'valid') throw new Error('bench: an assertion did not verify');
  }
  times.sort((a, b) => a - b);
  return { ob2_signed_verify_us: Math.round(times[times.length >> 1]!) };
}
