/**
 * Hosts a web page must not make Lanyard reach: loopback, private, carrier-grade NAT and
 * link-local addresses, and names that only mean something on a local network (localhost,
 * `.local`, `.internal`, single labels). Hover verification starts from a URL on any page the user
 * granted, so its fetches refuse these (except the user's own backpacks); the user's own
 * imports and syncs do not.
 */
import type { Fetch } from '../../core/verify/context.ts';

const LOCAL_NAME = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

function privateV4(a: number, b: number): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (no dotted tail). */
function groups(v6: string): number[] | null {
  const [head = '', tail, extra] = v6.split('::');
  if (extra !== undefined) return null;
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const all = [...h, ...Array<string>(Math.max(fill, 0)).fill('0'), ...t].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((n) => n >= 0 && n <= 0xffff) ? all : null;
}

function privateV6(v6: string): boolean {
  const g = groups(v6);
  if (!g) return true; // unreadable: refuse
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroHead = g.slice(0, 5).every((n) => n === 0);
  if (zeroHead && g5 === 0 && g6 === 0 && g7 <= 1) return true; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible addresses: judge the IPv4 address.
  if (zeroHead && (g5 === 0xffff || g5 === 0)) return privateV4(g6 >> 8, g6 & 0xff);
  return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0;
}

/** Whether a URL's hostname (as `new URL()` normalises it) is a local or private one. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  if (host.startsWith('[')) return privateV6(host.slice(1, -1));
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return privateV4(Number(v4[1]), Number(v4[2]));
  return !host.includes('.') || LOCAL_NAME.test(host);
}

/** A fetch that refuses local and private hosts, except the origins given (the user's own backpacks). */
export function blockPrivateHosts(inner: Fetch, allowOrigins: readonly string[] = []): Fetch {
  return (url, init) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return Promise.reject(new TypeError(`${url} is not a URL`));
    }
    if (isPrivateHost(u.hostname) && !allowOrigins.includes(u.origin)) {
      return Promise.reject(new TypeError(`${u.host} is on a local or private network: hover verification does not reach it`));
    }
    return inner(url, init);
  };
}
