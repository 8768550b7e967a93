/**
 * The verifier's fetch: it reaches only hosts the user allowed (optional host permissions; the
 * manifest requires none). A fetch to any other host fails at once with a message saying how to
 * allow it, so the engine reports that check `indeterminate`, never `invalid`.
 */
import type { Fetch } from '../../core/verify/context.ts';
import { originPattern } from '../../platform/patterns.ts';
import type { HostPermissions } from '../../platform/permissions.ts';

export const HOST_PERMISSION_CODE = 'ERR_HOST_PERMISSION';

export class HostPermissionError extends Error {
  readonly code = HOST_PERMISSION_CODE;
  constructor(readonly origin: string) {
    super(
      `Lanyard may not read ${origin} yet. To check this badge, allow Lanyard to access ${new URL(origin).host} ` +
        `(open the badge in Lanyard and choose “Allow access”, or in the browser's extension settings under Site access), then verify again.`,
    );
    this.name = 'HostPermissionError';
  }
}

export interface HostFetchOptions {
  permissions: HostPermissions;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Per request; default 15 s. */
  timeoutMs?: number;
}

export function createHostFetch({ permissions, fetch, timeoutMs = 15_000 }: HostFetchOptions): Fetch {
  return async (url, init) => {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new TypeError(`${u.protocol} URLs are not fetched`);
    if (!(await permissions.contains(url))) throw new HostPermissionError(u.origin);
    const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : [])];
    // No cookies: issuers' documents are public, and a badge must not make credentialed requests.
    return fetch(url, { ...(init?.headers ? { headers: init.headers } : {}), signal: AbortSignal.any(signals), credentials: 'omit', redirect: 'follow' });
  };
}

/** The permission pattern a URL needs (what the popup asks for). */
export const patternFor = originPattern;
