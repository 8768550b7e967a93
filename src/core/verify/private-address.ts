/**
 * Whether a host or an address is on the public internet (RFC 6890 special-purpose registries), as
 * plain functions of a URL's hostname or a resolved address, for every fetch that must not reach a
 * local or private network: hover verification (src/background/services/private-hosts.ts, where the
 * rules are listed) and the command line's network fetch (src/cli/network-fetch.ts).
 */
const LOCAL_SUFFIX = /(^|\.)(localhost|local|lan|home|internal|intranet|corp|private|localdomain|arpa)$/;
/** Wildcard DNS services that answer any address spelled in the name. */
const IP_ECHO = /(^|\.)(nip\.io|sslip\.io|xip\.io|nip\.direct|localtest\.me|lvh\.me|vcap\.me|traefik\.me|localho\.st|fuf\.me|lacolhost\.com)$/;
const DOTTED_IN_NAME = /(^|\.)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\.|$)/;
const DASHED_IN_NAME = /(^|[^0-9])(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})([^0-9]|$)/;

function privateV4([a = 0, b = 0, c = 0]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 || // this network, private, loopback, multicast and reserved (240/4, broadcast)
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local (cloud metadata)
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) || // IETF protocol assignments, TEST-NET-1
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  );
}

export function parseV4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const n = m.slice(1).map(Number);
  return n.every((x) => x <= 255) ? n : null;
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail and a %zone allowed), or null. */
function groups(v6: string): number[] | null {
  let s = v6.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    if (!v4) return null;
    s = s.slice(0, -dotted[1]!.length) + `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [head = '', tail, extra] = s.split('::');
  if (extra !== undefined) return null;
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  if (fill < 0 || [...h, ...t].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const all = [...h, ...Array<string>(fill).fill('0'), ...t].map((g) => parseInt(g, 16));
  return all.length === 8 ? all : null;
}

const v4Of = (hi: number, lo: number): number[] => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];

function privateV6(v6: string): boolean {
  const g = groups(v6);
  if (!g) return true; // unreadable: refuse
  const [g0 = 0, g1 = 0, g2 = 0, , g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(6) && g6 === 0 && g7 <= 1) return true; // :: and ::1
  if (zeroTo(5) && (g5 === 0xffff || g5 === 0)) return privateV4(v4Of(g6, g7)); // IPv4-mapped, IPv4-compatible
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return privateV4(v4Of(g6, g7)); // SIIT ::ffff:0:a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g[3] === 0 && g4 === 0 && g5 === 0) return privateV4(v4Of(g6, g7)); // NAT64 well-known
  if (g0 === 0x64 && g1 === 0xff9b) return true; // local-use NAT64 (RFC 8215)
  if (g0 === 0x2002) return privateV4(v4Of(g1, g2)); // 6to4
  if (g0 === 0x2001 && g1 === 0) return true; // Teredo: the IPv4 address hides in the low bits
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g[3] === 0) return true; // discard-only
  return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0 || (g0 & 0xff00) === 0xff00;
}

/** Whether a resolved address (IPv4 dotted, or IPv6 without brackets) is not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseV4(address);
  if (v4) return privateV4(v4);
  return address.includes(':') ? privateV6(address) : true;
}

const embedsIp = (host: string): boolean =>
  [DOTTED_IN_NAME.exec(host), DASHED_IN_NAME.exec(host)].some((m) => m !== null && m.slice(2, 6).every((n) => Number(n) <= 255));

/** Whether a URL's hostname (as `new URL()` normalises it) is a local or private one. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  if (host.startsWith('[')) return privateV6(host.slice(1, -1));
  const v4 = parseV4(host);
  if (v4) return privateV4(v4);
  if (/^[\d.]+$/.test(host)) return true; // a numeric name the URL parser did not read as IPv4
  return !host.includes('.') || LOCAL_SUFFIX.test(host) || IP_ECHO.test(host) || embedsIp(host);
}
