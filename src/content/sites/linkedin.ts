/**
 * What Lanyard knows of LinkedIn's URLs. Selectors join this file as features need them;
 * each predicate has a table of URLs that must and must not match in test/content/.
 */

export function isLinkedIn(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'www.linkedin.com';
}

/** A member's profile page: /in/<public-id>/ and its sub-pages. */
export function isLinkedInProfile(url: URL): boolean {
  return isLinkedIn(url) && /^\/in\/[^/]+(\/.*)?$/.test(url.pathname);
}
