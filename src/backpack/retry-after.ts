/**
 * Retry-After (RFC 9110 §10.2.3: `HTTP-date / delay-seconds`), read as servers and the proxies in
 * front of them write it. `Date.parse` was the reader of anything that was not whole seconds, and it
 * guesses: "12.3" is 3 December 2001 (a wait of none), "30.0" and "3600.0" nothing (a 429 then waited
 * the 30 minutes OB 3.0 gives a throttle that names no time: an hour asked, half of it waited), and a
 * field sent twice (a gateway adding its own: fetch joins them "30, 30") nothing either. Now:
 *
 * - delay-seconds, and decimal seconds (not in the grammar, but no other reading is meant), rounded up;
 * - an HTTP-date only in the three forms §5.6.7 has recipients read (IMF-fixdate, RFC 850, asctime,
 *   all GMT), measured from the answer's own `Date` (the server's clock, §6.6.1) when it has one;
 * - a field given more than once: the longest wait it asks for;
 * - anything else: no Retry-After.
 */

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** IMF-fixdate, rfc850-date, asctime-date (§5.6.7), case-insensitive as the day and month names are. */
const HTTP_DATE = new RegExp(`${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}`, 'gi');
const SECONDS = /^\d+(?:\.\d+)?$/;

/** An HTTP-date as ms since the epoch; asctime carries no zone and is GMT (§5.6.7), so it is read as GMT. */
function dateOf(s: string): number {
  return Date.parse(/GMT$/i.test(s) ? s : `${s} GMT`);
}

/** The HTTP-dates a field holds (one, or several when the field was sent more than once), as ms. */
function httpDates(v: string): number[] {
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

/** The wait Retry-After asks for, in whole seconds (0 for a time already past), or undefined when it says none Lanyard can read. */
export function retryAfterSeconds(value: string | null, date: string | null, now: number): number | undefined {
  const v = (value ?? '').trim();
  if (!v) return undefined;
  const parts = v.split(/\s*,\s*/);
  if (parts.every((p) => SECONDS.test(p))) return Math.max(...parts.map((p) => Math.ceil(Number(p))));
  const dates = httpDates(v);
  if (!dates.length) return undefined;
  const sent = httpDate(date);
  const from = Number.isNaN(sent) ? now : sent;
  return Math.max(0, Math.ceil((Math.max(...dates) - from) / 1000));
}
