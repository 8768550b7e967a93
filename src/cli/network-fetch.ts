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
 *   request; a name is looked up once and refused when any of its addresses is private, and the
 *   connection goes to those very addresses (src/cli/pinned-get.ts): a DNS server that answers a
 *   public address to the check and 127.0.0.1 to the connection (DNS rebinding) is never asked twice.
 *   A name that cannot be looked up is not fetched (a second lookup could answer otherwise).
 * - Redirects are followed here, at most MAX_REDIRECTS, each hop checked like the first: Node's own
 *   following would reach a private address a public server redirects to. The answer keeps the URL it
 *   ended at and `redirected`, for fetchOnce's same-site rule (src/core/verify/fetch-once.ts).
 * - What Node's fetch refused is refused still: schemes other than http(s), URLs with a user name or
 *   password, the Fetch standard's bad ports. No proxy from the environment (HTTP_PROXY, ...) is used:
 *   a proxy would look the name up again itself.
 */
import { lookup } from 'node:dns/promises';
import { isPrivateAddress, isPrivateHost, parseV4 } from '../core/verify/private-address.ts';
import { pinnedGet, type Get } from './pinned-get.ts';

/** Browsers follow 20; an issuer's document needs one or two (http → https, a moved path). */
export const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** Ports no fetch reaches (Fetch standard, "bad port"), as Node's fetch and the browsers refuse them. */
const BAD_PORTS = new Set([0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080].map(String));

/** A name's addresses (Node's resolver). */
export type Lookup = (hostname: string) => Promise<string[]>;
const systemLookup: Lookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface NetworkOptions {
  /** Origins the user gave as input URLs: fetched wherever they are. */
  allowOrigins: readonly string[];
  /** Default: Node's resolver. Asked once per hop; the connection uses what it answered. */
  lookup?: Lookup;
  /** One GET to the addresses given (default: pinned-get.ts). */
  get?: Get;
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

/** The name's addresses, looked up once; a failed or empty answer fails the fetch as fetch would ("fetch failed", the cause's code). */
async function resolve(host: string, options: NetworkOptions, signal: AbortSignal): Promise<string[]> {
  const notFound = (cause?: unknown) => new TypeError('fetch failed', { cause: Object.assign(new Error(`${host} could not be looked up`, { cause }), { code: (cause as { code?: string })?.code ?? 'ENOTFOUND' }) });
  const addresses = await until((options.lookup ?? systemLookup)(host).catch((e: unknown) => Promise.reject(notFound(e))), signal);
  if (addresses.length === 0) throw notFound();
  return addresses;
}

/** The addresses `u` may be fetched from: refused unless http(s), on a good port, and public or the user's own site. */
async function check(u: URL, options: NetworkOptions, signal: AbortSignal): Promise<string[]> {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`${u.protocol} URLs are not fetched`);
  if (u.username || u.password) throw new TypeError('a URL with a user name or password is not fetched');
  if (BAD_PORTS.has(u.port)) throw new TypeError(`port ${u.port} is not fetched (a bad port in the Fetch standard)`);
  const literal = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : parseV4(u.hostname) ? u.hostname : null;
  // The site given, or the same host upgraded to https (fetch-once.ts sameSite: the host vouches for both).
  if (options.allowOrigins.includes(u.origin) || (u.protocol === 'https:' && u.port === '' && options.allowOrigins.includes(`http://${u.host}`))) {
    return literal ? [literal] : resolve(u.hostname, options, signal);
  }
  if (isPrivateHost(u.hostname)) throw new PrivateHostError(u.host);
  if (literal) return [literal];
  const addresses = await resolve(u.hostname, options, signal);
  if (addresses.some(isPrivateAddress)) throw new PrivateHostError(u.host);
  return addresses;
}

/** GET `url` with `init`'s headers and signal (one for every hop), refusing private hosts, each redirect's too. */
export function networkFetch(options: NetworkOptions): (url: string, init: { headers?: Record<string, string>; signal: AbortSignal }) => Promise<Response> {
  const get = options.get ?? pinnedGet;
  return async (url, init) => {
    let at = new URL(url);
    for (let hops = 0; ; hops++) {
      const addresses = await check(at, options, init.signal);
      const res = await get(at, { headers: init.headers ?? {}, signal: init.signal, addresses });
      const location = REDIRECT.has(res.status) ? res.headers.get('location') : null;
      if (location === null) {
        Object.defineProperties(res, { url: { value: at.href }, redirected: { value: hops > 0 } });
        return res;
      }
      await res.body?.cancel().catch(() => undefined);
      if (hops === MAX_REDIRECTS) throw new TypeError(`more than ${MAX_REDIRECTS} redirects`);
      at = new URL(location, at);
    }
  };
}
