/**
 * Site knowledge for sharing: a badge whose id is an address that answers JSON to everyone, when
 * the same badge has a public web page that the id determines. Whoever follows the shared link
 * (LinkedIn's Credential URL, a post, the card, the e-mail) is a person: the page is shared. Only
 * mappings with public evidence are listed (each cites it); any other id is shared as it is.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

interface PageRule {
  /** The id's host, exactly (https and the default port only). */
  hosts: readonly string[];
  /** The id's path; the first group is the badge's id. */
  path: RegExp;
  page: (id: string) => string;
}

const PAGE_RULES: readonly PageRule[] = [
  {
    // Credly: an OB 2.0 hosted assertion's id is its API address (the real id of
    // test/fixtures/real/takesection-credly/aws-certified-machine-learning-engineer-associate.png is
    // www.credly.com/api/v1/obi/v2/badge_assertions/{uuid}; api.credly.com/v1/obi/v2/badge_assertions/{uuid}
    // in Credly's Ruby client), and the badge's page is www.credly.com/badges/{the same uuid}
    // (badge-data-urls.ts, which maps that page to that assertion, cites the evidence). Not the
    // OB 3.0 open_badge_credentials/{uuid}: nothing shows that its uuid is the page's.
    hosts: ['www.credly.com', 'api.credly.com'],
    path: new RegExp(`^(?:/api)?/v1/obi/v2/badge_assertions/(${UUID})/?$`, 'i'),
    page: (id) => `https://www.credly.com/badges/${id.toLowerCase()}`,
  },
];

/**
 * Moodle: an issued badge's OB 2.0 assertion is `{site}/badges/assertion.php?b={uniquehash}` (with
 * `obversion=2`; `action=1` is the OB 1.x badge class, not the assertion), JSON, and its page is
 * `{site}/badges/badge.php?hash={the same uniquehash}`: Moodle's badges renderer builds both from
 * one `uniquehash` (`new moodle_url('/badges/assertion.php', array('b' => $ibadge->hash))` beside
 * `new moodle_url('/badges/badge.php', array('hash' => $ibadge->hash, 'bake' => true))`; the
 * collection links an earned badge to `/badges/badge.php?hash=uniquehash`). The real id of
 * test/fixtures/real/chilowallet-moodle/assertion.json has this form. Any host (Moodle is
 * self-hosted, in a folder too): the page stays on the id's own origin.
 */
function moodlePage(url: URL): string | undefined {
  const site = /^(.*)\/badges\/assertion\.php$/.exec(url.pathname);
  if (!site || url.hash) return undefined;
  const names: string[] = [];
  url.searchParams.forEach((_, name) => names.push(name));
  const hash = url.searchParams.get('b');
  if (!hash || !/^[0-9a-f]{40}$/i.test(hash) || names.some((n) => n !== 'b' && n !== 'obversion') || names.length !== new Set(names).size) return undefined;
  return `${url.origin}${site[1]}/badges/badge.php?hash=${hash}`;
}

/** The public page of the badge whose id (an absolute http(s) URL) is `url`, or undefined. */
export function badgePageUrl(url: URL): string | undefined {
  const moodle = moodlePage(url);
  if (moodle) return moodle;
  if (url.protocol !== 'https:' || url.port || url.search || url.hash) return undefined;
  for (const rule of PAGE_RULES) {
    if (!rule.hosts.includes(url.hostname)) continue;
    const m = rule.path.exec(url.pathname);
    if (m?.[1]) return rule.page(m[1]);
  }
  return undefined;
}
