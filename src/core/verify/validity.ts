/**
 * The `validity` check: expired or not yet valid against the injected clock.
 * OB 2.0 issuedOn/expires (VCORE assertion_timestamp_checks), OB 3.0 validFrom/validUntil,
 * VC 1.1 issuanceDate/expirationDate, JWT nbf/exp (already mapped to dates by the caller).
 */
import { ErrorCodes } from '../errors.ts';
import { shorten } from '../display.ts';
import type { CheckList } from './checks.ts';

export interface ValidityWindow {
  /** The instant before which the credential is not valid (validFrom, issuanceDate, issuedOn, nbf). */
  from?: unknown;
  fromName?: string;
  /** The instant after which it is expired (validUntil, expirationDate, expires, exp). */
  until?: unknown;
  untilName?: string;
}

/** ISO 8601 / XSD dateTime with a time zone, or a date alone (read as UTC midnight). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|([+-])(\d{2}):?(\d{2})))?$/i;

export const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Days from 1970-01-01 to a proleptic Gregorian date, in integers (H. Hinnant, "days_from_civil"): no Date object, no 1900 offset for years 0–99. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * The instant, or NaN when unreadable. Computed here, not by Date.parse: ECMAScript §21.4.3.2 leaves
 * out-of-range fields to "implementation-specific heuristics" (V8 reads "2025-02-30" as 2 March), so
 * a verdict would depend on the browser. XML Schema 1.1 Part 2 §3.3.7 (dateTime, the type of every
 * credential date): a day its month has, hour 00–23 or 24:00:00 (the next day's start), minute and
 * second 00–59 (no leap second), a zone within ±14:00; fractions beyond milliseconds are cut.
 */
export function parseInstant(v: unknown): number {
  if (typeof v !== 'string') return Number.NaN;
  let t = instants.get(v);
  if (t === undefined) {
    t = readInstant(v);
    if (v.length <= 64) {
      if (instants.size >= 512) instants.clear();
      instants.set(v, t);
    }
  }
  return t;
}

/**
 * Dates already read, by their text (parseInstant is a pure function of it). A VC-JWT's start is read
 * 4-5 times a verification (the claims' comparison, the window's names, the validity check), and an
 * issuer's credentials share their dates; the regular expression was ~8 % of Lanyard's JavaScript per
 * VC-JWT (issue 14). Bounded: hostile input brings any number of distinct dates.
 */
const instants = new Map<string, number>();

function readInstant(v: string): number {
  const m = INSTANT.exec(v.trim());
  if (!m) return Number.NaN;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return Number.NaN;
  if (m[4] === undefined) return daysFromCivil(year, month, day) * 86_400_000; // a date alone is UTC midnight
  if (m[8] === undefined) return Number.NaN; // a time needs its zone
  const hour = +m[4];
  const minute = +m[5]!;
  const second = m[6] === undefined ? 0 : +m[6];
  const fraction = m[7];
  const ms = fraction === undefined ? 0 : +fraction.slice(0, 3).padEnd(3, '0');
  const zoneHours = m[10] === undefined ? 0 : +m[10];
  const zoneMinutes = m[11] === undefined ? 0 : +m[11];
  if (minute > 59 || second > 59 || zoneMinutes > 59 || zoneHours * 60 + zoneMinutes > 14 * 60) return Number.NaN;
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || (fraction !== undefined && /[1-9]/.test(fraction))))) return Number.NaN;
  const offset = (m[9] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
}

/** A date member: its name and its value as written. */
export type NamedDate = [name: string, value: unknown];

/**
 * Of the dates present that bound the same side of a window, the one to read: an unreadable one
 * first (it fails `validity`, never skipped), else the latest start (`later`) or the earliest end,
 * each read as the span it names (spanOf): a start by its earliest instant, an end by its latest, so
 * a date that settles the window (not begun, expired) is the one read.
 */
export function strictestDate(dates: (NamedDate | undefined)[], later: boolean): NamedDate | undefined {
  let best: NamedDate | undefined;
  let bestAt = Number.NaN;
  for (const d of dates) {
    if (!d) continue;
    const span = spanOf(d[1], later ? 'from' : 'until');
    if (!span) return d;
    const at = later ? span.earliest : span.latest;
    if (!best || (later ? at > bestAt : at < bestAt)) [best, bestAt] = [d, at];
  }
  return best;
}

/**
 * How far ahead of this device's clock a start may be and still be taken as begun: the issuer's
 * clock and the user's disagree by seconds or minutes, and a badge imported the moment it is issued
 * was called not valid yet (RFC 7519 §4.1.5 allows "some small leeway, usually no more than a few
 * minutes, to account for clock skew"). An end is read as written: no expired badge gains time.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A dateTime whose year parseInstant does not compute but XML Schema 1.1 Part 2 §3.3.7 allows (more
 * than four digits, no leading zero, or a negative year): after (+∞), or before (−∞), every instant
 * Lanyard reads, its other fields checked as for a four-digit year. NaN for anything else. Such a
 * validUntil was "not a date", a badge called invalid for an end in year 10000.
 */
function farInstant(v: unknown): number {
  if (typeof v !== 'string') return Number.NaN;
  const m = /^(-?)([1-9]\d{4,}|\d{4})(-.*)$/.exec(v.trim());
  if (!m || (m[1] !== '-' && m[2]!.length === 4)) return Number.NaN;
  // 2000 is a leap year: 29 February of a far year is let through (a day's difference, 8,000 years away).
  if (Number.isNaN(parseInstant(`2000${m[3]}`))) return Number.NaN;
  return m[1] === '-' ? -Infinity : Infinity;
}

/** The instant, also a far one (±∞), or NaN: how validity reads a date (checkValidity, strictestDate). */
export const instantOf = (v: unknown): number => {
  const t = parseInstant(v);
  return Number.isNaN(t) ? farInstant(v) : t;
};

/** An instant for a message: ISO 8601, or a far one as written. */
const said = (t: number, written: unknown): string => (Number.isFinite(t) ? new Date(t).toISOString() : shorten(written, 40));

/**
 * XML Schema 1.1 Part 2 §3.3.7: a dateTime's time zone is optional, and one without a zone names no
 * instant: §E.3.3 orders it against a zoned one only when they differ by more than 14 hours (the
 * widest zones, ±14:00). VC DM 1.1 §4.6/§4.8 type issuanceDate and expirationDate as such a dateTime.
 */
export const ZONE_SPAN_MS = 14 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instants a date may name: one when it has a zone, a range when it has none. */
export interface DateSpan {
  earliest: number;
  latest: number;
  /** 'zoneless': a time written without its zone; 'day': a date alone (no time, no zone). */
  lacks?: 'zoneless' | 'day';
}

/**
 * How `validity` reads a date bounding one side of a window, or undefined when it is no date. A time
 * without a zone is t ± 14 h (§E.3.3). A date alone ("2030-01-01", not an XSD dateTime but what OB 1.x
 * and some issuers wrote; 1EdTech's validator reads it as that day's UTC midnight) is that day read in
 * any zone: as a start, its first instant anywhere (t − 14 h to t + 14 h); as an end, anywhere from its
 * first instant to its last (t − 14 h to t + 24 h + 14 h), since an issuer may mean the day's end.
 */
export function spanOf(v: unknown, side: 'from' | 'until'): DateSpan | undefined {
  const t = instantOf(v);
  if (typeof v === 'string' && !Number.isNaN(t)) {
    if (!/^-?\d{4,}-\d{2}-\d{2}$/.test(v.trim())) return { earliest: t, latest: t };
    return { earliest: t - ZONE_SPAN_MS, latest: t + (side === 'until' ? DAY_MS : 0) + ZONE_SPAN_MS, lacks: 'day' };
  }
  if (typeof v !== 'string' || !/T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?$/i.test(v.trim())) return undefined;
  const utc = instantOf(`${v.trim()}Z`);
  return Number.isNaN(utc) ? undefined : { earliest: utc - ZONE_SPAN_MS, latest: utc + ZONE_SPAN_MS, lacks: 'zoneless' };
}

/** The names whose spec requires a zone: VC DM 2.0 §4.7 types validFrom and validUntil as xsd:dateTimeStamp (OB 3.0 DateTimeZ). */
const ZONE_REQUIRED = new Set(['validFrom', 'validUntil']);

const lacking = (name: string, written: unknown, s: DateSpan): string =>
  `its ${name} (${shorten(written, 40)}) is ${s.lacks === 'day' ? 'a date without a time or time zone' : 'a time without a time zone'}${ZONE_REQUIRED.has(name) ? ', which VC Data Model 2.0 §4.7 requires (xsd:dateTimeStamp)' : ''}`;

const NO_ZONE_WHY = 'without a zone it names an instant only to within 14 hours (XML Schema 1.1 Part 2 §E.3.3: time zones run from -14:00 to +14:00)';

export function checkValidity(checks: CheckList, w: ValidityWindow, now: Date): void {
  const t = now.getTime();
  const fromName = w.fromName ?? 'validFrom';
  const untilName = w.untilName ?? 'validUntil';
  const from = w.from === undefined ? undefined : spanOf(w.from, 'from');
  const until = w.until === undefined ? undefined : spanOf(w.until, 'until');
  if (w.from !== undefined && !from) {
    return checks.fail('validity', ErrorCodes.DATE_INVALID, `${fromName} is not a date: ${shorten(w.from, 40)}`);
  }
  if (w.until !== undefined && !until) {
    return checks.fail('validity', ErrorCodes.DATE_INVALID, `${untilName} is not a date: ${shorten(w.until, 40)}`);
  }
  if (from && until && until.latest < from.earliest) {
    return checks.fail('validity', ErrorCodes.DATE_INVALID, `${untilName} (${w.until}) is before ${fromName} (${w.from})`);
  }
  if (from && from.earliest > t + CLOCK_SKEW_MS) {
    return checks.fail('validity', ErrorCodes.NOT_YET_VALID, `Not valid until ${said(from.earliest, w.from)}`);
  }
  if (until && until.latest < t) {
    return checks.fail('validity', ErrorCodes.EXPIRED, `Expired on ${said(until.latest, w.until)}`);
  }
  if (from?.lacks && from.latest > t + CLOCK_SKEW_MS) {
    return checks.indeterminate('validity', ErrorCodes.DATE_NO_ZONE, `Whether the badge has begun cannot be told: ${lacking(fromName, w.from, from)}, and ${NO_ZONE_WHY}; it begins between ${said(from.earliest, w.from)} and ${said(from.latest, w.from)}`);
  }
  if (until?.lacks && until.earliest < t) {
    return checks.indeterminate('validity', ErrorCodes.DATE_NO_ZONE, `Whether the badge has expired cannot be told: ${lacking(untilName, w.until, until)}, and ${NO_ZONE_WHY}; it expires between ${said(until.earliest, w.until)} and ${said(until.latest, w.until)}`);
  }
  const fromAt = from?.latest;
  const ahead = fromAt !== undefined && fromAt > t ? ` (its ${fromName}, ${Math.ceil((fromAt - t) / 1000)} s ahead of this device's clock, is within the ${CLOCK_SKEW_MS / 60_000} minutes two clocks may disagree)` : '';
  const message = `${until ? `Valid until ${said(until.earliest, w.until)}` : 'Valid: no expiry date'}${ahead}`;
  // A zone its spec requires and the issuer left out: a fault of conformance, not of authenticity (said, never failed).
  const faults = ([[fromName, w.from, from], [untilName, w.until, until]] as const).filter(([name, , s]) => s?.lacks && ZONE_REQUIRED.has(name));
  if (faults.length) return checks.warn('validity', `${message}; but ${faults.map(([name, written, s]) => lacking(name, written, s!)).join(', and ')}: read in any zone, the dates settle it`, ErrorCodes.DATE_NO_ZONE);
  checks.pass('validity', message);
}
