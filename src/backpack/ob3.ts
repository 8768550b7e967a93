/**
 * Client of the Open Badges 3.0 API (OB 3.0 §6): discovery of the service description
 * (`GET {base}/ims/ob/v3p0/discovery`, unprotected), dynamic registration, the authorization-code
 * flow with PKCE, refresh, revocation (the endpoint from RFC 8414 metadata, when the server
 * publishes it), paged credentials and the profile. Pure TypeScript over an injected fetch.
 * Every endpoint must be on the description's own origin (endpoints.ts: the mix-up defence).
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
import { fromList, listEntry, signedEntry } from './list-entry.ts';
import { imsxOf } from './imsx.ts';

const SCOPE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';
export const OB3_SCOPES = {
  credentialReadonly: `${SCOPE}credential.readonly`,
  credentialUpsert: `${SCOPE}credential.upsert`,
  profileReadonly: `${SCOPE}profile.readonly`,
  profileUpdate: `${SCOPE}profile.update`,
} as const;

/** What Lanyard asks for: read the credentials and the profile, and a refresh token (the spec's examples ask `offline_access`). */
export const OB3_DEFAULT_SCOPE: string[] = [OB3_SCOPES.credentialReadonly, OB3_SCOPES.profileReadonly, 'offline_access'];

export interface Ob3Service {
  /** `{base}/ims/ob/v3p0`, where /credentials and /profile live. */
  apiBase: string;
  title: string;
  termsOfService: string;
  privacyPolicyUrl: string;
  image?: string;
  registrationUrl: string;
  authorizationUrl: string;
  tokenUrl: string;
  refreshUrl: string;
  scopes: string[];
  /** RFC 7009 endpoint from the RFC 8414 metadata, when published. */
  revocationUrl?: string;
  /** Where the description was read from (after redirects): every endpoint is on its origin. */
  discoveryUrl: string;
  /** Which server must answer the authorization request (RFC 9207). */
  issuer: IssuerExpectation;
}

/** The endpoints that receive something of the user's or of this client's: all on one site (endpoints.ts). */
export function ob3Endpoints(s: Ob3Service): Record<string, string | undefined> {
  return { registrationUrl: s.registrationUrl, authorizationUrl: s.authorizationUrl, tokenUrl: s.tokenUrl, refreshUrl: s.refreshUrl, revocationUrl: s.revocationUrl, apiBase: s.apiBase, issuer: s.issuer?.issuer };
}

/** A credential as the API returned it: JSON (embedded proof) or a compact JWS (VC-JWT). */
export type Ob3Credential = ({ kind: 'json'; credential: Json } | { kind: 'jws'; jws: string }) & { /** Which of the answer's lists it came in (list-entry.ts fromList). */ list?: number };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
/**
 * A word of the description that is kept (on the account record, sent to the popup with every
 * state reply) rather than used: a hostile description's megabyte title is cut (serverWords), and a
 * link longer than any browser keeps in its address bar is none.
 */
const words = (v: unknown): string | undefined => (str(v) ? serverWords(str(v)!) : undefined);
const link = (v: unknown): string | undefined => (str(v) && str(v)!.length <= 2048 ? str(v) : undefined);

/**
 * A URL of the service description, resolved as OpenAPI 3.0 resolves it (OAS 3.0.3 §4.6 "Relative
 * References in URLs": "all properties that are URLs MAY be relative references", resolved against
 * the Server Object's URL), then held to https (or the loopback host).
 */
function resolve(ref: string, base: string, what: string): string {
  let u: URL;
  try {
    // api.html's sample description writes its URLs without a scheme ("provider.example.com/token"), and
    // descriptions copied from it do: one that begins with the server's own host names that host (on the
    // server's scheme), not a path beneath the API. Another host so written stays a relative path.
    const own = new URL(base);
    const hostForm = ref.toLowerCase() === own.host || ref.toLowerCase().startsWith(`${own.host}/`);
    u = new URL(hostForm ? `${own.protocol}//${ref}` : ref, base);
  } catch {
    throw new BackpackError(C.PROTOCOL, `The OB 3.0 service description's ${what} ${ref.slice(0, 200)} is not a URL`);
  }
  return checkUrl(u.toString(), what).toString();
}

function need(v: unknown, what: string, base: string): string {
  const s = str(v);
  if (!s) throw new BackpackError(C.PROTOCOL, `The OB 3.0 service description has no ${what}`);
  return resolve(s, base, what);
}

/**
 * The API's base from the first Server Object (OAS 3.0.3 §4.7.5): its `url` "MAY be relative, to
 * indicate that the host location is relative to the location where the OpenAPI document is being
 * served", and each `{name}` in it is replaced by the variable's `default` (REQUIRED there).
 */
function serverUrl(server: Json | undefined, documentUrl: string): string | undefined {
  const raw = str(server?.url);
  if (!raw) return undefined;
  const vars = isObj(server?.variables) ? server.variables : {};
  const filled = raw.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const v = vars[name];
    const d = isObj(v) ? v.default : undefined;
    if (typeof d !== 'string') throw new BackpackError(C.PROTOCOL, `The OB 3.0 service description's server URL names {${name.slice(0, 50)}} without a default`);
    return d;
  });
  return resolve(filled, documentUrl, 'server URL').replace(/\/+$/, '');
}

/**
 * An Imsx_StatusInfo (imsx.ts) whose `imsx_codeMajor` is `failure` or `unsupported`, answered with a
 * 2xx: the server's no, never a listing or a profile. getCredentials' 200 is a
 * GetOpenBadgeCredentialsResponse whose two lists are optional (ob_v3p0.lines), so such a body read as
 * one was an empty listing, whole, and every stored badge was marked no longer listed.
 */
function refusedUnder2xx(body: unknown, what: string): void {
  const s = imsxOf(body);
  if (!s || (s.major !== 'failure' && s.major !== 'unsupported')) return;
  // `unsupported` is the detail itself: the backpack does not offer this (a profile: none to give, providers/oauth-provider.ts optionalProfile).
  const detail = s.major === 'unsupported' ? 'unsupported' : s.minor;
  throw new BackpackError(C.REJECTED, `${what} was refused${s.description ? `: ${serverWords(s.description)}` : ''}`, detail ? { detail: serverWords(detail) } : {});
}

/** GetOpenBadgeCredentialsResponse: `credential` and `compactJwsString` (api.html's example says `compactJwsStrings`). */
function readCredentials(body: unknown): Ob3Credential[] {
  if (!isObj(body)) throw new BackpackError(C.PROTOCOL, 'The credentials answer is not a JSON object');
  refusedUnder2xx(body, 'OB 3.0 credentials');
  // A compact JWS or JSON text in `credential` is still a credential (list-entry.ts).
  const json = fromList(0, body.credential, listEntry);
  const jws = [...fromList(1, body.compactJwsString, signedEntry), ...fromList(2, body.compactJwsStrings, signedEntry)];
  return [...json, ...jws].map((e): Ob3Credential => (e.kind === 'json' ? { kind: 'json', credential: e.json, list: e.list } : e));
}

export class Ob3Client {
  constructor(private readonly opts: ClientOptions) {}

  /** `base` is the provider's base URL (as the user typed it), or its API base ending in /ims/ob/v3p0. */
  async discover(base: string): Promise<Ob3Service> {
    const root = checkUrl(base, 'backpack URL').toString().replace(/\/+$/, '').replace(/\/ims\/ob\/v3p0(\/discovery)?$/, '');
    const apiBase = `${root}/ims/ob/v3p0`;
    const { body, res } = await getJson(this.opts, `${apiBase}/discovery`, undefined, 'OB 3.0 discovery');
    const ctx = { userBase: base, documentUrl: res.url || `${apiBase}/discovery` };
    if (!isObj(body)) throw new BackpackError(C.PROTOCOL, 'The OB 3.0 service description is not a JSON object');
    const info = isObj(body.info) ? body.info : {};
    const schemes = isObj(body.components) && isObj(body.components.securitySchemes) ? body.components.securitySchemes : {};
    const acg = isObj(schemes.OAuth2ACG) ? schemes.OAuth2ACG : {};
    const flow = isObj(acg.flows) && isObj(acg.flows.authorizationCode) ? acg.flows.authorizationCode : {};
    const servers = Array.isArray(body.servers) ? body.servers.filter(isObj) : [];
    // Without servers, the API is where the description was read: {base}/ims/ob/v3p0 (security.html "Request the Service Description Document").
    const server = serverUrl(servers[0], ctx.documentUrl) ?? apiBase;
    const tokenUrl = need(flow.tokenUrl, 'tokenUrl', server);
    const endpoints = {
      apiBase: server,
      registrationUrl: need(acg['x-imssf-registrationUrl'], 'x-imssf-registrationUrl', server),
      authorizationUrl: need(flow.authorizationUrl, 'authorizationUrl', server),
      tokenUrl,
      refreshUrl: str(flow.refreshUrl) ? need(flow.refreshUrl, 'refreshUrl', server) : tokenUrl,
    };
    // Before anything is sent anywhere: one site for every endpoint (the OAuth mix-up defence).
    checkEndpoints(ctx, endpoints);
    const origin = new URL(ctx.documentUrl).origin;
    const facts = await authServerFacts(this.opts, ctx, origin, tokenUrl);
    return {
      ...endpoints,
      // The model puts name, terms and privacy policy in `info`; api.html's sample
      // getServiceDescription response puts them in the OAuth2ACG scheme as `x-imssf-name`,
      // `x-imssf-termsOfServiceUrl` and `x-imssf-privacyPolicyUrl`, with no `info` at all.
      title: words(info.title) ?? words(acg['x-imssf-name']) ?? new URL(root).host,
      termsOfService: link(info.termsOfService) ?? link(acg['x-imssf-termsOfServiceUrl']) ?? '',
      privacyPolicyUrl: link(info['x-imssf-privacyPolicyUrl']) ?? link(acg['x-imssf-privacyPolicyUrl']) ?? '',
      ...(link(info['x-imssf-image']) ? { image: link(info['x-imssf-image'])! } : {}),
      scopes: isObj(flow.scopes) ? Object.keys(flow.scopes).filter((k) => k.length <= 2048).slice(0, 100) : [],
      discoveryUrl: ctx.documentUrl,
      issuer: facts.issuer,
      ...(facts.revocationUrl ? { revocationUrl: facts.revocationUrl } : {}),
    };
  }

  register(service: Ob3Service, metadata: ClientMetadata): Promise<RegisteredClient> {
    return registerOffered(this.opts, service.registrationUrl, metadata, service.scopes);
  }

  authorizationRequest(service: Ob3Service, client: RegisteredClient, redirectUri: string, scope: string[] = OB3_DEFAULT_SCOPE): Promise<AuthorizationRequest> {
    return buildAuthorizationRequest({ authorizationUrl: service.authorizationUrl, clientId: client.clientId, redirectUri, scope: registeredScopes(scope, client), issuer: service.issuer });
  }

  /** Reads the redirect (checking `state` and `iss`) and exchanges its code. */
  async completeAuthorization(service: Ob3Service, client: RegisteredClient, request: AuthorizationRequest, redirectedTo: string): Promise<TokenSet> {
    return completeAuthorization(this.opts, service.tokenUrl, client, request, redirectedTo);
  }

  /** `scope`: what the user granted (kept with the refresh token); else what Lanyard asks for of this client. */
  refresh(service: Ob3Service, client: RegisteredClient, refreshToken: string, scope: readonly string[] = registeredScopes(OB3_DEFAULT_SCOPE, client)): Promise<TokenSet> {
    return refreshTokens(this.opts, service.refreshUrl, client, refreshToken, scope);
  }

  /** Revokes the refresh token (which ends the pair) and the access token; false when the server offers no revocation. */
  async revoke(service: Ob3Service, client: RegisteredClient, tokens: Pick<TokenSet, 'accessToken' | 'refreshToken'>): Promise<boolean> {
    if (!service.revocationUrl) return false;
    await revokeSession(this.opts, service.revocationUrl, client, tokens);
    return true;
  }

  credentialsPage(service: Ob3Service, accessToken: string, q: PageQuery = {}): Promise<Page<Ob3Credential>> {
    return fetchPage(this.opts, pageUrl(`${service.apiBase}/credentials`, q), accessToken, 'OB 3.0 credentials', readCredentials);
  }

  /** Every page, following Link rel="next". */
  credentials(service: Ob3Service, accessToken: string, q: Omit<PageQuery, 'offset'> = {}): AsyncGenerator<Page<Ob3Credential>> {
    return allPages(this.opts, pageUrl(`${service.apiBase}/credentials`, q), accessToken, 'OB 3.0 credentials', readCredentials);
  }

  async profile(service: Ob3Service, accessToken: string): Promise<Json> {
    const { body } = await getJson(this.opts, `${service.apiBase}/profile`, accessToken, 'OB 3.0 profile', 'application/ld+json, application/json');
    if (!isObj(body)) throw new BackpackError(C.PROTOCOL, 'The OB 3.0 profile is not a JSON object');
    refusedUnder2xx(body, 'OB 3.0 profile');
    return body;
  }
}
