/**
 * Backpack hosts the sign-in form offers (shared/reference/backpacks-sharing-mail.md §1.1):
 * Canvas Credentials (ex-Badgr) and Parchment Digital Badges per region; a custom host is allowed.
 */
export type Region = 'us' | 'eu' | 'au' | 'ca' | 'sg';
export const REGIONS: readonly Region[] = ['us', 'eu', 'au', 'ca', 'sg'];

export const BADGR_HOSTS: Record<Region, string> = {
  us: 'https://api.badgr.io',
  eu: 'https://api.eu.badgr.io',
  au: 'https://api.au.badgr.io',
  ca: 'https://api.ca.badgr.io',
  sg: 'https://api.sg.badgr.io',
};

export const PARCHMENT_HOSTS: Record<Region, string> = {
  us: 'https://api.badges.parchment.com',
  eu: 'https://api.badges.parchment.eu',
  au: 'https://api.badges.parchment.au',
  ca: 'https://api.badges.parchment.ca',
  sg: 'https://api.badges.parchment.sg',
};

/** Plain http is accepted only on this machine (the test backpack); everything else must be https. */
export function normalizeBaseUrl(raw: string): string | undefined {
  let text = raw.trim();
  if (!text) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  // Chromium's URL parser keeps what WHATWG URL refuses ("not a url" becomes the host
  // "not%20a%20url"), and the browser would then ask for access to that bogus host. A host is
  // LDH labels (IDNs arrive as xn--) or a bracketed IPv6 literal (RFC 3986 §3.2.2).
  if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return undefined;
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.username || url.password) return undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The match pattern for a URL's host (ports are not part of match patterns), or undefined. */
export function originPattern(raw: string): string | undefined {
  const base = normalizeBaseUrl(raw);
  if (!base) return undefined;
  const url = new URL(base);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The match pattern for any absolute http(s) URL's host (issuer hosts may be plain http). */
export function hostPattern(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}
