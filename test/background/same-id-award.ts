/**
 * An award of the test backpack's OB 3.0 issuer under a credential id shared with other awards (real
 * issuers reuse one: real-issuers-12), signed as a VC-JWT (OB 3.0 §8.2.4): for the tests of two awards
 * under one id (sync-award-key.ts, synced-twin.ts, unlisted-keep.ts). Listed in Ada's backpack as
 * `entityId` when `updatedAt` is given (the listing puts the newest first); the JWT is returned.
 */
import { keyRing } from '../backpack/crypto/keys.ts';
import { ob3Credential, ob3Record, signOb3Jwt, type CredentialSpec } from '../backpack/issuance/ob3.ts';
import type { Backpack } from '../backpack/server.ts';

export function sameIdAward(bp: Backpack, id: string, entityId: string, achievementId: string, name: string, updatedAt?: string): string {
  const { urls } = bp.control.stateForTests;
  const spec: CredentialSpec = { entityId, achievementId, name, description: `The ${name} certificate.`, criteria: `Complete "${name}".`, email: 'ada@example.org', salt: `salt-${achievementId}`, validFrom: '2026-03-01T10:00:00Z', issuer: 1 };
  const json = { ...ob3Credential(urls, spec), id };
  const jwt = signOb3Jwt(json, keyRing().jwtEd, urls.ob3JwtKey(1, 'eddsa'));
  if (updatedAt) bp.control.stateForTests.badges.set(entityId, ob3Record(spec, json, 'ob3-jwt', updatedAt, jwt));
  return jwt;
}
