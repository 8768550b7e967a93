/**
 * The Open Badges 3.0 API and OB 2.1 Badge Connect as Providers: paged listings that follow Link
 * rel="next" (resumed by the offset in that link), the profile's address, refresh and RFC 7009
 * revocation with the registered client.
 *
 * `since` (incremental sync) only for Badge Connect, whose GET /assertions keeps what was "created
 * or updated after the provided timestamp" (OB 2.1). OB 3.0's getCredentials keeps what was "issued
 * after this timestamp" (ob_v3p0.lines): a credential issued before the last sync and added to the
 * backpack since (upsertCredential, an import) would never be listed. So every OB 3.0 run lists
 * everything; what did not change is not verified again (sync.ts, by its content hash).
 *
 * Both APIs page by `limit`/`offset` (OB 3.0 api.html "Paging"; OB 2.1 §"Pagination"), and a
 * badge deleted at the provider between two requests moves every later one up a place: the first
 * of the next page would then fall between two pages. So each next page is asked from one item
 * earlier than its link says: its first item must be the last one already read (sync.ts checks
 * this anchor and lists again from the start when it is not there).
 */
import { BADGE_CONNECT_DEFAULT_SCOPE, BadgeConnectClient, badgeConnectEndpoints, type BadgeConnectService } from '../../../backpack/badge-connect.ts';
import type { Fetch } from '../../../backpack/http.ts';
import { keptScope, type AuthorizationRequest, type TokenSet } from '../../../backpack/oauth.ts';
import type { ClientMetadata, RegisteredClient } from '../../../backpack/registration.ts';
import { OB3_DEFAULT_SCOPE, Ob3Client, ob3Endpoints, type Ob3Service } from '../../../backpack/ob3.ts';
import type { Page, PageQuery } from '../../../backpack/paged.ts';
import type { AccountAddress } from '../../../platform/records.ts';
import { BackpackError, BackpackErrorCodes as C, isBackpackError, PartialListError } from '../../../backpack/errors.ts';
import { jwsCredentialId } from './jws.ts';
import { awardOf } from './award.ts';
import { jsonText } from '../../../core/input/json.ts';
import { hex } from '../../../core/proofs/sha256-digest.ts';
import type { Provider, SyncItem, SyncPage } from './types.ts';

type Json = Record<string, unknown>;
/** An entry, and which of the answer's lists it came in (`list`, list-entry.ts fromList). */
type Item = ({ kind: 'json'; json: Json } | { kind: 'jws'; jws: string }) & { list?: number | undefined };

/**
 * The query of a next link (so that a page can be asked for again after a restart), from one item
 * before the link's offset and one item longer (`limit` new badges a page, as without the
 * overlap): `overlaps` says that the page's first item is the previous page's last.
 */
export function queryOf(cursor: string | undefined, since: string | undefined, limit: number): { query: PageQuery; overlaps: boolean } {
  if (!cursor) return { query: { limit, ...(since ? { since } : {}) }, overlaps: false };
  const q = new URL(cursor).searchParams;
  const offset = /^\d+$/.test(q.get('offset') ?? '') ? Number(q.get('offset')) : 0;
  const s = q.get('since') ?? since;
  const query = offset > 0 ? { limit: limit + 1, offset: offset - 1 } : { limit, offset };
  return { query: { ...query, ...(s ? { since: s } : {}) }, overlaps: offset > 0 };
}

const offsetIn = (link: string): number | undefined => {
  const o = new URL(link).searchParams.get('offset');
  return o !== null && /^\d+$/.test(o) ? Number(o) : undefined;
};

/**
 * The next link must move the offset on: the APIs page by `limit`/`offset` only (OB 3.0 api.html
 * "Paging"; OB 2.1 §"Pagination"), and a run resumes and overlaps its pages by the link's offset
 * (queryOf). A link without one (a page number, a cursor), or one that does not go past the page
 * it came from, would have the run read the first pages again and again.
 */
function checkNext(cursor: string | undefined, next: string | undefined): BackpackError | undefined {
  if (next === undefined) return undefined;
  const at = cursor ? (offsetIn(cursor) ?? 0) : 0;
  const to = offsetIn(next);
  if (to !== undefined && to > at) return undefined;
  return new BackpackError(C.PROTOCOL, `The backpack's link to the next page (${next.slice(0, 200)}) does not move on by offset, as the API's paging does: Lanyard kept the badges read up to there and stopped`);
}

/**
 * A page with no badge whose Link still says more follow (rel="next" "when incomplete", OB 2.1
 * §"Pagination"; OB 3.0 api.html "Paging") is not the end of the listing: taken for one, the run
 * read the listing "whole" and marked every stored badge past it as no longer listed (sync-listed.ts).
 * Nor can the run go on from it: there is no badge on it to find again on the next page (queryOf).
 */
function checkEmpty(itemCount: number, next: string | undefined): BackpackError | undefined {
  if (itemCount > 0 || next === undefined) return undefined;
  return new BackpackError(C.PROTOCOL, 'The backpack answered a page with no badge on it, though its link to the next page says more follow: Lanyard kept the badges read up to there and stopped');
}

/**
 * A credential without an id (VC DM 2.0 §4.4 makes it optional) is known by its text's SHA-256: the
 * same credential listed again is the same entry, another one another entry. Its length and first 64
 * characters, the key before, were one key for two badges of one template (the learner's name, a
 * date, deeper in the text), and each sync wrote one over the other.
 */
async function textKey(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `json:sha256:${hex(d)}`;
}

/**
 * A credential keyed by its id is marked with its award (award.ts): issuers reuse one id for several
 * awards, and a backpack may list them all (sync-award-key.ts keys the second by it).
 */
async function toItem(i: Item): Promise<SyncItem> {
  if (i.kind === 'jws') {
    const id = jwsCredentialId(i.jws);
    return { sourceId: id ?? `jws:${i.jws.slice(-43)}`, fingerprint: i.jws, text: i.jws, provider: { listed: true }, ...(id ? { award: await awardOf(i.jws) } : {}) };
  }
  // Written back through jsonText: a credential nested too deep for JSON.stringify failed the whole page, every run.
  const text = jsonText(i.json);
  const id = typeof i.json.id === 'string' ? i.json.id : undefined;
  return { sourceId: id ?? (await textKey(text)), fingerprint: text, text, ...(id && /^https?:/.test(id) ? { url: id } : {}), provider: { listed: true }, ...(id ? { award: await awardOf(text) } : {}) };
}

/** A page, or the items of one whose next link the client refused (paged.ts: another site), with why. */
async function pageOrPartial<T>(read: Promise<Page<T>>): Promise<Page<T> & { stop?: BackpackError }> {
  try {
    return await read;
  } catch (e) {
    if (!(e instanceof PartialListError)) throw e;
    return { items: e.items as T[], url: '', stop: e };
  }
}

/**
 * The last entry of each of the answer's lists (SyncPage.ends): an answer holds its JSON entries and
 * its compact JWS entries apart, in two lists whose interleaving in the listing it does not give
 * (OB 3.0 GetOpenBadgeCredentialsResponse; OB 2.1 GET /assertions), so the page's last badge in the
 * listing, which the next page repeats (queryOf), is the last of one list or the other. Each list by
 * the one it came in, not by what its entries turned out to be: a VC-JWT written in the JSON list
 * (list-entry.ts reads one there) ended that list, but counted as a JWS entry, so neither anchor was
 * the page's last and every run listed again from the first page (sync-jws-in-json-list.test.ts).
 */
function endsOf(entries: readonly Item[]): number[] {
  const last = new Map<number | string, number>();
  entries.forEach((e, i) => last.set(e.list ?? e.kind, i));
  return [...last.values()].sort((a, b) => a - b);
}

/** The page's items are kept even when its next link is refused (`stop`): the run stores them, then ends with that error. */
const toPage = async <T>(p: Page<T> & { stop?: BackpackError }, map: (t: T) => Item, overlaps: boolean, cursor: string | undefined, limit: number | undefined): Promise<SyncPage> => {
  const stop = p.stop ?? checkNext(cursor, p.next) ?? checkEmpty(p.items.length, p.next);
  const entries = p.items.map(map);
  const items = await Promise.all(entries.map(toItem));
  const endsAt = endsOf(entries);
  return {
    items,
    ends: endsAt.map((i) => items[i]!.sourceId),
    endsAt,
    ...(limit !== undefined ? { limit } : {}),
    ...(p.next && !stop ? { next: p.next } : {}),
    ...(stop ? { stop } : {}),
    ...(p.total !== undefined ? { total: p.total } : {}),
    ...(p.date !== undefined ? { serverDate: p.date } : {}),
    ...(overlaps ? { overlapsPrevious: true } : {}),
  };
};

/**
 * The details of a refusal (under any status) that say there is no profile to give: Badge Connect's 401
 * PERMISSION_DENIED (http.ts); an OB 3.0 Imsx_StatusInfo saying `unsupported` or, under a 2xx, the code
 * minor `unknownobject` (ob3.ts refusedUnder2xx; the Imsx_CodeMinorFieldValue getProfile's 404 carries,
 * ob_v3p0.lines); a Badge Connect envelope saying NOT_FOUND under a 2xx (badge-connect.ts refusedUnder2xx;
 * OB 2.1 getProfile's 404).
 */
const NO_PROFILE: ReadonlySet<string | undefined> = new Set(['PERMISSION_DENIED', 'unsupported', 'unknownobject', 'NOT_FOUND']);

/**
 * The profile, or undefined when the provider has none to give: OB 3.0 getProfile may answer 404
 * ("did not find a current representation for the target resource or is not willing to disclose
 * that one exists", ob_v3p0.lines), and so may a Badge Connect provider. Nor has it one to give when
 * the user did not grant the profile scope (the authorization response's scope "MAY be a subset",
 * OB 3.0 security.html): 403 `insufficient_scope` (RFC 6750 §3.1), or Badge Connect's 401
 * PERMISSION_DENIED (http.ts). None of these is a failed sign-in.
 */
export async function optionalProfile(read: Promise<Json>): Promise<Json | undefined> {
  try {
    return await read;
  } catch (e) {
    if (isBackpackError(e, 'REJECTED') && (e.status === 404 || NO_PROFILE.has(e.detail))) return undefined;
    if ((isBackpackError(e, 'UNAUTHORIZED') || isBackpackError(e, 'REJECTED')) && e.status === 403) return undefined;
    throw e;
  }
}

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets, so an address at most 254. */
const MAX_ADDRESS = 254;

/**
 * The profile's e-mail address (OB 3.0 Profile.email; Badge Connect's profile), when it can be one:
 * a longer string is no address, and the backpack writes it (it would be kept on the account and
 * sent to the popup with every state reply).
 */
export function profileEmail(profile: Json): string | undefined {
  const e = profile.email;
  return typeof e === 'string' && e && e.length <= MAX_ADDRESS ? e : undefined;
}

/** The profile's address (the provider authenticated the user: it is theirs, OB 3.0 Profile.email); undefined when there is no profile. */
function profileAddresses(profile: Json | undefined): AccountAddress[] | undefined {
  if (!profile) return undefined;
  const email = profileEmail(profile);
  return email ? [{ email, verified: true, primary: true }] : [];
}

/**
 * A refresh asks for the scope kept with the refresh token, within what Lanyard asks for at sign-in
 * (`wanted`): an older version kept the scope as granted, wider than asked or not, and asked for
 * it again at every refresh (oauth.ts keptScope). Nothing kept, or nothing of it wanted: the
 * client's default.
 */
const within = (wanted: readonly string[], kept: readonly string[] | undefined): string[] => (kept?.length ? keptScope(wanted, kept) : []);

export function ob3Provider(fetch: Fetch, service: Ob3Service, client: RegisteredClient, signal?: AbortSignal): Provider {
  const c = new Ob3Client({ fetch, ...(signal ? { signal } : {}) });
  return {
    // `since` is the issuance date in OB 3.0, not when the backpack got the credential (above).
    incremental: false,
    page: async (token, cursor, since, limit) => {
      const { query, overlaps } = queryOf(cursor, since, limit);
      const p = await pageOrPartial(c.credentialsPage(service, token, query));
      return toPage(p, (x) => (x.kind === 'jws' ? { kind: 'jws', jws: x.jws, list: x.list } : { kind: 'json', json: x.credential, list: x.list }), overlaps, cursor, query.limit);
    },
    addresses: async (token) => profileAddresses(await optionalProfile(c.profile(service, token))),
    refresh: (rt, scope) => {
      const asked = within(OB3_DEFAULT_SCOPE, scope);
      return asked.length ? c.refresh(service, client, rt, asked) : c.refresh(service, client, rt);
    },
    revoke: (tokens) => c.revoke(service, client, tokens),
  };
}

export function badgeConnectProvider(fetch: Fetch, service: BadgeConnectService, client: RegisteredClient, signal?: AbortSignal): Provider {
  const c = new BadgeConnectClient({ fetch, ...(signal ? { signal } : {}) });
  return {
    incremental: true,
    page: async (token, cursor, since, limit) => {
      const { query, overlaps } = queryOf(cursor, since, limit);
      const p = await pageOrPartial(c.assertionsPage(service, token, query));
      return toPage(p, (x) => (x.kind === 'jws' ? { kind: 'jws', jws: x.jws, list: x.list } : { kind: 'json', json: x.assertion, list: x.list }), overlaps, cursor, query.limit);
    },
    addresses: async (token) => profileAddresses(await optionalProfile(c.profile(service, token))),
    refresh: (rt, scope) => {
      const asked = within(BADGE_CONNECT_DEFAULT_SCOPE, scope);
      return asked.length ? c.refresh(service, client, rt, asked) : c.refresh(service, client, rt);
    },
    revoke: (tokens) => c.revoke(service, client, tokens),
  };
}

/** The sign-in half of an OAuth API, the same for both kinds. */
export interface OAuthApi {
  readonly scope: string[];
  /** `endpoints`: every URL the sign-in and the API use (all on one site, checked); the registered client is kept per set. */
  discover(baseUrl: string): Promise<{ name: string; endpoints: Record<string, string | undefined>; service: Json }>;
  register(service: Json, m: ClientMetadata): Promise<RegisteredClient>;
  authorizationRequest(service: Json, client: RegisteredClient, redirectUri: string): Promise<AuthorizationRequest>;
  complete(service: Json, client: RegisteredClient, request: AuthorizationRequest, redirectedTo: string): Promise<TokenSet>;
  /** Undefined when the provider answers 404 (optionalProfile). */
  profile(service: Json, token: string): Promise<Json | undefined>;
  /** Ends the session at the provider (RFC 7009): a sign-in that gave up after its tokens (accounts.ts). */
  revoke(service: Json, client: RegisteredClient, tokens: TokenSet): Promise<boolean>;
}

export function oauthApi(kind: 'ob3' | 'badge-connect', fetch: Fetch): OAuthApi {
  if (kind === 'ob3') {
    const c = new Ob3Client({ fetch });
    const s = (j: Json): Ob3Service => j as unknown as Ob3Service;
    const scope = OB3_DEFAULT_SCOPE;
    return {
      scope,
      discover: async (base) => {
        const svc = await c.discover(base);
        return { name: svc.title, endpoints: ob3Endpoints(svc), service: { ...svc } };
      },
      register: (svc, m) => c.register(s(svc), m),
      authorizationRequest: (svc, client, uri) => c.authorizationRequest(s(svc), client, uri, scope),
      complete: (svc, client, req, url) => c.completeAuthorization(s(svc), client, req, url),
      profile: (svc, token) => optionalProfile(c.profile(s(svc), token)),
      revoke: (svc, client, tokens) => c.revoke(s(svc), client, tokens),
    };
  }
  const c = new BadgeConnectClient({ fetch });
  const s = (j: Json): BadgeConnectService => j as unknown as BadgeConnectService;
  const scope = BADGE_CONNECT_DEFAULT_SCOPE;
  return {
    scope,
    discover: async (base) => {
      const svc = await c.discover(base);
      return { name: svc.name, endpoints: badgeConnectEndpoints(svc), service: { ...svc } };
    },
    register: (svc, m) => c.register(s(svc), m),
    authorizationRequest: (svc, client, uri) => c.authorizationRequest(s(svc), client, uri, scope),
    complete: (svc, client, req, url) => c.completeAuthorization(s(svc), client, req, url),
    profile: (svc, token) => optionalProfile(c.profile(s(svc), token)),
    revoke: (svc, client, tokens) => c.revoke(s(svc), client, tokens),
  };
}
