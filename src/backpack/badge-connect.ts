/**
 * Client of Open Badges 2.1 Badge Connect (OB 2.1 §"Discovery" and §"Badge Connect API"): the
 * manifest at `/.well-known/badgeconnect.json` (Badgr redirects it to `/bcv1/manifest/{domain}`),
 * the same OAuth flow as the OB 3.0 API, and paged assertions: OB 2.0 JSON in `assertions`
 * (Badgr: `results`), JWS in `signedAssertions`. Every endpoint must be on the manifest's own
 * origin, but for a Badgr region's sign-in page on its web host (endpoints.ts: the mix-up defence).
 */
import { authServerFacts } from './as-metadata.ts';
import { checkEndpoints, type IssuerExpectation } from './endpoints.ts';
import { BackpackError, BackpackErrorCodes as C, serverWords } from './errors.ts';
import { checkUrl, getJson, isObj, type ClientOptions, type Json } from './http.ts';
import {
  buildAuthorizationRequest,
  completeAuthorization,
  registeredScopes,
  refreshTokens,
  revokeSession,
  type AuthorizationRequest,
  type TokenSet,
} from './oauth.ts';
import { registerOffered, type ClientMetadata, type RegisteredClient } from './registration.ts';
import { allPages, fetchPage, pageUrl, type Page, type PageQuery } from './paged.ts';
import { fromList, listEntry, listOf, signedEntry } from './list-entry.ts';

const SCOPE = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/';
export const BADGE_CONNECT_SCOPES = {
  assertionReadonly: `${SCOPE}assertion.readonly`,
  assertionCreate: `${SCOPE}assertion.create`,
  profileReadonly: `${SCOPE}profile.readonly`,
  profileUpdate: `${SCOPE}profile.update`,
} as const;

/** What Lanyard asks for: read the assertions and the profile, and a refresh token (`offline_access`, OB 2.1 §"Scopes"). */
export const BADGE_CONNECT_DEFAULT_SCOPE: string[] = [BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.profileReadonly, 'offline_access'];

export interface BadgeConnectService {
  name: string;
  image?: string;
  apiBase: string;
  version: string;
  termsOfServiceUrl: string;
  privacyPolicyUrl: string;
  scopesOffered: string[];
  registrationUrl: string;
  authorizationUrl: string;
  tokenUrl: string;
  tokenRevocationUrl?: string;
  /** Where the manifest was read from (after redirects): every endpoint is on its origin. */
  discoveryUrl: string;
  /** Which server must answer the authorization request (RFC 9207). */
  issuer: IssuerExpectation;
}

/** The endpoints that receive something of the user's or of this client's: all on one site (endpoints.ts). */
export function badgeConnectEndpoints(s: BadgeConnectService): Record<string, string | undefined> {
  return { registrationUrl: s.registrationUrl, authorizationUrl: s.authorizationUrl, tokenUrl: s.tokenUrl, tokenRevocationUrl: s.tokenRevocationUrl, apiBase: s.apiBase, issuer: s.issuer?.issuer };
}

export type BadgeConnectAssertion = ({ kind: 'json'; assertion: Json } | { kind: 'jws'; jws: string }) & { /** Which of the answer's lists it came in (list-entry.ts fromList). */ list?: number };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
/** A word of the manifest that is kept on the account record (ob3.ts `words`, `link`): cut, or a link of a browser's length. */
const words = (v: unknown): string | undefined => (str(v) ? serverWords(str(v)!) : undefined);
const link = (v: unknown): string | undefined => (str(v) && str(v)!.length <= 2048 ? str(v) : undefined);

function url(v: unknown, what: string): string {
  const s = str(v);
  if (!s) throw new BackpackError(C.PROTOCOL, `The Badge Connect manifest has no ${what}`);
  return checkUrl(s, what).toString();
}

/**
 * The `{status: {error, statusCode, statusText}}` envelope of a 2xx answer saying failure: its `error`, or
 * only its `statusCode` (OB 2.1 StatusDType requires no more), is the server's refusal, its `statusText`
 * the detail, for every endpoint alike. Read as a listing, its empty `assertions` was a backpack holding
 * no badge; read as a profile, an answer "that does not speak the API" (PROTOCOL), not the server's no.
 */
function refusedUnder2xx(body: Json): void {
  const status = isObj(body.status) ? body.status : undefined;
  const failed = status && typeof status.statusCode === 'number' && (status.statusCode < 200 || status.statusCode > 299);
  if (status && ((typeof status.error === 'string' && status.error) || failed)) {
    const said = typeof status.error === 'string' && status.error ? status.error : `status ${String(status.statusCode)}`;
    const text = typeof status.statusText === 'string' && status.statusText ? serverWords(status.statusText) : (STATUS_TEXT[Number(status.statusCode)] ?? '');
    throw new BackpackError(C.REJECTED, `Badge Connect: ${serverWords(said)}`, { detail: text });
  }
}

/**
 * The StatusDType `statusText` an envelope saying only its `statusCode` means (OB 2.1: statusText optional), for the
 * two a caller tells apart (providers/oauth-provider.ts optionalProfile: no profile to give, as the HTTP 404 and 403).
 */
const STATUS_TEXT: Record<number, string> = { 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND' };

/** Lists in `assertions` + `signedAssertions` (or Badgr's `results`), under the status envelope. */
function readAssertions(body: unknown): BadgeConnectAssertion[] {
  if (!isObj(body)) throw new BackpackError(C.PROTOCOL, 'The Badge Connect answer is not a JSON object');
  refusedUnder2xx(body);
  // A compact JWS or JSON text in `assertions` is still a badge (list-entry.ts).
  const json = [...fromList(0, body.assertions, listEntry), ...fromList(1, body.results, listEntry)];
  const jws = fromList(2, body.signedAssertions, signedEntry);
  return [...json, ...jws].map((e): BadgeConnectAssertion => (e.kind === 'json' ? { kind: 'json', assertion: e.json, list: e.list } : e));
}

export class BadgeConnectClient {
  constructor(private readonly opts: ClientOptions) {}

  /** `site` is the provider's site as the user typed it (its manifest is at /.well-known/badgeconnect.json) or the manifest URL itself. */
  async discover(site: string): Promise<BadgeConnectService> {
    const u = checkUrl(site, 'backpack URL');
    const manifestUrl = u.pathname.endsWith('.json') ? u.toString() : `${u.origin}/.well-known/badgeconnect.json`;
    const { body, res } = await getJson(this.opts, manifestUrl, undefined, 'The Badge Connect manifest');
    const ctx = { userBase: site, documentUrl: res.url || manifestUrl };
    // A manifest is JSON-LD: written through compaction, its one entry comes as the entry (list-entry.ts listOf).
    const apis = isObj(body) ? listOf(body.badgeConnectAPI).filter(isObj) : [];
    const api = apis[0];
    if (!api) throw new BackpackError(C.PROTOCOL, 'The Badge Connect manifest lists no badgeConnectAPI');
    const endpoints = {
      apiBase: url(api.apiBase, 'apiBase').replace(/\/+$/, ''),
      registrationUrl: url(api.registrationUrl, 'registrationUrl'),
      authorizationUrl: url(api.authorizationUrl, 'authorizationUrl'),
      tokenUrl: url(api.tokenUrl, 'tokenUrl'),
      ...(str(api.tokenRevocationUrl) ? { tokenRevocationUrl: url(api.tokenRevocationUrl, 'tokenRevocationUrl') } : {}),
    };
    // Before anything is sent anywhere: one site for every endpoint (the OAuth mix-up defence).
    checkEndpoints(ctx, endpoints);
    const facts = await authServerFacts(this.opts, ctx, new URL(ctx.documentUrl).origin, endpoints.tokenUrl);
    return {
      name: words(api.name) ?? u.host,
      ...(link(api.image) ? { image: link(api.image)! } : {}),
      version: words(api.version) ?? 'v2p1',
      termsOfServiceUrl: link(api.termsOfServiceUrl) ?? '',
      privacyPolicyUrl: link(api.privacyPolicyUrl) ?? '',
      scopesOffered: listOf(api.scopesOffered).filter((s): s is string => typeof s === 'string' && s.length <= 2048).slice(0, 100),
      ...endpoints,
      discoveryUrl: ctx.documentUrl,
      issuer: facts.issuer,
      // The manifest's tokenRevocationUrl is optional (Badgr's names none): else RFC 8414's, as for OB 3.0.
      ...(!endpoints.tokenRevocationUrl && facts.revocationUrl ? { tokenRevocationUrl: facts.revocationUrl } : {}),
    };
  }

  /**
   * badgr-server wants `logo_uri` (required, https, on the one netloc of every client URL and
   * redirect URI: apps/mainsite/oauth2_api.py RegistrationSerializer.validate) and then GETs it
   * (RegistrationSerializer.create, mainsite/utils.py fetch_remote_file_to_storage); a fetch that
   * fails is an unhandled exception, HTTP 500. An extension's client URLs can only be on the
   * browser's redirect host (`<id>.chromiumapp.org`, `<hash>.extensions.allizom.org`), which the
   * browser intercepts and no server may reach: such a 500 is a refusal this client cannot cure,
   * said as one (the popup then offers the password sign-in), not a server error to retry.
   */
  async register(service: BadgeConnectService, metadata: ClientMetadata): Promise<RegisteredClient> {
    try {
      return await registerOffered(this.opts, service.registrationUrl, metadata, service.scopesOffered);
    } catch (e) {
      if (!(e instanceof BackpackError) || e.code !== C.SERVER_ERROR) throw e;
      throw new BackpackError(
        C.REGISTRATION_REFUSED,
        `The backpack refused to register Lanyard: its server failed (HTTP ${e.status ?? 500}), as Badgr does when it cannot fetch an app's logo, and a browser extension can only name one on the browser's own sign-in address, which no server reaches`,
        { ...(e.status !== undefined ? { status: e.status } : {}), detail: 'server_error', cause: e },
      );
    }
  }

  authorizationRequest(service: BadgeConnectService, client: RegisteredClient, redirectUri: string, scope: string[] = BADGE_CONNECT_DEFAULT_SCOPE): Promise<AuthorizationRequest> {
    return buildAuthorizationRequest({ authorizationUrl: service.authorizationUrl, clientId: client.clientId, redirectUri, scope: registeredScopes(scope, client), issuer: service.issuer });
  }

  async completeAuthorization(service: BadgeConnectService, client: RegisteredClient, request: AuthorizationRequest, redirectedTo: string): Promise<TokenSet> {
    return completeAuthorization(this.opts, service.tokenUrl, client, request, redirectedTo);
  }

  /** `scope`: what the user granted (kept with the refresh token); else what Lanyard asks for of this client. */
  refresh(service: BadgeConnectService, client: RegisteredClient, refreshToken: string, scope: readonly string[] = registeredScopes(BADGE_CONNECT_DEFAULT_SCOPE, client)): Promise<TokenSet> {
    return refreshTokens(this.opts, service.tokenUrl, client, refreshToken, scope);
  }

  /** False when the manifest names no tokenRevocationUrl (it is optional). */
  async revoke(service: BadgeConnectService, client: RegisteredClient, tokens: Pick<TokenSet, 'accessToken' | 'refreshToken'>): Promise<boolean> {
    if (!service.tokenRevocationUrl) return false;
    await revokeSession(this.opts, service.tokenRevocationUrl, client, tokens);
    return true;
  }

  assertionsPage(service: BadgeConnectService, accessToken: string, q: PageQuery = {}): Promise<Page<BadgeConnectAssertion>> {
    return fetchPage(this.opts, pageUrl(`${service.apiBase}/assertions`, q), accessToken, 'Badge Connect assertions', readAssertions);
  }

  assertions(service: BadgeConnectService, accessToken: string, q: Omit<PageQuery, 'offset'> = {}): AsyncGenerator<Page<BadgeConnectAssertion>> {
    return allPages(this.opts, pageUrl(`${service.apiBase}/assertions`, q), accessToken, 'Badge Connect assertions', readAssertions);
  }

  /** OB 2.1 answers `{status, profile}`; Badgr `{status, results: [profile]}`. */
  async profile(service: BadgeConnectService, accessToken: string): Promise<Json> {
    const { body } = await getJson(this.opts, `${service.apiBase}/profile`, accessToken, 'Badge Connect profile');
    const b = isObj(body) ? body : {};
    refusedUnder2xx(b);
    const p = isObj(b.profile) ? b.profile : Array.isArray(b.results) && isObj(b.results[0]) ? b.results[0] : undefined;
    if (!p) throw new BackpackError(C.PROTOCOL, 'The Badge Connect profile answer has no profile');
    return p;
  }
}
