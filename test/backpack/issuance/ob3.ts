/**
 * OB 3.0 credentials (OB 3.0 §B.1.1 AchievementCredential), the issuer's profile that doubles as
 * its controller document (verificationMethod + assertionMethod, W3C Controlled Identifiers §2),
 * VC-JWT signing (OB 3.0 §8.2: the credential is the payload, with iss/jti/nbf/exp claims; header
 * alg + kid + typ JWT) and a BitstringStatusList (W3C VC Bitstring Status List §2).
 */
import { gzipSync } from 'node:zlib';
import { signCompactJws } from '../crypto/jws.ts';
import type { KeyRing, TestKey } from '../crypto/keys.ts';
import type { BadgeRecord, Json } from '../state.ts';
import type { Urls } from '../urls.ts';
import { hashIdentity } from './ob2.ts';

export const VC2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Status lists are at least 16 KiB (131,072 entries) for herd privacy (Bitstring Status List §6.1). */
export const STATUS_LIST_BITS = 131072;

/**
 * The issuer's profile, also its controller document. The DID context comes first: it defines
 * `verificationMethod`/`assertionMethod`, and jsonld-signatures then reads the document as is.
 */
export function ob3IssuerProfile(urls: Urls, n: number, keys: KeyRing): Json {
  const id = urls.ob3Issuer(n);
  const method = (vid: string, k: TestKey): Json => ({ id: vid, type: 'Multikey', controller: id, publicKeyMultibase: k.multibase });
  const methods = [method(urls.ob3DiMethod(n), keys.di), method(urls.ob3JwtKey(n, 'eddsa'), keys.jwtEd), method(urls.ob3JwtKey(n, 'es256'), keys.jwtP256)];
  return {
    '@context': ['https://www.w3.org/ns/did/v1', VC2_CONTEXT, OB3_CONTEXT, 'https://w3id.org/security/multikey/v1'],
    id,
    type: ['Profile'],
    name: 'Lovelace Institute of Computing',
    url: `${urls.base}/`,
    email: 'registrar@lovelace.example',
    description: 'Issues Open Badges 3.0 credentials for the Lanyard test backpack.',
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

export interface CredentialSpec {
  entityId: string;
  achievementId: string;
  name: string;
  description: string;
  criteria: string;
  email: string;
  /** Absent: the identity is not hashed. */
  salt?: string;
  validFrom: string;
  validUntil?: string;
  statusIndex?: number;
  issuer: number;
}

export function ob3Credential(urls: Urls, s: CredentialSpec): Json {
  const identifier =
    s.salt === undefined
      ? { type: 'IdentityObject', identityHash: s.email, identityType: 'emailAddress', hashed: false }
      : { type: 'IdentityObject', identityHash: hashIdentity(s.email, s.salt), identityType: 'emailAddress', hashed: true, salt: s.salt };
  return {
    '@context': [VC2_CONTEXT, OB3_CONTEXT],
    id: urls.ob3Credential(s.entityId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: urls.ob3Issuer(s.issuer), type: ['Profile'], name: 'Lovelace Institute of Computing', url: `${urls.base}/` },
    name: s.name,
    validFrom: s.validFrom,
    ...(s.validUntil ? { validUntil: s.validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [identifier],
      achievement: {
        id: urls.ob3Achievement(s.achievementId),
        type: ['Achievement'],
        name: s.name,
        description: s.description,
        criteria: { narrative: s.criteria },
        image: { id: urls.ob3AchievementImage(s.achievementId), type: 'Image' },
      },
    },
    ...(s.statusIndex !== undefined
      ? {
          credentialStatus: {
            id: `${urls.statusList(1)}#${s.statusIndex}`,
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: String(s.statusIndex),
            statusListCredential: urls.statusList(1),
          },
        }
      : {}),
  };
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** OB 3.0 §8.2.4: the JWT claims mirror the credential; `kid` is a URL the issuer's profile lists. */
export function signOb3Jwt(credential: Json, key: TestKey, kid: string): string {
  const issuer = credential.issuer as Json;
  const claims: Json = {
    ...credential,
    iss: issuer.id,
    jti: credential.id,
    nbf: seconds(String(credential.validFrom)),
    ...(credential.validUntil ? { exp: seconds(String(credential.validUntil)) } : {}),
  };
  return signCompactJws({ kid, typ: 'JWT' }, claims, key);
}

export function ob3Record(s: CredentialSpec, json: Json, kind: 'ob3-jwt' | 'ob3-di', updatedAt: string, compact?: string): BadgeRecord {
  return {
    entityId: s.entityId,
    kind,
    recipientEmail: s.email,
    issuedOn: s.validFrom,
    ...(s.validUntil ? { expires: s.validUntil } : {}),
    updatedAt,
    revoked: false,
    acceptance: 'Accepted',
    json,
    ...(compact ? { compact } : {}),
  };
}

/** `u` + base64url(gzip(bits)), bit i at byte i>>3, most significant bit first (§4.2). */
export function encodeStatusList(setBits: number[]): string {
  const bytes = new Uint8Array(STATUS_LIST_BITS / 8);
  for (const i of setBits) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (0x80 >> (i & 7));
  return 'u' + gzipSync(bytes).toString('base64url');
}

export function statusListCredential(urls: Urls, n: number, setBits: number[], validFrom: string): Json {
  return {
    '@context': [VC2_CONTEXT],
    id: urls.statusList(n),
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.ob3Issuer(1),
    validFrom,
    credentialSubject: { id: `${urls.statusList(n)}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(setBits) },
  };
}
