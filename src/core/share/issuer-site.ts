/**
 * Where an issuer is, as verification knows it. A badge's issuer `name` and `url` are the issuer's
 * own words: anyone may publish an issuer profile named "Harvard University" whose `url` is
 * https://www.harvard.edu, and a badge from it verifies (OB 2.0 §Profile `url` is a homepage, not
 * an identity). What the checks tie the badge to is the issuer's id: the origin its hosted
 * assertions must be on (OB 2.0 §HostedBadge Verification), the profile or DID document that must
 * list its key (OB 3.0 verification.md; keys/binding.ts). This names that place for display: the
 * host of an http(s) id or of a did:web, or the DID itself (never a DID URL's path, query or
 * fragment), shortened at both ends, for other methods; nothing for an id that names no place
 * (urn:uuid:…) or a DID not in DID Core syntax. A host is written as the URL parser writes it, an
 * internationalised name in its xn-- form, so that look-alike letters (Cyrillic "аррӏе") show.
 */
const host = (url: string): string | undefined => {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
};

export function issuerSite(issuerId: string | undefined): string | undefined {
  const id = issuerId?.trim();
  if (!id) return undefined;
  if (/^https?:\/\//i.test(id)) return host(id);
  const web = /^did:web:([^:/?#]+)/.exec(id);
  if (web) {
    let h: string;
    try {
      h = decodeURIComponent(web[1]!);
    } catch {
      return undefined;
    }
    // Only a host the did:web resolver reads (keys/did.ts didWebUrl: ASCII letters, digits, dots and
    // hyphens, a port): the URL parser reads more, a backslash as "/" and full-width letters or
    // U+3002 as ASCII ones, so `did:web:harvard.edu%5Cevil.example` showed "harvard.edu" for a DID
    // that resolves nowhere.
    return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(h) ? host(`https://${h}/`) : undefined;
  }
  // The DID itself, without a DID URL's path, query or fragment (DID Core §3.2): `did:key:<mine>#<any>`
  // resolves to <mine> (keys/did.ts didOf), so its fragment's end must not stand for the key's end.
  const did = /^did:[^/?#]*/.exec(id)?.[0] ?? '';
  // DID Core §3.1: method-name = lowercase letters and digits; method-specific-id = idchar (ALPHA, DIGIT,
  // ".", "-", "_", pct-encoded) in ":"-separated parts, the last not empty. Nothing else (no bidi control,
  // no invisible or look-alike letter) is a DID, and none is shown as the issuer's place.
  if (!/^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/.test(did)) return undefined;
  // Shortened at both ends: a did:key's first 20 characters hold only 8 of its key's, few enough to grind a look-alike.
  return did.length > 32 ? `${did.slice(0, 20)}…${did.slice(-9)}` : did;
}

/** The longest site shown where room is short (the hover card, the issuer filter's entries). */
export const MAX_SITE_CHARS = 48;

/**
 * A site shortened at its start, never its end: the end names the site a host belongs to
 * (`harvard.edu.<120 letters>.evil.example` cut at its end read "harvard.edu.aaa…"). A DID comes
 * already shortened at both ends (issuerSite).
 */
export const siteEnd = (site: string, max = MAX_SITE_CHARS): string => (site.length > max ? `…${site.slice(site.length - max + 1)}` : site);

/**
 * Whether a homepage the issuer's profile claims (OB 2.0 §Profile `url`, OB 3.0 Profile `url`) is on
 * the issuer's own site: the host of its id or did:web, or a subdomain of it, a leading "www." aside.
 * Anyone's profile may claim https://www.harvard.edu; a card that links the issuer's name there
 * vouches for what no check tied the badge to. Sibling hosts (badges.uni.edu, www.uni.edu) are not
 * told apart from strangers without the Public Suffix List, so they are not linked either.
 */
export function onIssuerSite(url: string | undefined, issuerId: string | undefined): boolean {
  const site = issuerSite(issuerId);
  if (!url || !site || site.startsWith('did:')) return false;
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  const claimed = host(url);
  return claimed !== undefined && (bare(claimed) === bare(site) || claimed.toLowerCase().endsWith(`.${bare(site)}`));
}
