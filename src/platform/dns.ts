/**
 * Name resolution for hover verification's private-network rule (issue 12 point 7): Firefox's
 * dns.resolve (the "dns" permission, in the Firefox manifest only: vite.config.ts). Chromium has
 * no such API: there this is undefined and only the name is judged (SECURITY.md, "Hostile page").
 */
import browser from './browser.ts';

type DnsApi = { resolve(hostname: string, flags?: string[]): Promise<{ addresses: string[] }> };

export function dnsResolver(): ((hostname: string) => Promise<string[]>) | undefined {
  const dns = (browser as unknown as { dns?: DnsApi }).dns;
  if (typeof dns?.resolve !== 'function') return undefined;
  // Without bypass_cache: the fetch that follows uses the browser's cached answer too.
  return async (hostname) => (await dns.resolve(hostname)).addresses;
}
