/**
 * SD-JWTs for tests (RFC 9901): a disclosure (§4.2.1 [salt, name, value], §4.2.2 [salt, value]), its
 * digest (§4.2.3, sha-256), the combined form (§4 issuer JWT ~ disclosures ~), and an issuer JWT signed
 * by a fresh did:key P-256 key the engine resolves offline.
 */
import { createHash } from 'node:crypto';
import { makeKey, sign, type TestKey } from '../keys/jwt-fixtures.ts';

export type Obj = Record<string, unknown>;
export type DidKey = TestKey & { did: string; multibase: string };

export const disclosure = (...parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');
export const digest = (d: string): string => createHash('sha256').update(d).digest('base64url');
export const sdJwt = (jwt: string, ...disclosures: string[]): string => `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;

export const didKey = async (): Promise<DidKey> => {
  const k = await makeKey('ES256');
  if (!k.did || !k.multibase) throw new Error('no did:key');
  return { ...k, did: k.did, multibase: k.multibase };
};
export const issue = (k: DidKey, payload: unknown): Promise<string> => sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+sd-jwt' });
