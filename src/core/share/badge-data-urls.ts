/**
 * Site knowledge for verify on hover and for a link pasted into "Add a badge": badge web pages whose
 * badge DATA lives at another URL that the page's URL determines (the popup asks for that URL's host,
 * the library reads and stores the badge by it: src/background/services/library.ts). Only mappings with public evidence are listed (each cites it); any
 * other page is fetched as it is, and a page that answers HTML is reported as a web page, not
 * checked (core/verify/pipeline.ts). The data URL goes through every hover rule the page URL
 * would: http(s) only, no private hosts, no redirects, and the host permission of ITS origin
 * (never granted here: a missing grant is an indeterminate answer that says which host to allow).
 */

interface DataUrlRule {
  /** The page's host, exactly; absent: any host, and the data URL stays on the page URL's origin. */
  hosts?: readonly string[];
  /** The page's path; the first group is the badge's id. */
  path: RegExp;
  /** The badge data's URL for that id (and the page URL's origin). */
  data: (id: string, origin: string) => string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const DATA_URL_RULES: readonly DataUrlRule[] = [
  {
    // Credly: www.credly.com/badges/{uuid} is an HTML page; the badge's Open Badges 2.0 hosted
    // assertion is api.credly.com/v1/obi/v2/badge_assertions/{the same uuid}. Evidence: Credly's
    // Ruby client (jameso-student/credly-ruby lib/credly/actions/obi.rb: `obi/v2/badge_assertions/#{badge_id}`
    // on the v1 API) and integrations that map the page to it (e.g. a Convex action:
    // "`https://api.credly.com/v1/obi/v2/badge_assertions/${m[1]}`" for www.credly.com /badges/{uuid}).
    hosts: ['www.credly.com', 'credly.com'],
    path: new RegExp(`^/badges/(${UUID})(?:/public_url|/linked_in_profile)?/?$`, 'i'),
    data: (id) => `https://api.credly.com/v1/obi/v2/badge_assertions/${id.toLowerCase()}`,
  },
  {
    // badgr-server (Badgr, Canvas Credentials, Parchment, self-hosted): an assertion's image and
    // baked image answer only with a redirect to the storage host (BadgeInstanceImage:
    // `return redirect(image_url)`; BakedBadgeInstanceImage: `return redirect(redirect_url,
    // permanent=True)`), which hover never follows. Both routes carry the assertion's entity id
    // (apps/issuer/public_api_urls.py: `^assertions/(?P<entity_id>[^/]+)/image`, `.../baked`, and
    // the assertion itself at `^assertions/(?P<entity_id>[^/.]+)$`), so the badge behind the image
    // is the assertion at /public/assertions/{id} on the same origin: no other host is reached.
    path: /^\/public\/assertions\/([A-Za-z0-9_-]{4,})\/(?:image|baked)\/?$/,
    data: (id, origin) => `${origin}/public/assertions/${id}`,
  },
];

/** The URL of the badge data behind a known badge page, or null (the URL is fetched as it is). */
export function badgeDataUrl(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  if (!/^https?:$/.test(u.protocol) || u.username || u.password) return null;
  for (const rule of DATA_URL_RULES) {
    // A rule that names its hosts leads to another origin: https and default ports only.
    if (rule.hosts && (u.protocol !== 'https:' || u.port || !rule.hosts.includes(u.hostname))) continue;
    const m = rule.path.exec(u.pathname);
    if (m?.[1]) return rule.data(m[1], u.origin);
  }
  return null;
}
