/**
 * The Badgr / Canvas Credentials entities the client reads (badgr-server
 * apps/backpack/serializers_v2.py, apps/badgeuser/serializers_v1.py and serializers_v2.py), each
 * checked for the fields Lanyard relies on; the server's whole object stays in `raw`.
 */
import { BackpackError, BackpackErrorCodes as C } from './errors.ts';
import { isObj, type Json } from './http.ts';

export interface BadgrRecipient {
  identity: string;
  hashed: boolean;
  type: string;
  plaintextIdentity?: string;
  salt?: string;
}

export interface BadgrAssertion {
  entityId: string;
  /** The assertion's own URL (`/public/assertions/{id}`): what the engine verifies. */
  openBadgeId: string;
  /** The badge class entity id, or the OB 2.0 BadgeClass when expanded (with the issuer inside, when expanded too). */
  badgeclass: string | Json | null;
  issuer: string | null;
  image?: string;
  recipient: BadgrRecipient;
  issuedOn: string;
  expires: string | null;
  revoked: boolean;
  revocationReason: string | null;
  acceptance?: string;
  /** Issued to an address of the user that is not verified yet. */
  pending: boolean;
  raw: Json;
}

export interface BadgrEmail {
  id: number;
  email: string;
  verified: boolean;
  primary: boolean;
  variants: string[];
}

export interface BadgrUser {
  entityId: string;
  firstName: string;
  lastName: string;
  /** `caseVariants`: other spellings of the address (serializers_v2 BadgeUserSerializerV2). */
  emails: { email: string; verified: boolean; primary: boolean; variants: string[] }[];
  raw: Json;
}

export interface BadgrCollection {
  entityId: string;
  name: string;
  description: string;
  published: boolean;
  shareUrl: string | null;
  assertions: string[];
}

export interface BadgrTokenInfo {
  entityId: string;
  clientId?: string;
  scope: string;
  expires?: string;
}

const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bad = (what: string): never => {
  throw new BackpackError(C.PROTOCOL, `Badgr sent ${what} without the fields Lanyard needs`);
};

export function readAssertion(v: unknown): BadgrAssertion {
  if (!isObj(v) || !s(v.entityId) || !s(v.openBadgeId)) return bad('an assertion');
  const r = isObj(v.recipient) ? v.recipient : {};
  return {
    entityId: v.entityId as string,
    openBadgeId: v.openBadgeId as string,
    badgeclass: typeof v.badgeclass === 'string' || isObj(v.badgeclass) ? v.badgeclass : null,
    issuer: s(v.issuer) ?? null,
    ...(s(v.image) ? { image: v.image as string } : {}),
    recipient: {
      identity: s(r.identity) ?? '',
      hashed: r.hashed === true,
      type: s(r.type) ?? 'email',
      ...(s(r.plaintextIdentity) ? { plaintextIdentity: r.plaintextIdentity as string } : {}),
      ...(s(r.salt) ? { salt: r.salt as string } : {}),
    },
    issuedOn: s(v.issuedOn) ?? '',
    expires: s(v.expires) ?? null,
    revoked: v.revoked === true,
    revocationReason: s(v.revocationReason) ?? null,
    ...(s(v.acceptance) ? { acceptance: v.acceptance as string } : {}),
    pending: v.pending === true,
    raw: v,
  };
}

export function readEmail(v: unknown): BadgrEmail {
  if (!isObj(v) || typeof v.id !== 'number' || !s(v.email)) return bad('an e-mail address');
  return { id: v.id, email: v.email as string, verified: v.verified === true, primary: v.primary === true, variants: Array.isArray(v.variants) ? v.variants.filter((x): x is string => typeof x === 'string') : [] };
}

export function readUser(v: unknown): BadgrUser {
  if (!isObj(v) || !s(v.entityId)) return bad('a user profile');
  const emails = Array.isArray(v.emails) ? v.emails.filter(isObj) : [];
  return {
    entityId: v.entityId as string,
    firstName: s(v.firstName) ?? '',
    lastName: s(v.lastName) ?? '',
    emails: emails.map((e) => ({ email: s(e.email) ?? '', verified: e.verified === true, primary: e.primary === true, variants: Array.isArray(e.caseVariants) ? e.caseVariants.filter((x): x is string => typeof x === 'string') : [] })),
    raw: v,
  };
}

export function readCollection(v: unknown): BadgrCollection {
  if (!isObj(v) || !s(v.entityId)) return bad('a collection');
  return {
    entityId: v.entityId as string,
    name: s(v.name) ?? '',
    description: s(v.description) ?? '',
    published: v.published === true,
    shareUrl: s(v.share_url) ?? null,
    assertions: Array.isArray(v.assertions) ? v.assertions.filter((x): x is string => typeof x === 'string') : [],
  };
}

export function readTokenInfo(v: unknown): BadgrTokenInfo {
  if (!isObj(v) || !s(v.entityId)) return bad('a token');
  const app = isObj(v.application) ? v.application : {};
  return { entityId: v.entityId as string, ...(s(app.clientId) ? { clientId: app.clientId as string } : {}), scope: s(v.scope) ?? '', ...(s(v.expires) ? { expires: v.expires as string } : {}) };
}
