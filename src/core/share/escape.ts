/**
 * Escaping and URL allow-lists shared by every share builder. Everything that reaches HTML from a
 * badge is attacker-controlled (the issuer writes it), so text is always escaped and a URL is
 * kept only when it parses as absolute http(s).
 */

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
 * 6749 §4.2.2 fragment), a session, a key or a signature. A link holding one is never shared: it
 * would hand the secret to LinkedIn, a mail's readers or a blog's visitors.
 */
const SECRET_PARAM = /^(access_?token|id_?token|refresh_?token|token|auth|authorization|session(_?id)?|sid|jwt|api_?key|key|secret|password|passwd|pwd|sig|signature|x-amz-signature|x-amz-credential|x-goog-signature)$/i;

/** True when the URL's query or fragment names a secret (see SECRET_PARAM). */
export function carriesSecret(url: URL): boolean {
  // forEach, not the keys() iterator: in Firefox's content scripts (LinkedIn's form filler) the
  // iterator URLSearchParams hands back is not iterable there ("keys() is not iterable").
  const names: string[] = [];
  url.searchParams.forEach((_, name) => names.push(name));
  const hash = url.hash.slice(1);
  if (hash.includes('=')) new URLSearchParams(hash).forEach((_, name) => names.push(name));
  return names.some((n) => SECRET_PARAM.test(n.trim()));
}

/**
 * A link that may be shared publicly (LinkedIn, the card, the sentence, e-mail): absolute http(s),
 * no credentials, and no token, key or signature in its query or fragment; else undefined.
 */
export function publicShareUrl(raw: string | undefined | null): string | undefined {
  const href = safeHttpUrl(raw);
  return href && !carriesSecret(new URL(href)) ? href : undefined;
}
