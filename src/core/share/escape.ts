/**
 * Escaping and URL allow-lists shared by every share builder. Everything that reaches HTML from a
 * badge is attacker-controlled (the issuer writes it), so text is always escaped and a URL is
 * kept only when it parses as absolute http(s).
 */

import { badgePageUrl } from './badge-page-urls.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The URL, normalised, when it is absolute http(s) without credentials; else undefined.
 * Credentials are refused because `https://bank.example@evil.example/` reads as the first host.
 */
export function safeHttpUrl(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}

/** Raster types, plus SVG: an <img> never runs an SVG's scripts, so it is safe to show in our own pages. */
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml)(;base64)?,[A-Za-z0-9+/=%._~!$&'()*,;:@-]*$/;

/**
 * An image source for the extension's own pages: http(s), or a data: image of an allowed type.
 * Mail and embed HTML use safeHttpUrl only (see card.ts).
 */
export function safeImageSrc(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw.startsWith('data:')) return raw.length <= 2_000_000 && DATA_IMAGE.test(raw) ? raw : undefined;
  return safeHttpUrl(raw);
}

/**
 * Query or fragment names that carry a secret: an OAuth token (RFC 6750 §2.3 `access_token`, RFC
 * 6749 §4.2.2 fragment), a session, a key or a signature, however spelt: compared without case,
 * `-` or `_` (`authToken`, `auth_token`, `access-token` are one name). A link holding one is never
 * shared: it would hand the secret to LinkedIn, a mail's readers or a blog's visitors. Any name
 * with "token", "secret", "password" or "signature" in it (`X-Amz-Security-Token`, Badgr's
 * `authToken` redirect, reference §1.7, `client_secret`); the others by their exact names (`code`
 * alone is not one: a public verification code is meant to be shared).
 */
const SECRET_IN_NAME = /token|secret|passw(or)?d|signature|apikey|accesskey|privatekey|sessionid|authcode/;
const SECRET_NAME = /^(auth|authorization|session|sid|jwt|key|pwd|sig|otp|ticket|xamzcredential|googleaccessid)$/;
const secretName = (name: string): boolean => {
  const n = name.trim().toLowerCase().replace(/[-_]/g, '');
  return SECRET_IN_NAME.test(n) || SECRET_NAME.test(n);
};

/**
 * An e-mail address (RFC 5322 addr-spec, roughly): in a link or an id, whoever reads it reads the
 * address. Its local part starts only where a run of such characters starts (the lookbehind): a
 * match tried from inside the run scanned the run again, quadratic time on a long id with no `@`.
 */
const ADDRESS = /(?<![^\s@/?#&=])[^\s@/?#&=]+@[^\s@/?#&=.]+\.[^\s@/?#&=]+/;

/** True when the text holds something written as an e-mail address (ADDRESS), in its first 4096 characters (what is shown of an id is far less). */
export const holdsAddress = (text: string): boolean => ADDRESS.test(text.slice(0, 4096));

/** The names and values of a URL's query and of a fragment written as one (`#a=1&b=2`). */
function fields(url: URL): [string, string][] {
  // forEach, not the keys() iterator: in Firefox's content scripts (LinkedIn's form filler) the
  // iterator URLSearchParams hands back is not iterable there ("keys() is not iterable").
  const out: [string, string][] = [];
  url.searchParams.forEach((value, name) => out.push([name, value]));
  const hash = url.hash.slice(1);
  if (hash.includes('=')) new URLSearchParams(hash).forEach((value, name) => out.push([name, value]));
  return out;
}

/** True when the URL's query or fragment names a secret (see SECRET_IN_NAME) or holds an e-mail address. */
export function carriesSecret(url: URL): boolean {
  return fields(url).some(([name, value]) => secretName(name) || ADDRESS.test(value));
}

/**
 * Badgr's hint to viewers of whom the badge is for (reference §1.8: `?identity__email=<address>`,
 * added by its share dialog's "include recipient identifier"): the user's address. The link opens
 * the same badge without it, so it is dropped, not the link.
 */
const IDENTITY_HINT = /^identity__/i;

/**
 * The longest link shared: the portable length of a URL (mail.ts MAX_MAILTO_CHARS), and room for
 * the sentence around it in a LinkedIn post (3,000 characters). A public badge page is never longer.
 */
export const MAX_SHARED_URL_CHARS = 2000;

/**
 * A link that may be shared publicly (LinkedIn, the card, the sentence, e-mail) as it is written:
 * absolute http(s), no credentials, at most MAX_SHARED_URL_CHARS, without Badgr's identity hint,
 * and no token, key, signature or e-mail address in its query or fragment; else undefined.
 */
export function shareableUrl(raw: string | undefined | null): URL | undefined {
  const href = safeHttpUrl(raw);
  if (!href) return undefined;
  const url = new URL(href);
  const hints: string[] = [];
  url.searchParams.forEach((_, name) => {
    if (IDENTITY_HINT.test(name)) hints.push(name);
  });
  for (const name of hints) url.searchParams.delete(name);
  return url.href.length <= MAX_SHARED_URL_CHARS && !carriesSecret(url) ? url : undefined;
}

/**
 * The link shared for a badge's address (shareableUrl), or undefined: a known badge id that
 * answers JSON to everyone is given as its badge's web page (badge-page-urls.ts).
 */
export function publicShareUrl(raw: string | undefined | null): string | undefined {
  const url = shareableUrl(raw);
  return url ? (badgePageUrl(url) ?? url.href) : undefined;
}
