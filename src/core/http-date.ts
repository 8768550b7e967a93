/**
 * HTTP-dates (RFC 9110 §5.6.7), read only in the three forms recipients must read: IMF-fixdate,
 * rfc850-date and asctime-date, all GMT. `Date.parse` guesses at anything else ("12.3" is 3 December
 * 2001), so a field that is not one of them is no date. Pure: read by the backpack clients (a page's
 * `Date`, a Retry-After date: src/backpack/paged.ts, src/backpack/retry-after.ts) and by the worker's
 * document cache (`Date`, `Expires`: src/background/services/document-cache.ts), which must not reach
 * into the backpack clients backpack.js carries (test/background/backpack-apart.test.ts).
 */

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** IMF-fixdate, rfc850-date, asctime-date (§5.6.7), case-insensitive as the day and month names are. */
const HTTP_DATE = new RegExp(`${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}`, 'gi');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_MONTH = new RegExp(`(\\d{2})[ -](${MONTH})|(${MONTH}) ([ \\d]\\d) `, 'i');

/**
 * An HTTP-date as ms since the epoch; asctime carries no zone and is GMT (§5.6.7), so it is read as GMT.
 * A day the month does not have is no date: `Date.parse` rolls "31 Feb" over into March.
 */
function dateOf(s: string): number {
  const t = Date.parse(/GMT$/i.test(s) ? s : `${s} GMT`);
  const m = DAY_MONTH.exec(s);
  if (Number.isNaN(t) || !m) return NaN;
  const [day, month] = m[1] ? [m[1], m[2]!] : [m[4]!, m[3]!];
  const d = new Date(t);
  return d.getUTCDate() === Number(day.trim()) && d.getUTCMonth() === MONTHS.indexOf(month.toLowerCase()) ? t : NaN;
}

/** The HTTP-dates a field holds (one, or several when the field was sent more than once: §5.3), as ms; none when it holds anything else. */
export function httpDates(v: string): number[] {
  const found = [...v.matchAll(HTTP_DATE)].map((m) => m[0]);
  // Nothing but dates and the commas that joined them.
  if (!found.length || v.replace(HTTP_DATE, '').replace(/[\s,]/g, '') !== '') return [];
  return found.map(dateOf).filter((t) => !Number.isNaN(t));
}

/** An HTTP-date field (a `Date` header), or NaN. */
export function httpDate(v: string | null): number {
  const [t] = httpDates((v ?? '').trim());
  return t ?? NaN;
}

/** A field that is one HTTP-date and nothing else (`Expires`, RFC 9111 §5.3: two joined are no date), or NaN. */
export function oneHttpDate(v: string | null): number {
  const ts = httpDates((v ?? '').trim());
  return ts.length === 1 ? ts[0]! : NaN;
}
