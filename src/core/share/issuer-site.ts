/**
 * Where an issuer is, as verification knows it. A badge's issuer `name` and `url` are the issuer's
 * own words: anyone may publish an issuer profile named "Harvard University" whose `url` is
 * https://www.harvard.edu, and a badge from it verifies (OB 2.0 §Profile `url` is a homepage, not
 * an identity). What the checks tie the badge to is the issuer's id: the origin its hosted
 * assertions must be on (OB 2.0 §HostedBadge Verification), the profile or DID document that must
 * list its key (OB 3.0 verification.md; keys/binding.ts). This names that place for display: the
 * host of an http(s) id or of a did:web, or the DID itself, shortened at both ends, for other methods; nothing
 * for an id that names no place (urn:uuid:…). A host is written as the URL parser writes it, an
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
    return /^[^/?#@\s]+$/.test(h) ? host(`https://${h}/`) : undefined;
  }
  const did = /^did:[a-z0-9]+:\S+$/.exec(id);
  // Shortened at both ends: a did:key's first 20 characters hold only 8 of its key's, few enough to grind a look-alike.
  if (did) return id.length > 32 ? `${id.slice(0, 20)}…${id.slice(-9)}` : id;
  return undefined;
}
