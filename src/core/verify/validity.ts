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

/** ISO 8601 with a time zone, or a date-only value (read as UTC midnight). Returns NaN when unreadable. */
export function parseInstant(v: unknown): number {
  if (typeof v !== 'string') return Number.NaN;
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.parse(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) return Number.NaN;
  return Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

export function checkValidity(checks: CheckList, w: ValidityWindow, now: Date): void {
  const t = now.getTime();
  const fromName = w.fromName ?? 'validFrom';
  const untilName = w.untilName ?? 'validUntil';
  const from = w.from === undefined ? undefined : parseInstant(w.from);
  const until = w.until === undefined ? undefined : parseInstant(w.until);
  if (from !== undefined && Number.isNaN(from)) {
    return checks.fail('validity', ErrorCodes.DATE_INVALID, `${fromName} is not a date with a time zone: ${shorten(w.from, 40)}`);
  }
  if (until !== undefined && Number.isNaN(until)) {
    return checks.fail('validity', ErrorCodes.DATE_INVALID, `${untilName} is not a date with a time zone: ${shorten(w.until, 40)}`);
  }
  if (from !== undefined && until !== undefined && until < from) {
    return checks.fail('validity', ErrorCodes.DATE_INVALID, `${untilName} (${w.until}) is before ${fromName} (${w.from})`);
  }
  if (from !== undefined && from > t) {
    return checks.fail('validity', ErrorCodes.NOT_YET_VALID, `Not valid until ${new Date(from).toISOString()}`);
  }
  if (until !== undefined && until < t) {
    return checks.fail('validity', ErrorCodes.EXPIRED, `Expired on ${new Date(until).toISOString()}`);
  }
  checks.pass('validity', until !== undefined ? `Valid until ${new Date(until).toISOString()}` : 'Valid: no expiry date');
}
