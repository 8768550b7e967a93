/**
 * Hosts a web page must not make Lanyard reach. Hover verification starts from a URL on a page,
 * so its fetches refuse (but for the user's own backpacks; the user's own imports and syncs do not):
 *
 * - addresses that are not on the public internet (RFC 6890 special-purpose registries): loopback,
 *   private (RFC 1918), carrier-grade NAT (RFC 6598), link-local, benchmarking, multicast and
 *   reserved IPv4; IPv6 loopback, unique-local (fc00::/7, RFC 4193), link-local (fe80::/10),
 *   site-local, multicast, discard; and IPv6 forms that carry an IPv4 address (IPv4-mapped and
 *   -compatible, SIIT, NAT64 64:ff9b::/96 (RFC 6052), 6to4 2002::/16), judged by that address;
 *   Teredo and local-use NAT64 (64:ff9b:1::/48) are refused outright;
 * - names that only mean something on a local network: single labels, `localhost`, `.local`
 *   (RFC 6762), `.lan`, `.home`, `.internal`, `.intranet`, `.corp`, `.private`, `.localdomain`,
 *   `.arpa` (home.arpa, RFC 8375; reverse zones);
 * - names that embed an IP address (wildcard DNS services: `10.0.0.1.nip.io`, `10-0-0-1.sslip.io`,
 *   `0a000001.nip.io`), which resolve to whatever address they spell.
 *
 * A name can still resolve to a private address (DNS rebinding): where the browser can resolve
 * names (Firefox's dns.resolve) the addresses are checked too; Chromium cannot (SECURITY.md).
 */
import type { Fetch } from '../../core/verify/context.ts';
import { isPrivateAddress, isPrivateHost, parseV4 } from '../../core/verify/private-address.ts';
import { refusedPrivate } from './network-log.ts';

export { isPrivateAddress, isPrivateHost };

/** Resolves a host name to its addresses (Firefox's dns.resolve); absent where the browser cannot. */
export type Resolve = (hostname: string) => Promise<string[]>;

export interface BlockOptions {
  /** Origins still allowed (the user's own backpacks). */
  allowOrigins?: readonly string[];
  /** With it, a name is resolved first and refused when any address is private (DNS rebinding, in part). */
  resolve?: Resolve;
}

const refused = (host: string) => refusedPrivate(new TypeError(`${host} is on a local or private network: hover verification does not reach it`), host);

/** A fetch that refuses local and private hosts, except the origins allowed. */
export function blockPrivateHosts(inner: Fetch, options: BlockOptions | readonly string[] = {}): Fetch {
  const { allowOrigins = [], resolve } = Array.isArray(options) ? { allowOrigins: options as readonly string[] } : (options as BlockOptions);
  return async (url, init) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new TypeError(`${url} is not a URL`);
    }
    if (allowOrigins.includes(u.origin)) return inner(url, init);
    if (isPrivateHost(u.hostname)) throw refused(u.host);
    if (resolve && !u.hostname.startsWith('[') && !parseV4(u.hostname)) {
      let addresses: string[];
      try {
        addresses = await resolve(u.hostname);
      } catch {
        throw new TypeError(`${u.host} could not be resolved: hover verification does not reach it`);
      }
      if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw refused(u.host);
    }
    return inner(url, init);
  };
}
