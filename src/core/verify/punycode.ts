/**
 * An IDN domain's U-label form from its A-labels (RFC 5891 §5.4 ToUnicode, by RFC 3492's Punycode decoding):
 * `xn--bcher-kva.example` is `bücher.example`. The URL parser writes A-labels only, and an issuer that hashed its
 * recipient's address with the domain as its user wrote it hashed the U-labels (src/core/verify/recipient.ts
 * emailForms). Taken only when the URL parser writes it back as the same A-labels: a decoding that is not the
 * domain's own U-label (an uppercase, unmapped or invalid one) is no spelling of that domain.
 */
const BASE = 36;
const TMIN = 1;
const TMAX = 26;

/** RFC 3492 §6.1. */
function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - TMIN) * TMAX) >> 1; k += BASE) d = Math.floor(d / (BASE - TMIN));
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + 38));
}

/** The value of a basic code point as a digit (RFC 3492 §5), or BASE for none. */
function digit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 22;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  return BASE;
}

/** RFC 3492 §6.2 decoding of a label's Punycode (after "xn--"), or undefined when it is none. */
function decodeLabel(input: string): string | undefined {
  const b = Math.max(input.lastIndexOf('-'), 0);
  const out: number[] = [];
  for (let j = 0; j < b; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    out.push(c);
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let at = b > 0 ? b + 1 : 0; at < input.length; ) {
    const old = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined;
      const d = digit(input.charCodeAt(at++));
      if (d >= BASE) return undefined;
      i += d * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x7fffffff || w > 0x7fffffff) return undefined;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** The domain with its A-labels as U-labels, or undefined when it has none or one is not a valid A-label. */
export function unicodeDomain(domain: string): string | undefined {
  const labels = domain.split('.');
  if (domain.length > 253 || !labels.some((l) => /^xn--/i.test(l))) return undefined;
  const u: string[] = [];
  for (const l of labels) {
    const d = /^xn--/i.test(l) ? decodeLabel(l.slice(4)) : l;
    if (d === undefined) return undefined;
    u.push(d);
  }
  const unicode = u.join('.');
  try {
    return new URL(`http://${unicode}/`).hostname === domain.toLowerCase() && unicode !== domain ? unicode : undefined;
  } catch {
    return undefined;
  }
}
