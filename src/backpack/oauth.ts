/**
 * The OAuth 2.0 client that the OB 3.0 API (OB 3.0 §6.2) and Badge Connect (OB 2.1
 * §"Authentication") share: the authorization request with PKCE S256 and `state` (RFC 7636,
 * RFC 6749 §4.1.1), reading the redirect (§4.1.2, authorization-response.ts), the code exchange and refresh with
 * `client_secret_basic` (§2.3.1, §6), and revocation (RFC 7009). Registration is in registration.ts.
 * The response's `iss` is checked (RFC 9207) and no request that carries a code, verifier, password,
 * refresh token or client secret follows a redirect (`redirect: 'error'`: a 307/308 would re-send
 * the body to wherever the Location points).
 */
import { BackpackError, BackpackErrorCodes as C, serverWords } from './errors.ts';
import type { IssuerExpectation } from './endpoints.ts';
import { checkUrl, errorText, isObj, readJson, retryAfter, send, statusError, type ClientOptions, type Json } from './http.ts';
import { createPkce, createState } from './pkce.ts';
import { clientAuth } from './client-auth.ts';
import { scopeList } from './scope-list.ts';
import { readAuthorizationResponse } from './authorization-response.ts';
import type { RegisteredClient } from './registration.ts';

export { readAuthorizationResponse };

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  tokenType: string;
  scope: string[];
  /** When the access token expires (ms since the epoch); absent when the server did not say. */
  expiresAt?: number;
  /** How long it lived when it came (RFC 6749 §5.1 `expires_in`, in ms), with expiresAt. */
  lifetimeMs?: number;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
  scope: string[];
  /** Which authorization server must answer (RFC 9207). */
  issuer: IssuerExpectation;
}

/**
 * The scopes to ask for: those of `wanted` the registration granted (RFC 7591 §3.2.1: the answer
 * carries the client's registered `scope`), the first, the API's read scope, always; all of
 * `wanted` when the answer names none. Badgr registers a Badge Connect client for its own scopes
 * only and answers `invalid_scope` to any other in the authorization request (badgr-server
 * apps/mainsite/oauth_validator.py validate_scopes), `offline_access` included (registration.ts).
 */
export function registeredScopes(wanted: readonly string[], client: RegisteredClient): string[] {
  const granted = client.registration.scope;
  if (typeof granted !== 'string' || !granted.trim()) return [...wanted];
  const set = new Set(granted.split(/\s+/));
  return wanted.filter((s, i) => i === 0 || set.has(s));
}

/**
 * What Lanyard believes a token lets it do: what the server granted (RFC 6749 §5.1: `scope` is
 * OPTIONAL "if identical to the scope requested by the client; otherwise, REQUIRED"), never more
 * than what Lanyard asked for. §3.3 lets the server "fully or partially ignore the scope
 * requested"; a grant wider than asked is not refused (the token serves what Lanyard asked for)
 * but the extra scopes are dropped: they would be asked for again at every refresh (OB 3.0
 * security.html "Token Refresh Request" sends the granted scope) and believed. Nothing asked
 * (Badgr's refresh, which sends no scope) keeps nothing.
 */
export function keptScope(asked: readonly string[], granted: readonly string[] | undefined): string[] {
  if (granted === undefined) return [...asked];
  const set = new Set(granted);
  return asked.filter((s) => set.has(s));
}

/** The last time a Date can hold (ECMA-262 §21.4.1.22 Time Values: ±8.64e15 ms). */
const MAX_TIME = 8.64e15;

export async function buildAuthorizationRequest(p: { authorizationUrl: string; clientId: string; redirectUri: string; scope: string[]; issuer: IssuerExpectation }): Promise<AuthorizationRequest> {
  const u = checkUrl(p.authorizationUrl, 'authorization URL');
  const pkce = await createPkce();
  const state = createState();
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', p.clientId);
  u.searchParams.set('redirect_uri', p.redirectUri);
  u.searchParams.set('scope', p.scope.join(' '));
  u.searchParams.set('state', state);
  u.searchParams.set('code_challenge', pkce.challenge);
  u.searchParams.set('code_challenge_method', pkce.method);
  return { url: u.toString(), state, codeVerifier: pkce.verifier, redirectUri: p.redirectUri, scope: p.scope, issuer: p.issuer };
}

/**
 * The longest access or refresh token kept. RFC 6749 §5.1 leaves a token's size to the server ("The
 * authorization server SHOULD document the size of any value it issues"): real ones are a few KB (JWT
 * access tokens with their claims), and a token is sent in a header, which servers cap far lower (Node
 * 16 KB for all headers, nginx 8 KB a line by default), so the bound assumes nothing a server can use. A token answer is read up to 32 MB (http.ts), and its tokens were kept whole: in
 * storage.session, 10 MB in Chromium for the whole extension, one backpack's 9 MB token left no room for
 * another's, whose refreshes then failed to be stored; in the `secrets` store, read at every refresh.
 */
export const MAX_TOKEN_CHARS = 32 * 1024;

/** POSTs a token request (RFC 6749 §4.1.3, §6) and reads the token answer (§5.1) or error (§5.2). */
export async function tokenRequest(opts: ClientOptions, tokenUrl: string, client: RegisteredClient | null, form: Record<string, string>, kind: 'code' | 'refresh' | 'password'): Promise<TokenSet> {
  const auth = clientAuth(client, form);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...auth.headers };
  const res = await send(opts, tokenUrl, { method: 'POST', headers, body: new URLSearchParams(auth.form).toString(), redirect: 'error' });
  // An error answer (§5.2) is read only for its few words, up to MAX_ERROR_BYTES, as every other error answer.
  const body = res.ok ? await readJson(res, 'The token endpoint') : parseOr(await errorText(res, 'The token endpoint'));
  const b = isObj(body) ? body : {};
  // A §5.2 error answered with a 2xx (some servers do: GitHub's token endpoint) is that error, not a malformed answer.
  const errorIn200 = typeof b.error === 'string' && b.error !== '' && typeof b.access_token !== 'string';
  if (!res.ok || errorIn200) throw tokenError(res, b, kind, opts.now?.() ?? Date.now());
  if (typeof b.access_token !== 'string' || !b.access_token) throw new BackpackError(C.PROTOCOL, 'The token answer has no access_token');
  for (const name of ['access_token', 'refresh_token'] as const) {
    const t = b[name];
    if (typeof t === 'string' && t.length > MAX_TOKEN_CHARS) throw new BackpackError(C.PROTOCOL, `The token answer's ${name} is ${Math.round(t.length / 1024)} KB long, more than any server takes in a header: Lanyard does not keep it`);
  }
  // RFC 6749 §7.1: a client "MUST NOT use an access token if it does not understand the token type";
  // OB 3.0 (security.html "Access Token Response"): its case insensitive value MUST be "bearer".
  if (typeof b.token_type === 'string' && b.token_type.toLowerCase() !== 'bearer') {
    throw new BackpackError(C.PROTOCOL, `The token answer is of type ${b.token_type.slice(0, 40)}, which Lanyard cannot use (only Bearer tokens, RFC 6750)`);
  }
  const now = opts.now?.() ?? Date.now();
  const expiresIn = lifetimeSeconds(b.expires_in);
  // §5.1 expires_in is a lifetime in seconds; one past any clock (1e306 s makes an Infinity, which
  // storage keeps as null, read as "expired" at every use: a refresh before every request) is no
  // expiry at all. The token is then refreshed when the API refuses it (a 401), as without expires_in.
  const expiresAt = now + expiresIn * 1000;
  return {
    accessToken: b.access_token,
    ...(typeof b.refresh_token === 'string' && b.refresh_token ? { refreshToken: b.refresh_token } : {}),
    tokenType: typeof b.token_type === 'string' ? b.token_type : 'Bearer',
    scope: keptScope(scopeList(form.scope), typeof b.scope === 'string' ? scopeList(b.scope, scopeList(form.scope), 'The token answer') : undefined),
    ...(Number.isFinite(expiresIn) && expiresIn > 0 && expiresAt <= MAX_TIME ? { expiresAt, lifetimeMs: expiresIn * 1000 } : {}),
  };
}

/**
 * §5.1 `expires_in`, "the lifetime in seconds": a JSON number, or a decimal string as some servers send
 * ("3600", "3600.0", which was read as no expiry); whole seconds (floor). Else NaN (Number(true) is 1,
 * Number([3600]) 3600, Number(" 3600") and Number("1e3") numbers no server meant).
 */
const lifetimeSeconds = (v: unknown): number =>
  Math.floor(typeof v === 'number' ? v : typeof v === 'string' && /^[0-9]{1,20}(?:\.[0-9]{1,20})?$/.test(v) ? Number(v) : NaN);

const parseOr = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
};

function tokenError(res: Response, b: Json, kind: 'code' | 'refresh' | 'password', now: number): BackpackError {
  // §5.2: `error` and `error_description` are the server's words, shown in the popup: bounded (serverWords).
  const error = typeof b.error === 'string' ? serverWords(b.error) : undefined;
  const description = typeof b.error_description === 'string' ? serverWords(b.error_description) : undefined;
  const extra = { status: res.status, ...(error ? { detail: error } : {}) };
  // Badgr's login backoff (apps/mainsite/utils.py throttleable): `expires` is the wait in seconds.
  if (res.status === 429 || error === 'login attempts throttled') {
    const wait = typeof b.expires === 'number' ? b.expires : retryAfter(res, now);
    return new BackpackError(C.THROTTLED, description ?? 'Too many attempts: wait and try again', { ...extra, ...(wait !== undefined ? { retryAfterSeconds: wait } : {}) });
  }
  if (res.status >= 500) {
    // OB 3.0 / OB 2.1 "Retry Behavior": Retry-After says when to try again (RFC 9110 §10.2.3: a 503's expected downtime).
    const wait = retryAfter(res, now);
    return new BackpackError(C.SERVER_ERROR, `The token endpoint failed (HTTP ${res.status})`, { ...extra, ...(wait !== undefined ? { retryAfterSeconds: wait } : {}) });
  }
  if (error === 'invalid_grant') {
    if (kind === 'password') return new BackpackError(C.BAD_CREDENTIALS, 'The e-mail address or password is not right', extra);
    if (kind === 'refresh') return new BackpackError(C.UNAUTHORIZED, 'The session has ended: sign in again', extra);
    return new BackpackError(C.AUTHORIZATION_FAILED, `The backpack refused the sign-in code${description ? `: ${description}` : ''}`, extra);
  }
  // A refresh refused for good (§5.2): the grant was narrowed at the provider (invalid_scope: §6 "MUST
  // NOT include any scope not originally granted"), or this client may no longer refresh
  // (unauthorized_client, unsupported_grant_type). Asking again never succeeds; a new sign-in does.
  if (kind === 'refresh' && (error === 'invalid_scope' || error === 'unauthorized_client' || error === 'unsupported_grant_type')) {
    return new BackpackError(C.UNAUTHORIZED, `The session can no longer be renewed${description ? ` (${description})` : ''}: sign in again`, extra);
  }
  // A password grant this client may not use (§5.2 unauthorized_client, as oauthlib answers a client not
  // allowed the grant; unsupported_grant_type): there is no password sign-in here, as for an unknown client.
  if (kind === 'password' && (error === 'unauthorized_client' || error === 'unsupported_grant_type')) {
    return new BackpackError(C.UNAUTHORIZED, `The backpack does not offer password sign-in to Lanyard (${error})`, extra);
  }
  const clientWord = error === 'invalid_client' || error === 'invalid client_id' || error === 'invalid client_secret';
  // A refresh refused with a 401 whose error names something else than the client: the refresh token, in
  // the server's words (Spring Security OAuth answers an expired one 401 invalid_token, "Invalid refresh
  // token (expired)"). The session has ended, as with invalid_grant; read as the client's 401 below, it
  // made tokens.ts forget the registration every account of this backpack signs in with.
  if (kind === 'refresh' && res.status === 401 && error && !clientWord) {
    return new BackpackError(C.UNAUTHORIZED, `The session has ended${description ? ` (${description})` : ''}: sign in again`, extra);
  }
  // The client is unknown or its secret wrong (RFC 6749 §5.2 invalid_client; Badgr "invalid client_id"),
  // or a 401 naming no error (§5.2: the answer to a client that failed to authenticate).
  if (clientWord || res.status === 401) {
    // A password grant's client is Badgr's own public one (badgr-server README "public" app): nothing Lanyard registered.
    const why = kind === 'password' ? `The backpack does not offer password sign-in to Lanyard (it does not know the client it signs in with${error ? `: ${error}` : ''})` : 'The backpack does not know this copy of Lanyard any more: register again';
    return new BackpackError(C.UNAUTHORIZED, why, { ...extra, detail: 'invalid_client' });
  }
  return new BackpackError(C.REJECTED, `The token endpoint refused the request: ${description ?? error ?? `HTTP ${res.status}`}`, extra);
}

/**
 * The code exchange carries `scope`: OB 3.0 (security.html "Access Token Request") and OB 2.1
 * (§"Access Token Request") list it as required, beside RFC 6749 §4.1.3's fields; a provider that
 * holds to that answers `invalid_request` without it. It is the scope the authorization response
 * granted, which "MAY be a subset of the scopes in the request" (security.html "Authorization
 * Response"), else the scope asked for: never more than the user allowed.
 */
export async function exchangeCode(opts: ClientOptions, tokenUrl: string, client: RegisteredClient, request: AuthorizationRequest, code: string, granted?: readonly string[]): Promise<TokenSet> {
  // A response granting more than asked is read as granting what was asked (keptScope): the exchange never asks for more.
  const kept = keptScope(request.scope, granted?.length ? granted : undefined);
  if (!kept.length) throw new BackpackError(C.AUTHORIZATION_FAILED, 'The backpack granted none of the access Lanyard asked for', { detail: 'scope' });
  const read = request.scope[0];
  if (read !== undefined && !kept.includes(read)) throw readScopeMissing(read);
  const scope = kept.join(' ');
  const tokens = await tokenRequest(opts, tokenUrl, client, { grant_type: 'authorization_code', code, redirect_uri: request.redirectUri, scope, code_verifier: request.codeVerifier }, 'code');
  // §5.1: the token answer may grant less again (its `scope` is then REQUIRED).
  if (read !== undefined && !tokens.scope.includes(read)) throw readScopeMissing(read);
  return tokens;
}

/**
 * The scope asked first is the API's read scope (registeredScopes): a token without it lists no
 * badge (403 insufficient_scope, RFC 6750 §3.1), so every sync would fail and ask for a sign-in that
 * changes nothing. The user unticked it (OB 3.0 security.html: the granted scope "MAY be a subset"),
 * or the backpack would not grant it: the sign-in is refused, saying so.
 */
const readScopeMissing = (read: string): BackpackError =>
  new BackpackError(C.AUTHORIZATION_FAILED, `The backpack did not allow Lanyard to read your badges (${read.replace(/^.*\//, '')}): sign in again and allow it`, { detail: 'scope' });

/** Reads the redirect (checking `state` and `iss`) and exchanges its code for what the response granted. */
export function completeAuthorization(opts: ClientOptions, tokenUrl: string, client: RegisteredClient, request: AuthorizationRequest, redirectedTo: string): Promise<TokenSet> {
  const { code, scope } = readAuthorizationResponse(redirectedTo, request);
  return exchangeCode(opts, tokenUrl, client, request, code, scope);
}

/**
 * RFC 6749 §6. OB 3.0 (security.html "Token Refresh Request") lists `scope` as required: the scope
 * the user granted (the token answer's, kept with the refresh token), never more (it "MUST NOT
 * include any scope not originally granted").
 */
export function refreshTokens(opts: ClientOptions, tokenUrl: string, client: RegisteredClient, refreshToken: string, scope: readonly string[]): Promise<TokenSet> {
  return tokenRequest(opts, tokenUrl, client, { grant_type: 'refresh_token', refresh_token: refreshToken, ...(scope.length ? { scope: scope.join(' ') } : {}) }, 'refresh');
}

/** RFC 7009 §2.1; the server answers 200 even for a token it does not know (§2.2). */
export async function revokeToken(opts: ClientOptions, revocationUrl: string, client: RegisteredClient, token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
  const auth = clientAuth(client, { token, token_type_hint: hint });
  const res = await send(opts, revocationUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth.headers },
    body: new URLSearchParams(auth.form).toString(),
    redirect: 'error',
  });
  if (res.ok) return;
  let error: unknown;
  try {
    error = (JSON.parse(await errorText(res, 'Token revocation')) as Json).error;
  } catch {
    error = undefined;
  }
  throw statusError(res, 'Token revocation', typeof error === 'string' ? error.slice(0, 100) : undefined, typeof error === 'string' ? error.slice(0, 100) : undefined);
}

/**
 * Ends a session (RFC 7009): the refresh token first, which ends the pair, then the access token.
 * Servers MUST revoke refresh tokens and only SHOULD revoke access tokens (OB 3.0 security.html
 * "Token Revocation"; OB 2.1 §"Revocation by Consumer"): one that answers `unsupported_token_type`
 * for the access token (§2.2.1) has still ended the session, and the access token expires anyway.
 */
export async function revokeSession(opts: ClientOptions, revocationUrl: string, client: RegisteredClient, tokens: Pick<TokenSet, 'accessToken' | 'refreshToken'>): Promise<void> {
  if (tokens.refreshToken) await revokeToken(opts, revocationUrl, client, tokens.refreshToken, 'refresh_token');
  try {
    await revokeToken(opts, revocationUrl, client, tokens.accessToken, 'access_token');
  } catch (e) {
    if (!(tokens.refreshToken && e instanceof BackpackError && e.detail === 'unsupported_token_type')) throw e;
  }
}
