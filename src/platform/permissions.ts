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

export function createHostPermissions(): HostPermissions {
  return {
    contains: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
    request: (urls) => browser.permissions.request({ origins: [...new Set(urls.map(originPattern))] }),
    remove: (patterns) => browser.permissions.remove({ origins: patterns }),
  };
}
