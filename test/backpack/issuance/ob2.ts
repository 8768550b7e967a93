/**
 * OB 2.0 objects as Badgr serves them (OB 2.0 §Data Model; badgr-server apps/issuer/models.py
 * get_json): Issuer profiles with `publicKey` and `revocationList`, BadgeClasses, hosted and signed
 * Assertions, the CryptographicKey and the RevocationList.
 */
import { createHash } from 'node:crypto';
import { signCompactJws } from '../crypto/jws.ts';
import type { KeyRing } from '../crypto/keys.ts';
import type { BadgeRecord, Json } from '../state.ts';
import type { Urls } from '../urls.ts';

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

/** OB 2.0 IdentityHash: `sha256$` + hex(sha256(identity ‖ salt)) (badgr-server apps/issuer/utils.py). */
export const hashIdentity = (identity: string, salt = ''): string => `sha256$${createHash('sha256').update(identity + salt).digest('hex')}`;

export interface IssuerSpec {
  entityId: string;
  name: string;
  description: string;
  email: string;
  /** Whether the issuer publishes the RSA key (signed badges). */
  signs: boolean;
}

export function ob2Issuer(urls: Urls, s: IssuerSpec): Json {
  return {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: urls.issuer(s.entityId),
    name: s.name,
    url: `${urls.base}/`,
    email: s.email,
    description: s.description,
    image: urls.issuerImage(s.entityId),
    ...(s.signs ? { publicKey: urls.issuerKey(s.entityId) } : {}),
    revocationList: urls.revocationList(s.entityId),
  };
}

export function ob2Key(urls: Urls, issuerId: string, keys: KeyRing): Json {
  return { '@context': OB2_CONTEXT, type: 'CryptographicKey', id: urls.issuerKey(issuerId), owner: urls.issuer(issuerId), publicKeyPem: keys.rsa.publicKeyPem };
}

export interface BadgeClassSpec {
  entityId: string;
  issuerId: string;
  name: string;
  description: string;
  criteria: string;
  tags?: string[];
}

export function ob2BadgeClass(urls: Urls, s: BadgeClassSpec): Json {
  return {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: urls.badgeClass(s.entityId),
    name: s.name,
    description: s.description,
    image: urls.badgeClassImage(s.entityId),
    criteria: { id: urls.criteria(s.entityId), narrative: s.criteria },
    issuer: urls.issuer(s.issuerId),
    tags: s.tags ?? [],
    alignment: [],
  };
}

export interface AssertionSpec {
  entityId: string;
  badgeClassId: string;
  issuerId: string;
  email: string;
  /** Absent: the identity is not hashed. Empty string: hashed without a salt. */
  salt?: string;
  issuedOn: string;
  expires?: string;
  narrative?: string;
  evidence?: { url: string; narrative: string }[];
  signed?: boolean;
}

export function ob2Assertion(urls: Urls, s: AssertionSpec): Json {
  const recipient =
    s.salt === undefined
      ? { type: 'email', hashed: false, identity: s.email }
      : { type: 'email', hashed: true, ...(s.salt ? { salt: s.salt } : {}), identity: hashIdentity(s.email, s.salt) };
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: urls.assertion(s.entityId),
    badge: urls.badgeClass(s.badgeClassId),
    image: urls.assertionImage(s.entityId),
    verification: s.signed ? { type: 'SignedBadge', creator: urls.issuerKey(s.issuerId) } : { type: 'HostedBadge' },
    issuedOn: s.issuedOn,
    recipient,
    ...(s.expires ? { expires: s.expires } : {}),
    ...(s.narrative ? { narrative: s.narrative } : {}),
    ...(s.evidence ? { evidence: s.evidence.map((e) => ({ id: e.url, narrative: e.narrative })) } : {}),
  };
}

/** The record of an issued OB 2.0 badge; a signed one carries its RS256 JWS (OB 2.0 §SignedBadge). */
export function ob2Record(urls: Urls, s: AssertionSpec, keys: KeyRing, updatedAt: string): BadgeRecord {
  const json = ob2Assertion(urls, s);
  return {
    entityId: s.entityId,
    kind: s.signed ? 'ob2-signed' : 'ob2-hosted',
    recipientEmail: s.email,
    issuedOn: s.issuedOn,
    ...(s.expires ? { expires: s.expires } : {}),
    updatedAt,
    revoked: false,
    acceptance: 'Accepted',
    badgeClassId: s.badgeClassId,
    issuerId: s.issuerId,
    json,
    ...(s.signed ? { compact: signCompactJws({ typ: 'JWT' }, json, keys.rsa) } : {}),
  };
}

/** OB 2.0 RevocationList: every revoked badge of the issuer, with its reason. */
export function ob2RevocationList(urls: Urls, issuerId: string, badges: Iterable<BadgeRecord>): Json {
  const revokedAssertions = [...badges]
    .filter((b) => b.issuerId === issuerId && b.revoked)
    .map((b) => ({ id: urls.assertion(b.entityId), ...(b.revocationReason ? { revocationReason: b.revocationReason } : {}) }));
  return { '@context': OB2_CONTEXT, type: 'RevocationList', id: urls.revocationList(issuerId), issuer: urls.issuer(issuerId), revokedAssertions };
}
