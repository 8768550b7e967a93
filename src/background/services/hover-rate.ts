/**
 * How often one tab may ask for hover verifications (issue 12 point 5): a page must not drive
 * Lanyard's fetches at its own pace, whatever the content script lets through. At most
 * PER_SECOND in any second and PER_MINUTE in any minute, per tab; kept in memory (a restarted
 * worker starts afresh, which lets through at most one more window's worth).
 */
import { ServiceError, ServiceErrorCodes } from './errors.ts';

export const PER_SECOND = 3;
export const PER_MINUTE = 30;
const MAX_TABS = 200;

export const RATE_LIMITED = ServiceErrorCodes.RATE_LIMITED;

export function createHoverRate(now: () => number = Date.now) {
  const tabs = new Map<number, number[]>();
  return {
    /** Counts one request from this tab, or throws ERR_RATE_LIMITED (nothing is fetched). */
    take(tabId: number): void {
      const t = now();
      const times = (tabs.get(tabId) ?? []).filter((x) => x > t - 60_000);
      const lastSecond = times.filter((x) => x > t - 1000).length;
      if (lastSecond >= PER_SECOND || times.length >= PER_MINUTE) {
        const wait = lastSecond >= PER_SECOND ? 1 : Math.ceil((times[0]! + 60_000 - t) / 1000);
        tabs.set(tabId, times);
        throw new ServiceError(RATE_LIMITED, 'Too many badges checked on this page: wait a moment, then point at the badge again', wait);
      }
      times.push(t);
      tabs.delete(tabId);
      tabs.set(tabId, times);
      for (const k of tabs.keys()) if (tabs.size > MAX_TABS) tabs.delete(k);
    },
  };
}
