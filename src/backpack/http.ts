/**
 * The HTTP the backpack clients share: an injected fetch (the background passes its own; tests pass
 * one that reaches the test server), a timeout, the rule that plain http is only for 127.0.0.1 and
 * localhost, and the mapping of failures onto BackpackError codes. No browser API, no DOM.
 */
import { BackpackError, BackpackErrorCodes as C, serverWords } from './errors.ts';
import { imsxStatus } from './imsx.ts';
import { retryAfterSeconds } from './retry-after.ts';

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  fetch: Fetch;
  /** The clock for token expiry (ms since the epoch); default Date.now. */
  now?: () => number;
  /** Per-request timeout; default 20 s. */
  timeoutMs?: number;
  /** Cancels every request of this client. */
  signal?: AbortSignal;
}

export type Json = Record<string, unknown>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; http only on the loopback host (the test backpack, a local dev server). */
export function checkUrl(url: string, what = 'URL'): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BackpackError(C.PROTOCOL, `The ${what} ${url.slice(0, 200)} is not a URL`);
  }
  // RFC 9110 §4.2.4: userinfo in an http(s) URI is deprecated, and "before making use of an http
  // or https URI reference received from an untrusted source, a recipient SHOULD parse for
  // userinfo and treat its presence as an error": https://api.badgr.io@wallet.example/authorize
  // is wallet.example dressed as another site in the sign-in window, and fetch() refuses it anyway.
  if (u.username || u.password) throw new BackpackError(C.INSECURE_URL, `The ${what} ${u.origin} carries a user name or password in the address: Lanyard refuses it`);
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return u;
  throw new BackpackError(C.INSECURE_URL, `The ${what} ${u.origin} is not https: plain http is accepted only for 127.0.0.1 and localhost`);
}

/** fetch with the URL rule and a timeout; a failure to get any answer is UNREACHABLE. */
export async function send(opts: ClientOptions, url: string, init: RequestInit = {}): Promise<Response> {
  checkUrl(url);
  const signals = [AbortSignal.timeout(opts.timeoutMs ?? 20_000), ...(opts.signal ? [opts.signal] : []), ...(init.signal ? [init.signal] : [])];
  // An answer to a request carrying a token or secret never comes from, nor goes into, the HTTP cache:
  // a `max-age`, or a `Last-Modified` alone (RFC 9111 §4.2.2 heuristic freshness), let the browser answer a
  // sync from its cache without asking the backpack, and kept the user's badges on disk past sign-out.
  const cache = init.cache ?? (new Headers(init.headers).has('authorization') ? 'no-store' : undefined);
  try {
    // No cookies either (Fetch §5.3 credentials mode; a browser's default, 'same-origin', sends an extension's
    // host-permitted sites' cookies): a request speaks for the account its token or password names, never for
    // whoever is signed in on the backpack's web site in this browser, and no Referer naming the extension.
    return await opts.fetch(url, { ...init, ...(cache ? { cache } : {}), credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.any(signals) });
  } catch (e) {
    const timedOut = e instanceof Error && e.name === 'TimeoutError';
    // `redirect: 'error'` (every request that carries a secret) fails like a network error on a 3xx.
    const why = timedOut ? 'did not answer in time' : init.redirect === 'error' ? 'could not be reached, or answered with a redirect (Lanyard never re-sends a password, code or token to another address)' : 'could not be reached';
    throw new BackpackError(C.UNREACHABLE, `${new URL(url).origin} ${why}`, { cause: e });
  }
}

/**
 * The most of one answer Lanyard reads: far above a page of badges, a service description or a
 * token answer. A backpack (or whoever answers at its address) that sends more, or an endless
 * body, would otherwise fill the service worker's memory: the read stops there.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** An error answer is read only for the few words it says. */
export const MAX_ERROR_BYTES = 64 * 1024;

/** The body as UTF-8 text (as Response.text() decodes it), read up to `max` bytes; more is PROTOCOL. */
export async function readText(res: Response, what: string, max = MAX_ANSWER_BYTES): Promise<string> {
  const tooLarge = () => new BackpackError(C.PROTOCOL, `${what} answered more than ${Math.round(max / 1024)} KB: not read`, { status: res.status });
  if (!res.body) return '';
  if (Number(res.headers.get('content-length') ?? NaN) > max) {
    await res.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (e) {
    if (e instanceof BackpackError) throw e;
    // The request's timeout (send) ends the body's read too: headers in time and a body that never came is
    // a backpack that did not answer in time, as send says of one that sent nothing; a dropped connection is cut off.
    const timedOut = e instanceof Error && e.name === 'TimeoutError';
    throw new BackpackError(C.UNREACHABLE, timedOut ? `${what} did not answer in time (its answer stopped coming)` : `The answer of ${what} was cut off`, { cause: e, status: res.status });
  }
}

/** The first words of an error answer, or '' when it cannot be read. */
export const errorText = (res: Response, what: string): Promise<string> => readText(res, what, MAX_ERROR_BYTES).catch(() => '');

/** The body as JSON; anything else is a PROTOCOL error (a login page instead of the API, say). */
export async function readJson(res: Response, what: string): Promise<unknown> {
  const text = await readText(res, what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BackpackError(C.PROTOCOL, `${what} did not answer JSON (HTTP ${res.status})`, { status: res.status });
  }
}

export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 9110 §10.2.3 Retry-After, in seconds (retry-after.ts: a date measured from the answer's own `Date`). */
export const retryAfter = (res: Response, now: number): number | undefined => retryAfterSeconds(res.headers.get('retry-after'), res.headers.get('date'), now);

/** An auth-param (RFC 9110 §11.2: token "=" ( token / quoted-string )), or a quoted string passed over whole. */
const AUTH_PARAM = /"(?:[^"\\]|\\.)*"?|(?<![\w!#$%&'*+.^`|~-])([\w!#$%&'*+.^`|~-]+)\s*=\s*("(?:[^"\\]|\\.)*"?|[^\s,"]*)/g;

/**
 * The error code a Bearer challenge names (RFC 6750 §3 `error`), lower-cased, when it names one: an
 * `error` parameter's value, never words inside another's quoted value (`realm="error=invalid_request"`).
 */
export function bearerError(res: Response): string | undefined {
  for (const m of (res.headers.get('www-authenticate') ?? '').matchAll(AUTH_PARAM)) {
    if (m[1]?.toLowerCase() !== 'error') continue;
    const value = m[2]!.startsWith('"') ? m[2]!.slice(1, m[2]!.endsWith('"') && m[2]!.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1') : m[2]!;
    return /^[A-Za-z_]+$/.test(value) ? value.toLowerCase() : undefined;
  }
  return undefined;
}

/**
 * A 403 whose challenge says the token lacks a scope or is not good (RFC 6750 §3.1 insufficient_scope,
 * invalid_token, as the OB 3.0 API answers a token without the scope): signing in again can grant it.
 */
const newGrantMayHelp = (challenge: string | undefined): boolean => challenge === 'insufficient_scope' || challenge === 'invalid_token';

/** The usual mapping of a failed status; `message` is what the server said, when it said something. */
export function statusError(res: Response, what: string, message?: string, detail?: string): BackpackError {
  const status = res.status;
  // The server's words go to the popup and the sync record: bounded (errors.ts serverWords).
  const said = message ? `: ${serverWords(message)}` : '';
  const challenge = bearerError(res);
  const extra = { status, ...(detail ? { detail: serverWords(detail) } : {}) };
  // RFC 6750 §3.1 `invalid_request`: the request "is otherwise malformed" (a parameter missing or repeated, two ways
  // of sending the token), which §3.1 answers 400; sent with a 401, it was read as a token refused and refreshed, which
  // cannot mend a malformed request, and then asked the user to sign in again, which cannot either. Lanyard's request
  // and the server disagree on the protocol: said as such, the session and the badges kept.
  if (status === 401 && challenge === 'invalid_request') return new BackpackError(C.PROTOCOL, `${what}: the backpack called Lanyard's request malformed (RFC 6750 invalid_request, HTTP 401)${said}: a new token cannot mend that, so none is asked for`, { status, detail: challenge });
  // insufficient_scope is the detail, whatever the body says: a refresh cannot widen a grant (RFC 6749 §6), so
  // none is made for it (background token-use.ts); only a new sign-in can (RFC 6750 §3.1 names no retry for it).
  if (status === 401 || (status === 403 && newGrantMayHelp(challenge))) return new BackpackError(C.UNAUTHORIZED, `${what} refused the token (HTTP ${status})${said}`, { ...extra, ...(challenge === 'insufficient_scope' ? { detail: challenge } : {}) });
  // Any other 403 (RFC 9110 §15.5.4): the server knows who asks and refuses this account (badgr-server
  // answers one for another user's address, or a user without a confirmed address): a refreshed token or
  // a new sign-in asks again as the same account, so it is the server's reason to show, not "sign in again".
  if (status === 403) return new BackpackError(C.REJECTED, `${what} was refused for this account (HTTP 403)${said}`, extra);
  if (status === 429) {
    const wait = retryAfter(res, Date.now());
    return new BackpackError(C.THROTTLED, `${what} asks to slow down${said}`, { ...extra, ...(wait !== undefined ? { retryAfterSeconds: wait } : {}) });
  }
  if (status >= 500) {
    // OB 3.0 / OB 2.1 "Retry Behavior": a server MAY say when to try again on any failure (RFC 9110 §10.2.3: with 503, how long it is unavailable).
    const wait = retryAfter(res, Date.now());
    return new BackpackError(C.SERVER_ERROR, `${what} failed on the server (HTTP ${status})${said}`, { ...extra, ...(wait !== undefined ? { retryAfterSeconds: wait } : {}) });
  }
  return new BackpackError(C.REJECTED, `${what} was refused (HTTP ${status})${said}`, extra);
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/**
 * A request with the access token that the browser followed to another site: there it dropped the
 * Authorization header (Fetch "HTTP-redirect fetch" removes it on a cross-origin redirect), so the
 * answer, whatever it says (badges, a profile's address, a 401), is not the backpack's answer for this
 * user and is not read as one. A redirect within the request's own origin is followed as before.
 */
export function answeredHere(res: Response, url: string, what: string): void {
  if (!res.redirected || !res.url) return;
  const from = new URL(url).origin;
  let to: string;
  try {
    to = new URL(res.url).origin;
  } catch {
    to = 'null';
  }
  if (to === from) return;
  void res.body?.cancel().catch(() => undefined);
  throw new BackpackError(C.PROTOCOL, `${what}: ${from} sent Lanyard on to another site (${to.slice(0, 200)}), which cannot answer for your account there: not read`, { status: res.status });
}

/**
 * The URI an answer was retrieved from: after redirects the last one (the browser's `Response.url`),
 * else the one asked. RFC 3986 §5.1.3 makes it the base of the answer's relative references, and RFC
 * 8288 §3.1–3.2 resolves a `Link` target and its default context against it.
 */
export const answeredAt = (res: Response, asked: string): string => (res.redirected && res.url ? res.url : asked);

/**
 * A next-page link the API wrote with `http:` for its own https host (default ports both): a server
 * behind a proxy that ends TLS builds absolute links from the plain-http request it received (Django's
 * `build_absolute_uri` without SECURE_PROXY_SSL_HEADER, as Badgr's paging uses). It names the same
 * resource, asked at https; any other link is returned as it is (and another origin refused by the caller).
 */
export function upgradedLink(target: string, base: string): string {
  const t = new URL(target);
  const b = new URL(base);
  if (b.protocol !== 'https:' || t.protocol !== 'http:' || t.hostname !== b.hostname || t.port !== '' || b.port !== '') return target;
  t.protocol = 'https:';
  return t.toString();
}

/** GET a JSON API resource with a bearer token; non-2xx become errors. */
export async function getJson(opts: ClientOptions, url: string, token: string | undefined, what: string, accept = 'application/json'): Promise<{ body: unknown; res: Response }> {
  const res = await send(opts, url, { headers: { accept, ...(token ? bearer(token) : {}) } });
  if (token) answeredHere(res, url, what);
  if (!res.ok) {
    const body = await errorText(res, what);
    // A 401 to a request that carried no token (a service description, a manifest, RFC 8414 metadata) refused no token:
    // OB 3.0 says "Access to the discovery endpoint MUST NOT be protected", and OB 2.1 serves its manifest to anyone.
    // Read as UNAUTHORIZED it was "your sign-in has expired, sign in again" to someone not signed in yet.
    if (!token && res.status === 401) throw new BackpackError(C.REJECTED, `${what} asks for a sign-in before any (HTTP 401), which a backpack's discovery document must not ask for: Lanyard cannot read it`, { status: 401 });
    const status = badgeConnectStatus(body);
    // OB 2.1 (openapi3/imsob_v2p1.json) has no 403: a token that is good but not allowed answers 401
    // PERMISSION_DENIED (badgr-server apps/entity/views.py exception_handler, bcv1: PermissionDenied,
    // e.g. a scope missing or an account without a verified address). Only an unauthenticated request
    // is UNAUTHENTICATED (DRF raises NotAuthenticated before any permission check), so a refresh or a
    // new sign-in cannot help: REJECTED, not UNAUTHORIZED.
    if (res.status === 401 && status?.statusText === 'PERMISSION_DENIED') {
      throw new BackpackError(C.REJECTED, `${what}: the backpack does not allow this account or this sign-in to read it${status.error ? ` (${status.error})` : ''}`, { status: 401, detail: 'PERMISSION_DENIED' });
    }
    // OB 3.0 answers errors as Imsx_StatusInfo (imsx.ts): its description, not the JSON, and its code minor as the detail.
    const imsx = status ? undefined : imsxStatus(body);
    if (imsx) throw statusError(res, what, imsx.description, imsx.minor);
    // A Badge Connect status says its words (or none): never its JSON as the message.
    throw statusError(res, what, status ? status.error : body.slice(0, 200) || undefined);
  }
  return { body: await readJson(res, what), res };
}

/**
 * The OB 2.1 Badge Connect `{status: {error, statusCode, statusText}}` of an error answer, when it is
 * one: only `statusCode` is required (OB 2.1 JSON binding, StatusDType), so a status with either is.
 */
function badgeConnectStatus(text: string): { error?: string; statusText?: string } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const st = isObj(body) && isObj(body.status) ? body.status : undefined;
  if (!st || (typeof st.statusText !== 'string' && typeof st.statusCode !== 'number')) return undefined;
  return { ...(typeof st.statusText === 'string' ? { statusText: st.statusText } : {}), ...(typeof st.error === 'string' && st.error ? { error: st.error.slice(0, 200) } : {}) };
}
