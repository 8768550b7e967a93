/**
 * The `Link` header (RFC 8288 §3) as OB 2.1 and OB 3.0 paging use it: rel `next`, `last`,
 * `first`, `prev`. Targets resolve against the request URL; a `next` on another origin is refused
 * by the caller, so a token is never sent elsewhere.
 *
 * Read by its grammar, not by splitting on `,` and `;`: a link-param's value may be a
 * quoted-string (RFC 9110 §5.6.4, with `\` escapes), which can hold both, so a `title="Page 2, of 5"`
 * before `rel="next"` lost the next link and the listing ended as if complete.
 */

export function parseLinkHeader(value: string | null, base: string): Map<string, string> {
  const links = new Map<string, string>();
  if (!value) return links;
  for (const link of linkValues(value)) {
    // §3.2: an anchor names another context than the page read; its links are not this page's.
    const anchor = link.params.get('anchor');
    if (anchor !== undefined && resolve(anchor, base) !== resolve('', base)) continue;
    const target = resolve(link.target, base);
    if (target === undefined) continue;
    // §3.3: relation types are compared case-insensitively, and a space-separated list names several.
    for (const r of (link.params.get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean)) if (!links.has(r)) links.set(r, target);
  }
  return links;
}

function resolve(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).toString();
  } catch {
    return undefined;
  }
}

interface LinkValue {
  target: string;
  /** Parameter names lower-cased; the first occurrence of each kept (§3.3 for `rel`, §3.2 for `anchor`). */
  params: Map<string, string>;
}

const WS = /[ \t]/;

/** `#link-value`, `link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )` (§3). */
function linkValues(s: string): LinkValue[] {
  const out: LinkValue[] = [];
  let i = 0;
  const skipWs = (): void => {
    while (i < s.length && WS.test(s[i]!)) i++;
  };
  /** Skips to just past the next `,` outside a quoted-string: the end of a link-value that cannot be read. */
  const skipValue = (): void => {
    while (i < s.length && s[i] !== ',') {
      if (s[i] === '"') readQuoted();
      else i++;
    }
    i++;
  };
  /** quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE, from the opening quote at i. */
  const readQuoted = (): string => {
    let v = '';
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      v += s[i];
      i++;
    }
    i++;
    return v;
  };
  while (i < s.length) {
    skipWs();
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] !== '<') {
      skipValue();
      continue;
    }
    const close = s.indexOf('>', i);
    if (close < 0) break;
    const link: LinkValue = { target: s.slice(i + 1, close), params: new Map() };
    i = close + 1;
    for (;;) {
      skipWs();
      if (s[i] !== ';') break;
      i++;
      skipWs();
      let name = '';
      while (i < s.length && !/[=;,\s]/.test(s[i]!)) name += s[i++];
      skipWs();
      let val = '';
      if (s[i] === '=') {
        i++;
        skipWs();
        if (s[i] === '"') val = readQuoted();
        else while (i < s.length && !/[;,\s]/.test(s[i]!)) val += s[i++];
      }
      const key = name.toLowerCase();
      if (key && !link.params.has(key)) link.params.set(key, val);
    }
    out.push(link);
    skipWs();
    if (i < s.length && s[i] !== ',') skipValue();
  }
  return out;
}
