/**
 * LinkedIn deep links. "Add to profile" pre-fills the certification form
 * (https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME, see
 * shared/reference/backpacks-sharing-mail.md §2.1); "share-offsite" posts a link whose preview
 * comes from the target's Open Graph tags (§2.2), so only `url` is sent.
 */
import { yearMonth } from './dates.ts';
import { displayText, hasVisibleText, oneLine } from './display.ts';
import { holdsAddress, publicShareUrl, safeHttpUrl, shareableUrl } from './escape.ts';
import { isPrivateHost } from '../verify/private-address.ts';

export interface LinkedInCertification {
  name: string;
  /** LinkedIn's numeric company id: gives the issuer's logo and page. Used instead of the name when valid. */
  organizationId?: string;
  organizationName?: string;
  /** ISO 8601 */
  issuedOn?: string;
  expires?: string;
  /** The public, verifiable URL ("Credential URL"); dropped unless http(s) without a token. */
  certUrl?: string;
  /** "Credential ID" */
  certId?: string;
}

/** LinkedIn organization ids are plain digits ("usually 6 to 9"). */
export const isLinkedInOrgId = (id: string | undefined): id is string => typeof id === 'string' && /^\d{1,12}$/.test(id.trim());

/**
 * Whether LinkedIn is given the badge's expiry: not when it is before the issue (a malformed
 * badge: verification fails it), as LinkedIn's form will not take an end date before the start
 * date. The Add-to-profile link and the form filler (content/actions/linkedin-form.ts) alike.
 */
export function expiryShown(issuedOn: string | undefined, expires: string | undefined): boolean {
  const issued = yearMonth(issuedOn);
  const end = yearMonth(expires);
  return !!end && !(issued && end.year * 12 + end.month < issued.year * 12 + issued.month);
}

/**
 * A badge's text as one of LinkedIn's certification fields takes it (Name, Issuing organization,
 * Credential ID: one-line inputs, reference §2.3): on one line (display.ts oneLine; an <input>
 * would drop a break and run the words together, HTML's value sanitization), the other controls
 * shown through display.ts (LinkedIn would obey a bidi override; the user sees ⟨RLO⟩), cut after 300 characters (then "…"). The Add-to-profile link and the form
 * filler (content/actions/linkedin-form.ts) alike.
 */
export const certificationText = (text: string): string => displayText(oneLine(text), 300);

/**
 * The link LinkedIn is given (the Credential URL, a post's link): one that may be public
 * (escape.ts publicShareUrl) and on the public internet. One on a local or private network
 * (core/verify/private-address.ts: localhost, 192.168.x.x, `.corp`, a single-label host) opens for
 * nobody who reads the profile, and LinkedIn's crawler cannot fetch a post's preview from it
 * (reference §2.1 "public verification URL", §2.2): none then. The link, the form filler
 * (content/actions/linkedin-form.ts) and the post alike.
 */
export function linkedInLink(raw: string | undefined): string | undefined {
  const url = publicShareUrl(raw);
  return url && !isPrivateHost(new URL(url).hostname) ? url : undefined;
}

export function linkedInAddToProfileUrl(c: LinkedInCertification): string {
  const p = new URLSearchParams({ startTask: 'CERTIFICATION_NAME', name: certificationText(c.name) });
  if (isLinkedInOrgId(c.organizationId)) p.set('organizationId', c.organizationId.trim());
  // A name of only controls and spaces would reach LinkedIn as a row of markers (⟨RLO⟩): none then.
  else if (hasVisibleText(c.organizationName)) p.set('organizationName', certificationText(c.organizationName));
  const issued = yearMonth(c.issuedOn);
  if (issued) {
    p.set('issueYear', String(issued.year));
    p.set('issueMonth', String(issued.month));
  }
  const expires = expiryShown(c.issuedOn, c.expires) ? yearMonth(c.expires) : undefined;
  if (expires) {
    p.set('expirationYear', String(expires.year));
    p.set('expirationMonth', String(expires.month));
  }
  const certUrl = linkedInLink(c.certUrl);
  if (certUrl) p.set('certUrl', certUrl);
  // The id too: an OB 3.0 id is any string, and a public URL's last segment decodes %E2%80%AE to an override.
  if (c.certId?.trim()) p.set('certId', certificationText(c.certId));
  return `https://www.linkedin.com/profile/add?${p.toString()}`;
}

/** A LinkedIn post of a public link; undefined when the link is not http(s), carries a token or is on a private network (linkedInLink). */
export function linkedInShareUrl(publicUrl: string | undefined): string | undefined {
  const url = linkedInLink(publicUrl);
  return url ? `https://www.linkedin.com/sharing/share-offsite/?${new URLSearchParams({ url }).toString()}` : undefined;
}

/** decodeURIComponent throws on a bad escape (`%E0%A4%A`, `%zz`): then the segment is kept as it is. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The last path segment, decoded, without ".json"; with the URL's query when it has one that may
 * be shared (escape.ts shareableUrl: no token or address, Badgr's identity hint dropped), as the
 * query then names the badge: Moodle's `badges/assertion.php?b=<hash>&obversion=2` is
 * "assertion.php" for every badge without it.
 */
const lastSegment = (url: string | undefined): string | undefined => {
  const href = url ? safeHttpUrl(url) : undefined;
  const last = href ? new URL(href).pathname.split('/').filter(Boolean).pop() : undefined;
  const segment = last ? safeDecode(last).replace(/\.json$/i, '') || undefined : undefined;
  const query = segment ? shareableUrl(href)?.search : undefined;
  return query ? `${segment}${query}` : segment;
};

/**
 * LinkedIn's "Credential ID" for a badge, the same from every surface (the popup, the LinkedIn
 * page's button and form filler): an http(s) id (a Badgr assertion URL, an OB 3.0 credential
 * URL) gives its last path segment, decoded, without ".json" (Badgr's entityId, what
 * mint-o-badges and edubadges send, reference §2.1; the full URL is already the Credential URL),
 * with its query when that names the badge (lastSegment);
 * any other id (urn:uuid:…) is itself; with no id, the public link's last segment.
 */
export function credentialIdFor(id: string | undefined, publicUrl?: string): string | undefined {
  const trimmed = id?.trim();
  const certId = trimmed && /^https?:/i.test(trimmed) ? (lastSegment(trimmed) ?? lastSegment(publicUrl)) : trimmed || lastSegment(publicUrl);
  // LinkedIn shows the Credential ID on the public profile: never an address (a `mailto:` id, a recipient's path).
  return certId && !holdsAddress(certId) ? certId : undefined;
}

/**
 * The user's LinkedIn organization id for an issuer: the map is keyed by issuer id (what "Set the
 * LinkedIn page" on a badge stores) or, typed in the settings, by issuer name. A name is the
 * issuer's own word: any issuer can call itself "Harvard University", and its badges would go to
 * LinkedIn under Harvard's page and logo. So a name is looked up only for an issuer that has no id.
 */
export function organizationIdFor(
  map: Readonly<Record<string, string>>,
  issuer: { id?: string; name?: string },
): string | undefined {
  const key = issuer.id || issuer.name;
  return key && Object.hasOwn(map, key) && isLinkedInOrgId(map[key]) ? map[key]?.trim() : undefined;
}
