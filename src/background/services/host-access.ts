/**
 * The verifier's fetch: it reaches only hosts the user allowed (optional host permissions; the
 * manifest requires none). A fetch to any other host fails at once with a message saying how to
 * allow it, so the engine reports that check `indeterminate`, never `invalid`. The same holds
 * where a request ends: a redirect to another site fails the fetch (the permission asked for, and
 * the URL the engine trusts, are the first one's), and a redirect within the site needs that
 * site's permission too. Bodies are read here, up to `maxBytes`: a larger answer fails the fetch.
 */
import type { Fetch } from '../../core/verify/context.ts';
import { originPattern } from '../../platform/patterns.ts';
import type { HostPermissions } from '../../platform/permissions.ts';
import { bytesResponse } from '../../core/verify/read-body.ts';
import { BodyTooLargeError, readCapped } from './capped-body.ts';
import { refusedOrigin, refusedRead, unreachable } from './network-log.ts';
import { startDeadline } from './deadline.ts';

export const HOST_PERMISSION_CODE = 'ERR_HOST_PERMISSION';
/** The largest answer read (baked images included). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class HostPermissionError extends Error {
  readonly code = HOST_PERMISSION_CODE;
  constructor(readonly origin: string) {
    super(
      `Lanyard may not read ${origin} yet. To check this badge, allow Lanyard to access ${new URL(origin).host} ` +
        `(open the badge in Lanyard and choose “Allow access”, or in the browser's extension settings under Site access), then verify again.`,
    );
    this.name = 'HostPermissionError';
    refusedOrigin(this, origin);
  }
}

export interface HostFetchOptions {
  permissions: HostPermissions;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Per request, body included; default 15 s. */
  timeoutMs?: number;
  /** Default MAX_BODY_BYTES. */
  maxBytes?: number;
  /**
   * Hover verification (a URL from a web page): `redirect: 'manual'`, and any redirect is refused,
   * even within the site (issue 12 point 7): a redirect is never followed to a host that was not checked.
   * And `cache: 'no-store'`: the browser's HTTP cache is one for all the worker's fetches, whatever page
   * asked, under the per-site document cache (point 8); a second site's hover answered from it asked the
   * server nothing, and the server learnt from that missing request what the user had pointed at elsewhere.
   */
  refuseRedirects?: boolean;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
const portOf = (u: URL): string => u.port || (DEFAULT_PORTS[u.protocol] ?? '');

/** The same site: the same origin, or the same host upgraded from http to https (default ports). */
export function sameSite(from: URL, to: URL): boolean {
  if (from.origin === to.origin) return true;
  return from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && portOf(from) === '80' && portOf(to) === '443';
}

export function createHostFetch({ permissions, fetch, timeoutMs = 15_000, maxBytes = MAX_BODY_BYTES, refuseRedirects = false }: HostFetchOptions): Fetch {
  return async (url, init) => {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new TypeError(`${u.protocol} URLs are not fetched`);
    if (!(await permissions.contains(url))) throw new HostPermissionError(u.origin);
    const stop = new AbortController();
    // Cleared once the body is read: an uncancelled timer keeps its signals alive for timeoutMs (deadline.ts).
    const deadline = startDeadline(timeoutMs);
    const signals = [deadline.signal, stop.signal, ...(init?.signal ? [init.signal] : [])];
    try {
      // No cookies: issuers' documents are public, and a badge must not make credentialed requests. Only
      // `accept` and the document cache's validators pass (an Authorization or Cookie header handed in
      // would go to a host the badge chose), and no Referer: the worker's URL names the extension (in Firefox a per-install
      // moz-extension UUID). Neither browser sent one from the worker in test/browser/no-cookies.test.ts
      // and firefox-no-cookies.test.ts; the policy says so rather than rely on it (Referrer Policy §3.1).
      // No answer at all (offline, refused, reset, timed out) is marked as such (network-log.ts).
      const request = { ...plainHeaders(init?.headers), signal: AbortSignal.any(signals), credentials: 'omit', referrerPolicy: 'no-referrer' } as const;
      const res = await fetch(url, { ...request, ...(refuseRedirects ? { redirect: 'manual', cache: 'no-store' } : { redirect: 'follow' }) }).catch(async (e: unknown) => {
        // Fetch §4.4 HTTP-redirect fetch: a Location that is not http(s) is a network error. The server
        // answered: a refusal, not an outage, where the error says so (undici's cause; the Location's
        // scheme is then read from a request not following it). A browser's "Failed to fetch" says
        // nothing, and a request with redirect: 'manual' answers any 3xx opaque there (Fetch §2.2.6), so
        // asking again could not tell a redirect to file: from an outage: it stays an outage.
        const redirect = !refuseRedirects && !request.signal.aborted && otherScheme(e) ? await unfollowed(fetch, url, request) : undefined;
        if (redirect) throw refusedRead(new TypeError(`${u.origin} redirected to an address that is not followed`), { url, scheme: redirect.scheme });
        throw unreachable(e);
      });
      // A manual redirect comes back opaque (type 'opaqueredirect', status 0) from a browser, as a 3xx elsewhere.
      if (refuseRedirects && (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304) || res.redirected)) {
        throw new TypeError(`${u.origin} answered with a redirect: hover verification does not follow redirects`);
      }
      if (res.redirected && res.url && res.url !== url) {
        const to = new URL(res.url);
        if (!sameSite(u, to)) throw new TypeError(`${u.origin} redirected to another site (${to.origin}): not followed`);
        if (!(await permissions.contains(res.url))) throw new HostPermissionError(to.origin);
      }
      const body = await readCapped(res, maxBytes, url).catch((e: unknown) => {
        throw e instanceof BodyTooLargeError ? refusedRead(e, { url, maxBytes }) : unreachable(e);
      });
      const out = bytesResponse(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      // Keep where it ended, for the document cache.
      Object.defineProperties(out, { url: { value: res.url || url }, redirected: { value: res.redirected } });
      return out;
    } catch (e) {
      stop.abort(e);
      throw e;
    } finally {
      deadline.clear();
    }
  };
}

/** What a GET for a public document says: what it accepts, and the document cache's validators (RFC 9110 §13.1). */
const PLAIN_HEADERS = ['accept', 'if-none-match', 'if-modified-since'];

/** Those of the request's headers alone: no other header reaches a host a badge names. */
function plainHeaders(given: HeadersInit | undefined): { headers?: Record<string, string> } {
  if (given === undefined) return {};
  const all = new Headers(given);
  const kept = Object.fromEntries(PLAIN_HEADERS.flatMap((n) => (all.has(n) ? [[n, all.get(n)!]] : [])));
  return Object.keys(kept).length ? { headers: kept } : {};
}

/** Whether a fetch failed on a redirect to a non-http(s) scheme (undici: its cause says so; a browser's "Failed to fetch" does not). */
const otherScheme = (e: unknown): boolean => e instanceof TypeError && /scheme must be a? ?HTTP\(S\)/i.test(String((e.cause as Error | undefined)?.message));

/**
 * Whether the link answers a redirect to a scheme other than http(s), asked again without following
 * it: that scheme (lower case, with its colon) when the answer's Location shows it (Node). A browser
 * answers any 3xx as an opaque redirect (Fetch §2.2.6), its Location hidden: a redirect to an http(s)
 * host that is down looks the same, so it is no answer (undefined), and neither is a redirect to
 * http(s) or no redirect at all: the link is unreachable as before, an outage.
 */
async function unfollowed(fetch: HostFetchOptions['fetch'], url: string, request: RequestInit): Promise<{ scheme: string } | undefined> {
  const res = await fetch(url, { ...request, redirect: 'manual' }).catch(() => undefined);
  await res?.body?.cancel().catch(() => undefined);
  if (!res || res.type === 'opaqueredirect') return undefined;
  const to = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
  const scheme = to && URL.canParse(to, url) ? new URL(to, url).protocol : undefined;
  return scheme && scheme !== 'http:' && scheme !== 'https:' ? { scheme } : undefined;
}

/** The permission pattern a URL needs (what the popup asks for). */
export const patternFor = originPattern;
