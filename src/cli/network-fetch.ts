/**
 * The command line's fetch to the network. A badge names the URLs Lanyard fetches (its issuer, badge
 * class, keys, status lists), and a hostile badge could name a service on the verifying machine's own
 * network: the loopback, a router's admin page, a cloud's metadata address (169.254.169.254), whose
 * JSON answers --json would then print, to whoever runs a verification service over uploaded badges.
 * The extension never reaches those hosts (hover: src/background/services/private-hosts.ts; imports:
 * only the hosts the user granted), so neither does the command line, with one exception: an origin
 * the user gave as an input URL (a local issuer under test, an intranet) is the user's own choice.
 *
 * - A host on a local or private network (src/core/verify/private-address.ts) is refused before any
 *   request; a name is looked up first and refused when any of its addresses is private. (A name that
 *   resolves again differently for the request itself, DNS rebinding, is not caught: see SECURITY.md.)
 * - Redirects are followed here, at most MAX_REDIRECTS, each hop checked like the first: Node's own
 *   following would reach a private address a public server redirects to. The answer keeps the URL it
 *   ended at and `redirected`, for fetchOnce's same-site rule (src/core/verify/fetch-once.ts).
 */
import { lookup } from 'node:dns/promises';
import type { Fetch } from '../core/verify/context.ts';
import { isPrivateAddress, isPrivateHost, parseV4 } from '../core/verify/private-address.ts';

/** Browsers follow 20; an issuer's document needs one or two (http → https, a moved path). */
export const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** A name's addresses (Node's resolver, as the request will use it). */
export type Lookup = (hostname: string) => Promise<string[]>;
const systemLookup: Lookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface NetworkOptions {
  /** Origins the user gave as input URLs: fetched wherever they are. */
  allowOrigins: readonly string[];
  /** Default: Node's resolver. */
  lookup?: Lookup;
  /** Default: Node's fetch. */
  fetch?: typeof globalThis.fetch;
}

export class PrivateHostError extends Error {
  constructor(readonly host: string) {
    super(`${host} is on a local or private network: a URL a badge names is not fetched there (give it as an input URL to allow its site, or --map it)`);
    this.name = 'PrivateHostError';
  }
}

/** `p`, or the signal's reason as soon as it aborts: a lookup cannot be cancelled, and must not outlast the fetch's timeout. */
function until<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

async function check(u: URL, options: NetworkOptions, signal: AbortSignal): Promise<void> {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`${u.protocol} URLs are not fetched`);
  // The site given, or the same host upgraded to https (fetch-once.ts sameSite: the host vouches for both).
  if (options.allowOrigins.includes(u.origin) || (u.protocol === 'https:' && u.port === '' && options.allowOrigins.includes(`http://${u.host}`))) return;
  if (isPrivateHost(u.hostname)) throw new PrivateHostError(u.host);
  if (u.hostname.startsWith('[') || parseV4(u.hostname)) return;
  // A name that cannot be looked up is left to the request, which says why in its own words.
  const addresses = await until((options.lookup ?? systemLookup)(u.hostname).catch(() => null), signal);
  if (addresses?.some(isPrivateAddress)) throw new PrivateHostError(u.host);
}

/** GET `url` with `init`'s headers and signal (one for every hop), refusing private hosts, each redirect's too. */
export function networkFetch(options: NetworkOptions): (url: string, init: { headers?: Record<string, string>; signal: AbortSignal }) => Promise<Response> {
  const doFetch = options.fetch ?? globalThis.fetch;
  return async (url, init) => {
    let at = new URL(url);
    for (let hops = 0; ; hops++) {
      await check(at, options, init.signal);
      const res = await doFetch(at.href, { ...(init.headers ? { headers: init.headers } : {}), signal: init.signal, redirect: 'manual' });
      const location = REDIRECT.has(res.status) ? res.headers.get('location') : null;
      if (location === null) {
        if (hops > 0) Object.defineProperties(res, { url: { value: at.href }, redirected: { value: true } });
        return res;
      }
      await res.body?.cancel().catch(() => undefined);
      if (hops === MAX_REDIRECTS) throw new TypeError(`more than ${MAX_REDIRECTS} redirects`);
      at = new URL(location, at);
    }
  };
}
