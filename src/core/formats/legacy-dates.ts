/**
 * The `validity` check of an OB 0.5, 1.0 or 1.1 assertion, read from its dates as written.
 *
 * OB 0.5 wrote `issued_on` and `expires` as YYYY-MM-DD, both optional; OB 1.0 §Primitives DateTime:
 * "Either an ISO 8601 date or a standard 10-digit Unix timestamp" (1.1 the same). A date of that
 * shape that names no day ("2013-19-03", "2013-02-30": real 0.5 issuers wrote such) does not say the
 * badge is false: Mozilla's validator, the authority of those versions, checked the shape only
 * (openbadges-validator `re.date`, `(^\d{4}-\d{2}-\d{2}$)|(^\d{1,10}$)`) and its Backpack took such
 * badges; 1EdTech's validator cannot upgrade one at all (object_upgrades.py `_upgrade_datetime`:
 * `strptime` raises, a processing error, no judgement of the badge). What it leaves unknown is when
 * the badge's dates run, so `validity` is `indeterminate`, saying what is wrong with the date,
 * unless a date that does read settles it (expired, or not yet begun).
 */
import { shorten } from '../display.ts';
import { ErrorCodes } from '../errors.ts';
import { detectObVersion } from '../input/detect.ts';
import type { CheckList } from '../verify/checks.ts';
import { checkValidity, daysIn, instantOf } from '../verify/validity.ts';
import type { Json } from './json-util.ts';
import { upgradeDateTime } from './ob1.ts';
import { ob2Instant } from './ob2-structure.ts';
import { toIso } from './vc-jwt-claims.ts';

/** An OB 0.5, 1.0 or 1.1 document by its own shape and @context (VCORE `_detect_openbadges_version`), whose dates are read here. */
export function isLegacyDocument(doc: Json): boolean {
  const v = detectObVersion(doc);
  return v === '0.5' || v === '1.0' || v === '1.1';
}

/** A legacy date as the validity check reads it: Unix seconds, a date alone or a zoneless time upgraded (VCORE `_upgrade_datetime`). */
const readLegacy = (written: unknown): unknown => ob2Instant(upgradeDateTime(written));

/** What is wrong with a legacy date as written, in words; undefined when it reads as an instant. */
export function legacyDateProblem(written: unknown): string | undefined {
  if (!Number.isNaN(instantOf(readLegacy(written)))) return undefined;
  const millis = milliseconds(written);
  if (millis !== undefined) return millis;
  if (typeof written === 'number') return `${shorten(written, 40)} is no Unix timestamp (seconds since 1970) of a year up to 9999`;
  if (typeof written !== 'string') return `${shorten(JSON.stringify(written) ?? String(written), 40)} is not a date (YYYY-MM-DD, an ISO 8601 date and time, or a Unix timestamp)`;
  const shown = `"${shorten(written, 40)}"`;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(written.trim());
  if (!m) return `${shown} is neither a date (YYYY-MM-DD), an ISO 8601 date and time, nor a Unix timestamp`;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12) return `${shown} names month ${m[2]}, and months run from 01 to 12`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `${shown} names day ${m[3]} of a month that has ${days} days`;
  return `${shown} has a time of day that is not one (hours 00 to 24, minutes and seconds 00 to 59, a zone within ±14:00)`;
}

/**
 * A count of milliseconds where OB 1.0 asks for "a standard 10-digit Unix timestamp" (JavaScript's
 * Date.now() written as is): said so, with the instant it would be, which is not assumed (the same
 * digits could be anything else an issuer meant).
 */
function milliseconds(written: unknown): string | undefined {
  const digits = typeof written === 'number' && Number.isInteger(written) ? String(written) : typeof written === 'string' ? written.trim() : '';
  if (!/^\d{12,14}$/.test(digits)) return undefined;
  const at = new Date(Number(digits));
  return `${typeof written === 'string' ? `"${digits}"` : digits} has ${digits.length} digits: a Unix timestamp counts seconds (10 digits); read as milliseconds it would be ${at.toISOString()}, which is not assumed`;
}

/** 10000-01-01T00:00:00Z in Unix seconds: the first instant a four-digit year cannot write. */
const PAST_9999 = 253_402_300_800;

/**
 * An `expires` written as Unix seconds past year 9999 (OB 1.0 §Primitives: "a standard 10-digit Unix
 * timestamp"; an issuer's "never"), as the far instant it is (toIso: "10000-01-01T…", which validity
 * reads as after every date, as it reads a VC-JWT `exp` there: vc-jwt-far-dates.test.ts), when reading
 * the same digits as milliseconds (milliseconds(): Date.now() written as is) also ends after `now`:
 * not expired whichever the issuer meant. When that reading has ended (253402300800 ms is 1978), which
 * one was meant decides, and it stays unsettled as milliseconds() says. Undefined for anything else.
 */
function farExpiry(written: unknown, now: Date): string | undefined {
  const n = typeof written === 'number' ? written : typeof written === 'string' && /^\d{12,300}$/.test(written.trim()) ? Number(written.trim()) : Number.NaN;
  if (!Number.isFinite(n) || n < PAST_9999) return undefined;
  if (n < 8.64e15 && n <= now.getTime()) return undefined;
  return toIso(n);
}

/**
 * `validity` for a legacy assertion, from the document as served or signed (`raw`: its `issued_on`
 * or `issuedOn`, and `expires`; null is no date). A date that does not read is left out of the
 * window; if the dates that do read do not fail it, `validity` is `indeterminate` with the reason.
 */
export function checkLegacyValidity(checks: CheckList, raw: Json, now: Date): void {
  const fromName = raw.issuedOn === undefined && raw.issued_on !== undefined ? 'issued_on' : 'issuedOn';
  const from = raw.issuedOn ?? raw.issued_on ?? undefined;
  const until = raw.expires ?? undefined;
  const far = until === undefined ? undefined : farExpiry(until, now);
  const fromProblem = from === undefined ? undefined : legacyDateProblem(from);
  const untilProblem = until === undefined || far !== undefined ? undefined : legacyDateProblem(until);
  checkValidity(checks, {
    from: from === undefined || fromProblem ? undefined : readLegacy(from),
    fromName,
    until: far ?? (until === undefined || untilProblem ? undefined : readLegacy(until)),
    untilName: 'expires',
  }, now);
  if ((!fromProblem && !untilProblem) || checks.outcome('validity') === 'fail') return;
  const said = [fromProblem && `${fromName} ${fromProblem}`, untilProblem && `expires ${untilProblem}`].filter(Boolean).join('; ');
  const unknown = fromProblem && untilProblem ? 'when the badge was issued and when it expires' : fromProblem ? 'when the badge was issued' : 'when the badge expires';
  checks.indeterminate('validity', ErrorCodes.DATE_INVALID, `The issuer wrote a date that is no date: ${said}. So ${unknown} is unknown, and whether it is valid now cannot be told`);
}
