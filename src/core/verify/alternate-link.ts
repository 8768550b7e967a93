/**
 * The badge data a web page links to as its alternate JSON (HTML Living Standard §4.6.6.1 "Link
 * type alternate" with a `type`: the page in another format): `<link rel="alternate"
 * type="application/ld+json" href="…">` in the page's head, as a badge page that knows its data can
 * say where that is. A badge link that answered such a page is read from that link once (pipeline.ts
 * resolveUrl); the badge is then verified as itself, by its own id, never trusted for the page's sake.
 * Only the page's first 64 KiB are searched (the head), and only an http(s) link is taken.
 */

import { linearMatches } from '../input/linear-matches.ts';
import type { Unpacked } from '../input/types.ts';

const HEAD_BYTES = 64 * 1024;
const LINK = /<link\b([^>]*)>/gi;
/** An attribute and its value, tried where one may start (`attributes`). */
const ATTR = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/y;
/** Where an attribute failing at a place cannot start before: the end of the run of name characters there (a <link> of 64 KiB of letters, retried from each, took 7 s). */
const NO_ATTR = /[-A-Za-z0-9_:.]*/y;
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
    for (const m of linearMatches(ATTR, NO_ATTR, attrs!)) if (!a.has(m[1]!.toLowerCase())) a.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
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

/** Contexts of the credentials Lanyard reads: Open Badges, the VC data models, 1EdTech's, Blockcerts. */
const BADGE_CONTEXT = /openbadges|w3\.org\/(?:2018\/credentials|ns\/credentials)|purl\.imsglobal\.org|imsglobal\.org\/spec|blockcerts|w3id\.org\/vc/i;
const BADGE_TYPE = /^(?:Assertion|VerifiableCredential|OpenBadgeCredential|AchievementCredential|ClrCredential|BlockcertsCredential)$/;

/**
 * Whether what the alternate link served is a badge rather than the site's own graph (a schema.org
 * WebSite or Organization is the commonest alternate JSON-LD): a baked image or a JWS, or JSON naming
 * a badge context or type. The engine reads any JSON object as a possible OB 2.0 badge, and a site's
 * graph would have turned "a web page" into "no badge" for a link that may be a badge's page.
 */
export function looksLikeBadge(u: Unpacked): boolean {
  if (u.kind === 'png' || u.kind === 'svg' || u.credential.type === 'jws') return true;
  if (u.credential.type !== 'json') return false;
  const doc = u.credential.json;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  const contexts = list(doc['@context']).filter((c): c is string => typeof c === 'string');
  const types = [...list(doc.type), ...list(doc['@type'])].filter((t): t is string => typeof t === 'string');
  // An OB 1.0 assertion names neither: its recipient and badge say what it is.
  return contexts.some((c) => BADGE_CONTEXT.test(c)) || types.some((t) => BADGE_TYPE.test(t)) || ('recipient' in doc && 'badge' in doc);
}
