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

/** A per-tab limit: how many in any second and any minute, and what a refusal says. */
export interface RateLimit {
  perSecond: number;
  perMinute: number;
  message: string;
}

const HOVER: RateLimit = { perSecond: PER_SECOND, perMinute: PER_MINUTE, message: 'Too many badges checked on this page: wait a moment, then point at the badge again' };

export function createHoverRate(now: () => number = Date.now) {
  return createTabRate(HOVER, now);
}

/** Counts each tab's requests against `limit` (hover's, the pickers': picker-gate.ts). */
export function createTabRate(limit: RateLimit, now: () => number = Date.now) {
  const tabs = new Map<number, number[]>();
  return {
    /** Counts one request from this tab, or throws ERR_RATE_LIMITED (nothing is fetched). */
    take(tabId: number): void {
      const t = now();
      const times = (tabs.get(tabId) ?? []).filter((x) => x > t - 60_000);
      const lastSecond = times.filter((x) => x > t - 1000).length;
      if (lastSecond >= limit.perSecond || times.length >= limit.perMinute) {
        const wait = lastSecond >= limit.perSecond ? 1 : Math.ceil((times[0]! + 60_000 - t) / 1000);
        tabs.set(tabId, times);
        throw new ServiceError(RATE_LIMITED, limit.message, wait);
      }
      times.push(t);
      tabs.delete(tabId);
      tabs.set(tabId, times);
      for (const k of tabs.keys()) if (tabs.size > MAX_TABS) tabs.delete(k);
    },
  };
}

/**
 * How many hover verifications may run at once: each may take up to its deadline (15 s) and read
 * up to HOVER_MAX_BYTES (verifier.ts), so the rate alone would let one page pile dozens of slow
 * ones up in the worker. A site (the tab's origin, which the user turned hover on for, one by one)
 * has at most half the slots, whatever tabs it has open: a page answering slowly in two tabs held
 * all four, and every other site's tabs were told Lanyard was still checking other badges. Past any
 * cap the request is refused like a rate limit (joining one already running for the same URL and
 * site costs nothing and is not counted).
 */
export const MAX_RUNNING_PER_TAB = 2;
export const MAX_RUNNING_PER_SITE = 2;
export const MAX_RUNNING = 4;

export function createHoverSlots() {
  // Slots held, by `t<tab>` and by `s<site>`.
  const running = new Map<string, number>();
  let total = 0;
  const add = (key: string, n: number): void => {
    const left = (running.get(key) ?? 0) + n;
    if (left > 0) running.set(key, left);
    else running.delete(key);
  };
  return {
    /** Takes a slot for this tab and site, or throws ERR_RATE_LIMITED; the returned function gives it back (once). */
    acquire(tabId: number, site: string): () => void {
      const tab = `t${tabId}`;
      const from = `s${site}`;
      if ((running.get(tab) ?? 0) >= MAX_RUNNING_PER_TAB || (running.get(from) ?? 0) >= MAX_RUNNING_PER_SITE || total >= MAX_RUNNING) {
        throw new ServiceError(RATE_LIMITED, 'Lanyard is still checking other badges: wait a moment, then point at the badge again', 1);
      }
      add(tab, 1);
      add(from, 1);
      total++;
      let given = false;
      return () => {
        if (given) return;
        given = true;
        total--;
        add(tab, -1);
        add(from, -1);
      };
    },
  };
}
