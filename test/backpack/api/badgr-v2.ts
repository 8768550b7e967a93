/**
 * Badgr v2 conventions (badgr-server apps/entity/serializers.py, views.py): the
 * `{status: {success, description}, result: [...]}` envelope, its error form with `fieldErrors`
 * and `validationErrors`, 401 "no valid auth token found", 404 for a missing entity or scope;
 * and the BackpackAssertion entity (apps/backpack/serializers_v2.py BackpackAssertionSerializerV2).
 */
import { json, type Reply, type Req } from '../http/io.ts';
import type { BackpackState, BadgeRecord, Collection, Json, TokenRecord } from '../state.ts';
import { authenticate } from './auth.ts';

export const envelope = (result: unknown[], status = 200, description = 'ok'): Reply => json(status, { status: { success: true, description }, result });

export function v2Error(status: number, description: string, extra: { fieldErrors?: Json; validationErrors?: unknown[] } = {}): Reply {
  const body = { status: { success: false, description }, result: [], fieldErrors: extra.fieldErrors ?? {}, validationErrors: extra.validationErrors ?? [] };
  return json(status, body, status === 401 ? { 'www-authenticate': 'Bearer realm="api"' } : {});
}

/** Authenticated with one of `scopes`; a missing scope is PermissionDenied, which v2 answers as 404. */
export function v2Auth(state: BackpackState, req: Req, scopes: readonly string[]): { token: TokenRecord } | { reply: Reply } {
  const r = authenticate(state, req, scopes);
  if ('token' in r) return r;
  if (r.error === 'unauthenticated') return { reply: v2Error(401, 'no valid auth token found') };
  return { reply: v2Error(404, 'entity not found or insufficient privileges') };
}

const iso = (s: string | undefined): string | null => s ?? null;

/** `expand=badgeclass` embeds the OB 2.0 BadgeClass; `expand=issuer` then nests the issuer inside it. */
export function backpackAssertion(state: BackpackState, b: BadgeRecord, expands: string[]): Json {
  const a = b.json;
  const r = (a.recipient ?? {}) as Json;
  const bc = b.badgeClassId ? state.badgeClasses.get(b.badgeClassId) : undefined;
  let badgeclass: unknown = b.badgeClassId ?? null;
  if (expands.includes('badgeclass') && bc) {
    badgeclass = { ...bc };
    if (expands.includes('issuer') && b.issuerId) (badgeclass as Json).issuer = state.issuers.get(b.issuerId);
  }
  const evidence = Array.isArray(a.evidence) ? (a.evidence as Json[]).map((e) => ({ url: e.id ?? null, narrative: e.narrative ?? null })) : [];
  return {
    entityType: 'Assertion',
    entityId: b.entityId,
    openBadgeId: a.id,
    createdAt: b.issuedOn,
    createdBy: null,
    badgeclass,
    badgeclassOpenBadgeId: bc?.id ?? a.badge ?? null,
    issuer: b.issuerId ?? null,
    issuerOpenBadgeId: b.issuerId ? state.issuers.get(b.issuerId)?.id ?? null : null,
    image: state.urls.assertionImage(b.entityId),
    recipient: {
      identity: r.identity,
      hashed: r.hashed === true,
      type: r.type ?? 'email',
      plaintextIdentity: b.recipientEmail,
      ...(typeof r.salt === 'string' ? { salt: r.salt } : {}),
    },
    issuedOn: b.issuedOn,
    narrative: a.narrative ?? null,
    evidence,
    revoked: b.revoked,
    revocationReason: b.revocationReason ?? null,
    acceptance: b.acceptance,
    expires: iso(b.expires),
    pending: state.isPending(b),
    extensions: {},
  };
}

export function collectionEntity(state: BackpackState, c: Collection): Json {
  return {
    entityType: 'Collection',
    entityId: c.entityId,
    createdAt: c.createdAt,
    createdBy: c.ownerId,
    name: c.name,
    description: c.description,
    share_url: c.published ? state.urls.collection(c.shareHash) : null,
    shareHash: c.published ? c.shareHash : null,
    published: c.published,
    assertions: c.assertions,
  };
}
