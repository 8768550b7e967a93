/**
 * Badgr / Canvas Credentials as a Provider: the backpack's listing, page by page where a server pages
 * it (the open-source v2 answers in one page; expired, revoked and pending badges included, the engine judges them), the baked image as each
 * badge's original, the v1 addresses, refresh with rotation and revocation at sign-out.
 */
import { BadgrClient } from '../../../backpack/badgr.ts';
import type { BadgrAssertion, BadgrEmail, BadgrUser } from '../../../backpack/badgr-types.ts';
import { isBackpackError } from '../../../backpack/errors.ts';
import type { Fetch } from '../../../backpack/http.ts';
import type { AccountAddress, BadgeMeta } from '../../../platform/records.ts';
import type { Provider, SyncItem } from './types.ts';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** What the list can show even when the badge cannot be fetched (a pending badge answers 404). */
function fallbackOf(a: BadgrAssertion): Partial<BadgeMeta> {
  const bc = obj(a.badgeclass);
  const issuer = obj(bc?.issuer);
  const criteria = obj(bc?.criteria);
  const meta: Partial<BadgeMeta> = { publicUrl: a.openBadgeId, credentialId: a.openBadgeId, issuedOn: a.issuedOn || undefined, ...(a.expires ? { expires: a.expires } : {}) };
  if (bc) Object.assign(meta, { name: str(bc.name), description: str(bc.description), image: str(bc.image), tags: Array.isArray(bc.tags) ? bc.tags.filter((t): t is string => typeof t === 'string') : [] });
  if (criteria) meta.criteria = { ...(str(criteria.id) ? { url: str(criteria.id)! } : {}), ...(str(criteria.narrative) ? { narrative: str(criteria.narrative)! } : {}) };
  if (issuer) Object.assign(meta, { issuerName: str(issuer.name), issuerUrl: str(issuer.url), issuerId: str(issuer.id), issuerEmail: str(issuer.email) });
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
}

export function badgrItem(a: BadgrAssertion): SyncItem {
  const fingerprint = JSON.stringify([a.openBadgeId, a.issuedOn, a.expires, a.revoked, a.revocationReason, a.pending, a.acceptance, a.recipient.identity, a.image]);
  return {
    sourceId: a.entityId,
    fingerprint,
    url: a.openBadgeId,
    ...(a.image ? { bakedUrl: a.image } : {}),
    fallback: fallbackOf(a),
    provider: { listed: true, pending: a.pending, ...(a.recipient.plaintextIdentity ? { address: a.recipient.plaintextIdentity } : {}) },
  };
}

/** The account's addresses from Badgr's v1 list, each with its case variants (identities.ts: badges may be issued to them). */
export function badgrAddresses(emails: readonly BadgrEmail[]): AccountAddress[] {
  return emails.map((e) => ({ id: String(e.id), email: e.email, verified: e.verified, primary: e.primary, ...(e.variants.length ? { variants: [...e.variants] } : {}) }));
}

/** The addresses of `/v2/users/self` (no ids: the v1 API that manages them by id is not there). */
export function profileAddresses(user: BadgrUser): AccountAddress[] {
  return user.emails.filter((e) => e.email).map((e) => ({ email: e.email, verified: e.verified, primary: e.primary, ...(e.variants.length ? { variants: [...e.variants] } : {}) }));
}

export function badgrClient(baseUrl: string, fetch: Fetch, signal?: AbortSignal): BadgrClient {
  return new BadgrClient({ apiBase: baseUrl, fetch, ...(signal ? { signal } : {}) });
}

export function badgrProvider(client: BadgrClient): Provider {
  return {
    incremental: false,
    async page(token, cursor) {
      // A page at a time, its next link the run's cursor: a later page that fails keeps the pages
      // read before it stored, and the run resumes there (sync.ts).
      const p = await client.assertionsPage(token, cursor);
      // What the listing holds for Lanyard: a badge the user rejected is not one of them.
      const items = p.items.filter((a) => a.acceptance !== 'Rejected').map(badgrItem);
      // A page of rejected badges only is not the listing's end (sync.ts ends it at an empty page, the
      // whole listing read): the run goes on to the next, a page of its budget like any other
      // (sync-bound.ts). Read on here, one call could ask MAX_BADGR_PAGES pages for one of the run's.
      const passed = items.length === 0 && p.next !== undefined && !p.stop;
      // The total only when the first page is the whole listing (sync-bound.ts measures a run against it).
      const whole = cursor === undefined && !p.next && !p.stop;
      return { items, ...(p.next ? { next: p.next } : {}), ...(p.stop ? { stop: p.stop } : {}), ...(whole ? { total: items.length } : {}), ...(passed ? { nothingKept: true } : {}) };
    },
    async addresses(token) {
      try {
        return badgrAddresses(await client.emails(token));
      } catch (e) {
        // v1 is legacy (openedx/openedx-platform#27181: "Badgr API v1 will likely reach end-of-life"): a server
        // without it still lists the addresses, with their case variants, in /v2/users/self (serializers_v2).
        if (!isBackpackError(e, 'REJECTED') || (e.status !== 404 && e.status !== 405)) throw e;
        return profileAddresses(await client.profile(token));
      }
    },
    refresh: (refreshToken) => client.refresh(refreshToken),
    async revoke(tokens) {
      await client.signOut(tokens);
      return true;
    },
  };
}
