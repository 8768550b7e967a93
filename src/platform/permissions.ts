/**
 * Host permissions: which origins the service worker may fetch from. Required permissions name
 * no host; backpacks and issuers are optional host permissions that the popup requests (a user
 * gesture is needed) and that the background only checks.
 */
import browser from './browser.ts';
import { originPattern } from './patterns.ts';

export { originPattern };

export interface HostPermissions {
  /** Whether the extension may fetch from this URL's origin. */
  contains(url: string): Promise<boolean>;
  /** Asks for the origin of each URL (only from an extension page, during a user gesture). */
  request(urls: string[]): Promise<boolean>;
  /** Takes grants back (match patterns); no user gesture needed. */
  remove?(patterns: string[]): Promise<boolean>;
}

/**
 * A granted origin is remembered for GRANT_MEMO_MS: a sync asks for the same few origins once per
 * fetch (about 1,300 times for 1,000 badges, each a round trip to the browser process: issue 14).
 * Only grants are remembered, so a new grant counts at once, and any change of permissions
 * (permissions.onAdded / onRemoved, or a removal made here) forgets them all.
 */
export const GRANT_MEMO_MS = 5_000;

export function createHostPermissions(now: () => number = Date.now): HostPermissions {
  const granted = new Map<string, number>();
  const forget = () => granted.clear();
  browser.permissions.onAdded?.addListener(forget);
  browser.permissions.onRemoved?.addListener(forget);
  return {
    async contains(url) {
      const pattern = originPattern(url);
      if ((granted.get(pattern) ?? 0) > now()) return true;
      const yes = await browser.permissions.contains({ origins: [pattern] });
      if (yes) granted.set(pattern, now() + GRANT_MEMO_MS);
      else granted.delete(pattern);
      return yes;
    },
    request: (urls) => browser.permissions.request({ origins: [...new Set(urls.map(originPattern))] }),
    remove: (patterns) => (forget(), browser.permissions.remove({ origins: patterns }).finally(forget)),
  };
}
