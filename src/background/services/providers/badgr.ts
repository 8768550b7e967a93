/**
 * Badgr / Canvas Credentials as a Provider: one listing of the whole backpack (v2 is not paged;
 * expired, revoked and pending badges included, the engine judges them), the baked image as each
 * badge's original, the v1 addresses, refresh with rotation and revocation at sign-out.
 */
import { BadgrClient } from '../../../backpack/badgr.ts';
import type { BadgrAssertion, BadgrEmail, BadgrUser } from '../../../backpack/badgr-types.ts';
import { isBackpackError, PartialListError } from '../../../backpack/errors.ts';
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
    async page(token) {
      let all: BadgrAssertion[];
      let stop: PartialListError | undefined;
      try {
        all = await client.assertions(token);
      } catch (e) {
        // A next page refused (badgr-request.ts): the badges read up to there are stored, then the run stops and says why.
        if (!(e instanceof PartialListError)) throw e;
        all = e.items as BadgrAssertion[];
        stop = e;
      }
      // The total is what the listing holds for Lanyard: a badge the user rejected is not one of them.
      const items = all.filter((a) => a.acceptance !== 'Rejected').map(badgrItem);
      return { items, ...(stop ? { stop } : { total: items.length }) };
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
