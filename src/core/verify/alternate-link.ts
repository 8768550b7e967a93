/**
 * The badge data a web page links to as its alternate JSON (HTML Living Standard §4.6.6.1 "Link
 * type alternate" with a `type`: the page in another format): `<link rel="alternate"
 * type="application/ld+json" href="…">` in the page's head, as a badge page that knows its data can
 * say where that is. A badge link that answered such a page is read from that link once (pipeline.ts
 * resolveUrl); the badge is then verified as itself, by its own id, never trusted for the page's sake.
 * Only the page's first 64 KiB are searched (the head), and only an http(s) link is taken.
 */

const HEAD_BYTES = 64 * 1024;
const LINK = /<link\b([^>]*)>/gi;
const ATTR = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
const JSON_TYPE = /^\s*application\/(?:ld\+json|json)\s*(?:;|$)/i;

/** `&amp;` and the few character references an href may hold (HTML §13.5 named and numeric references, the common ones). */
function unescapeAttr(value: string): string {
  return value.replace(/&(?:amp|quot|apos|lt|gt|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi, (whole, dec?: string, hex?: string) => {
    if (dec || hex) {
      const cp = dec ? Number(dec) : parseInt(hex!, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return { '&amp;': '&', '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>' }[whole.toLowerCase()] ?? whole;
  });
}

/** The absolute http(s) URL of the page's first alternate JSON link, or undefined. */
export function alternateJsonLink(page: Uint8Array, pageUrl: string): string | undefined {
  const html = new TextDecoder().decode(page.subarray(0, HEAD_BYTES));
  for (const [, attrs] of html.matchAll(LINK)) {
    const a = new Map<string, string>();
    for (const m of attrs!.matchAll(ATTR)) if (!a.has(m[1]!.toLowerCase())) a.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
    const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !JSON_TYPE.test(a.get('type') ?? '')) continue;
    const href = unescapeAttr(a.get('href') ?? '').trim();
    if (!href || !URL.canParse(href, pageUrl)) continue;
    const url = new URL(href, pageUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    url.hash = '';
    return url.href;
  }
  return undefined;
}
