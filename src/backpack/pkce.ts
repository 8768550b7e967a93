/**
 * PKCE (RFC 7636) and `state` with WebCrypto: a 43-character verifier from 32 random bytes
 * (§4.1: 43–128 characters of [A-Za-z0-9-._~]), its S256 challenge
 * BASE64URL(SHA256(ASCII(verifier))) (§4.2), and an unguessable state (RFC 6749 §10.12).
 */

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomToken(byteLength = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export const createCodeVerifier = (): string => randomToken(32);

export const createState = (): string => randomToken(16);

export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export async function createPkce(): Promise<Pkce> {
  const verifier = createCodeVerifier();
  return { verifier, challenge: await codeChallengeS256(verifier), method: 'S256' };
}
