/**
 * The `Link` header (RFC 8288 §3) as OB 2.1 and OB 3.0 paging use it: rel `next`, `last`,
 * `first`, `prev`. Targets resolve against the request URL; a `next` on another origin is refused
 * by the caller, so a token is never sent elsewhere.
 */

export function parseLinkHeader(value: string | null, base: string): Map<string, string> {
  const links = new Map<string, string>();
  if (!value) return links;
  // <uri>; param=value; rel="a b", <uri2>; rel=next
  const re = /<([^>]*)>\s*((?:;\s*[^;,]*)*)/g;
  for (const m of value.matchAll(re)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(m[2] ?? '');
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    let target: string;
    try {
      target = new URL(m[1] ?? '', base).toString();
    } catch {
      continue;
    }
    for (const r of rels) if (!links.has(r)) links.set(r, target);
  }
  return links;
}
