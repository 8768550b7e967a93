import { parseInstant, spanOf } from '../verify/validity.ts';

/** An instant in ms, read as the engine's validity check reads it (XML Schema dateTime), or NaN: for views, which reach the engine only through core/share. */
export const instantMs = (text: string): number => parseInstant(text);

/**
 * The instant after which an expiry has surely passed, in ms, or NaN when it is no date: as the
 * validity check reads it (validity.ts spanOf), a time written without its zone only once it has
 * passed in every zone (XML Schema 1.1 Part 2 §E.3.3: 14 hours after it in UTC), a date alone once
 * that day has ended everywhere. So a view never calls expired a badge its verdict does not.
 */
export const expiryMs = (text: string): number => spanOf(text, 'until')?.latest ?? Number.NaN;

/**
 * Year and month of an ISO 8601 date as the issuer wrote it. The calendar date in the string is
 * used as is (not converted to UTC), so "2024-03-31T23:30:00-05:00" stays March, as the issuer meant.
 */
export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

/**
 * A date that is not ISO 8601, in ms since the epoch, or NaN. Only a written-out date with a
 * four-digit year and a month name ("Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024") is read:
 * engines guess at anything else, and V8 reads "12" as December 2001 and "2024" as January, a
 * date the issuer never wrote (a year alone has no month to show).
 */
export function looseDateMs(text: string): number {
  const t = text.trim();
  return /\b\d{4}\b/.test(t) && /[A-Za-z]{3}/.test(t) ? Date.parse(t) : Number.NaN;
}

export function yearMonth(iso: string | undefined): YearMonth | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})/.exec(iso.trim());
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year, month } : undefined;
  }
  const t = looseDateMs(iso);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** A default, locale-neutral date for plain text and cards: "2024-03-31" (the issuer's calendar date). */
export function isoDay(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso.trim());
  if (m) return m[1];
  const t = looseDateMs(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

/**
 * The time a badge sorts by, "newest first": its issue date in ms since the epoch, or 0 when it
 * has none or an unreadable one. The popup sorts by the same number, so the database's first page
 * is the popup's first screen. Read as the engine reads dates (XML Schema dateTime), a time written
 * without its zone as UTC, then a written-out date (`looseDateMs`); never `Date.parse` alone, whose
 * reading of "2025-02-30" or a zone-less time differs between browsers and machines.
 */
export function sortTimeOf(issuedOn: string | undefined): number {
  if (!issuedOn) return 0;
  const exact = parseInstant(issuedOn);
  if (!Number.isNaN(exact)) return exact;
  const zoneless = parseInstant(`${issuedOn.trim()}Z`);
  if (!Number.isNaN(zoneless)) return zoneless;
  const loose = looseDateMs(issuedOn);
  return Number.isNaN(loose) ? 0 : loose;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Mar 31, 2024" from "2024-03-31T23:30:00-05:00" in `locale`: the issuer's calendar day, not the
 * viewer's (the popup's dates, and the card the background builds for content scripts).
 */
export function formatCalendarDate(iso: string | undefined, locale: string): string | undefined {
  if (!iso) return undefined;
  // The day as written, read by the engine's reader (validity.ts): Date.UTC made years 0–99 into
  // 1900–1999, and moved a day the month does not have ("2024-02-30") into the next month.
  const m = /^\d{4}-\d{2}-\d{2}/.exec(iso.trim());
  const t = m ? parseInstant(m[0]) : looseDateMs(iso);
  if (Number.isNaN(t)) return undefined;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(t);
}
