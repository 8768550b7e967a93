/** OB 2.0 issuers, badge classes and assertions built and signed in the tests (no network). */
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { FakeWeb } from '../../support/fake-web.ts';

export const ISSUER = 'https://issuer.test/issuer.json';
export const KEY = 'https://issuer.test/key.json';
export const BADGE = 'https://issuer.test/badge.json';
export const REVOCATIONS = 'https://issuer.test/revocations.json';
export const CTX = 'https://w3id.org/openbadges/v2';
export const NOW = new Date('2026-11-26T00:00:00Z');

/** sha256("Ada@Example.org".toLowerCase() + "pepper") is what the issuer hashed. */
export async function sha256Identity(email: string, salt: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email + salt));
  return `sha256$${Buffer.from(d).toString('hex')}`;
}

export async function makeIssuer(opts: { revocationList?: boolean; verification?: unknown } = {}) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const pem = await exportSPKI(publicKey);
  const web = new FakeWeb()
    .json(ISSUER, {
      '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test',
      publicKey: KEY, ...(opts.revocationList ? { revocationList: REVOCATIONS } : {}), ...(opts.verification ? { verification: opts.verification } : {}),
    })
    .json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: pem })
    .json(BADGE, { '@context': CTX, type: 'BadgeClass', id: BADGE, name: 'Safe Lifting', description: 'Lifts safely', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/criteria', issuer: ISSUER })
    .json(REVOCATIONS, { '@context': CTX, type: 'RevocationList', id: REVOCATIONS, revokedAssertions: ['urn:uuid:00000000-0000-4000-8000-00000000000a', { id: 'urn:uuid:00000000-0000-4000-8000-00000000000b' }, { uid: 'legacy-3' }] });
  return { web, publicKey, privateKey, pem };
}

export async function assertion(overrides: Record<string, unknown> = {}) {
  return {
    '@context': CTX, type: 'Assertion', id: 'urn:uuid:00000000-0000-4000-8000-0000000000a1',
    recipient: { type: 'email', hashed: true, salt: 'pepper', identity: await sha256Identity('ada@example.org', 'pepper') },
    badge: BADGE, issuedOn: '2025-01-01T00:00:00Z',
    verification: { type: 'SignedBadge', creator: KEY },
    ...overrides,
  };
}

export async function signJws(payload: unknown, key: CryptoKey, header: Record<string, unknown> = { alg: 'RS256' }): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as { alg: string }).sign(key);
}

const b64u = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');

/** A token jose would refuse to make: header and payload as given, signature bytes as given. */
export function rawJws(header: unknown, payload: unknown, signature: Uint8Array = new Uint8Array()): string {
  return `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${b64u(signature)}`;
}
