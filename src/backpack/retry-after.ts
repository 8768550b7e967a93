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
 *
 * The HTTP-dates are read by src/core/http-date.ts, which the worker's document cache reads too.
 */
import { httpDate, httpDates } from '../core/http-date.ts';

const SECONDS = /^\d+(?:\.\d+)?$/;

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
