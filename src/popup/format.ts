/**
 * Dates for display, in the UI's locale. Calendar dates are shown as the issuer wrote them (UTC-free).
 * Instants are read as the engine reads them (core/share/dates.ts instantMs: validity.ts parseInstant), never by
 * Date.parse, so that what the popup says of a date agrees with the verdict.
 */
import { expiryMs, formatCalendarDate, instantMs } from '../core/share/dates.ts';

/** "Mar 31, 2024" from "2024-03-31T23:30:00-05:00": the issuer's calendar day, not the viewer's (core/share/dates.ts). */
export const formatDate = formatCalendarDate;

/** "5 minutes ago", "yesterday", "3 weeks ago", "4 months ago": a check weeks old reads as weeks, not "23 days". */
export function formatAgo(iso: string | undefined, now: number, locale: string): string | undefined {
  if (!iso) return undefined;
  const t = instantMs(iso);
  if (Number.isNaN(t)) return undefined;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const s = Math.round((t - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(s, 'second');
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  if (abs < 14 * 86400) return rtf.format(Math.round(s / 86400), 'day');
  if (abs < 61 * 86400) return rtf.format(Math.round(s / (7 * 86400)), 'week');
  if (abs < 365 * 86400) return rtf.format(Math.round(s / (30.44 * 86400)), 'month');
  return rtf.format(Math.round(s / (365.25 * 86400)), 'year');
}

/**
 * Whether a badge's expiry date has passed, as the validity check decides it (validity.ts: expired
 * once the instant is before now; a time without its zone once it has passed in every zone,
 * core/share/dates.ts expiryMs). An expiry the engine cannot read (a day its month does not have)
 * is not called expired here: the verdict says instead that the date is not valid.
 */
export function isExpired(expires: string | undefined, now: number): boolean {
  if (!expires) return false;
  const t = expiryMs(expires);
  return !Number.isNaN(t) && t < now;
}

/** The host of a URL, for compact display ("api.badgr.io"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A clock time in the user's zone: "10:32 AM" today, "Dec 6, 10:32 AM" another day. */
export function formatClock(at: number, now: number, locale: string): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}
