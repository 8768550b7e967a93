/**
 * Credentials signed in the tests (never checked-in keys), and a runner that calls the OB 3.0 JWT
 * verifier directly the way the pipeline does, so these tests do not depend on src/core/input.
 */
import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { verifyOb3Jwt } from '../../../src/core/formats/ob3-jwt.ts';
import type { Badge } from '../../../src/core/model.ts';
import { verdictOf, type Check, type Verdict } from '../../../src/core/result.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { createContext, type VerifyOptions } from '../../../src/core/verify/context.ts';
import { checkRecipient } from '../../../src/core/verify/recipient.ts';

export const NOW = new Date('2026-11-26T00:00:00Z');
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** base58btc encode, for building did:key and publicKeyMultibase values in tests. */
export function base58btc(bytes: Uint8Array): string {
  let n = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)]! + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export interface TestKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
  alg: string;
  /** Multikey `z…` (Ed25519 and P-256 only). */
  multibase?: string;
  /** did:key for Ed25519 and P-256 keys. */
  did?: string;
}

export async function makeKey(alg: 'EdDSA' | 'ES256' | 'RS256' | 'ES384' | 'PS256' = 'EdDSA'): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const key: TestKey = { privateKey, publicKey, jwk, alg };
  if (alg === 'EdDSA' || alg === 'ES256') {
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
    let body: Uint8Array;
    if (alg === 'EdDSA') body = Uint8Array.of(0xed, 0x01, ...raw);
    else body = Uint8Array.of(0x80, 0x24, 2 + (raw[64]! & 1), ...raw.subarray(1, 33)); // compressed SEC 1 point
    key.multibase = `z${base58btc(body)}`;
    key.did = `did:key:${key.multibase}`;
  }
  return key;
}

export const didJwk = (jwk: JWK): string => `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;

/** A VC 2.0 OpenBadgeCredential; overrides are merged at the top level. */
export function credential(issuer: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', OB3_CONTEXT],
    id: 'urn:uuid:6a9e1e3c-4b1f-4d59-9a3c-3f3f2c1d0001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Forklift Safety credential',
    credentialSubject: {
      type: ['AchievementSubject'],
      id: 'did:example:learner-1',
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'ada@example.org' }],
      achievement: {
        id: 'https://issuer.test/achievements/forklift',
        type: ['Achievement'],
        name: 'Forklift Safety',
        description: 'Operates a forklift safely.',
        criteria: { narrative: 'Passed the practical test.' },
        tag: ['safety'],
      },
    },
    ...overrides,
  };
}

/** Signs `payload` as a compact JWS with exactly the given protected header. */
export async function sign(payload: unknown, key: TestKey, header: Record<string, unknown>): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: key.alg, ...header }).sign(key.privateKey);
}

/** A JWS built by hand (alg none, HMAC, forged parts). */
export function rawJws(header: unknown, payload: unknown, signature: Uint8Array = new Uint8Array()): string {
  const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b(header)}.${b(payload)}.${Buffer.from(signature).toString('base64url')}`;
}

export interface Run {
  verdict: Verdict;
  checks: Check[];
  badge: Badge | null;
  check(id: string): Check | undefined;
}

/** Runs verifyOb3Jwt as the pipeline would, recipient check included. */
export async function runJwt(jws: string, opts: Partial<VerifyOptions> = {}): Promise<Run> {
  const ctx = createContext({ now: NOW, ...opts });
  const checks = new CheckList();
  checks.pass('parse', 'Read a compact JWS');
  const badge = await verifyOb3Jwt({ type: 'jws', text: jws }, ctx, checks, 'ob3.0-jwt');
  if (!checks.has('recipient')) await checkRecipient(checks, badge?.recipients ?? [], ctx.identities, 'ob3.0-jwt');
  const list = checks.toArray();
  return { verdict: verdictOf(list), checks: list, badge, check: (id) => list.find((c) => c.id === id) };
}

export const show = (r: Run): string => JSON.stringify(r.checks, null, 1);
