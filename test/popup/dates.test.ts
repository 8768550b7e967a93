/**
 * The popup's dates say what the verdict says: instants are read by the engine's strict reader
 * (core/verify/validity.ts parseInstant), not by Date.parse, which reads a time without a zone in
 * the viewer's local time and which, with Date.UTC, turned the years 0–99 into 1900–1999.
 */
import { describe, expect, it } from 'vitest';
import { formatAgo, formatDate, isExpired } from '../../src/popup/format.ts';
import { checkValidity } from '../../src/core/verify/validity.ts';
import { CheckList } from '../../src/core/verify/checks.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');

/** What the engine's validity check says of an expiry date at NOW. */
function engineSays(until: string): string {
  const checks = new CheckList();
  checkValidity(checks, { until, untilName: 'expires' }, new Date(NOW));
  const c = checks.get('validity')!;
  return c.outcome === 'pass' ? 'valid' : (c.code ?? c.outcome);
}

describe('the popup reads dates as the engine does', () => {
  it.each([
    // A time without its zone (XML Schema 1.1 Part 2 §E.3.3): within 14 hours of now the engine cannot
    // tell, and the popup does not call it expired; past in every zone, both say expired (before:
    // the engine said "not a date" and the popup never called it expired), whatever the viewer's zone.
    ['2026-06-01T11:00:00', false, 'ERR_DATE_NO_ZONE'],
    ['2026-05-31T23:59:59', false, 'ERR_DATE_NO_ZONE'],
    ['2026-05-31T21:59:59', true, 'ERR_EXPIRED'],
    // A date alone: expired once that day has ended in every zone.
    ['2026-06-01', false, 'ERR_DATE_NO_ZONE'],
    ['2026-05-30', true, 'ERR_EXPIRED'],
    // A day the month does not have: Date.parse moved it to the next month, or read it at all.
    ['2026-02-30', false, 'ERR_DATE_INVALID'],
    // Expired: the engine's rule, an instant before now; the very instant is not expired yet.
    ['2026-06-01T11:59:59Z', true, 'ERR_EXPIRED'],
    ['2026-06-01T12:00:00Z', false, 'valid'],
    ['2026-06-01T13:00:00+02:00', true, 'ERR_EXPIRED'],
    ['0099-12-31', true, 'ERR_EXPIRED'],
    ['2027-01-01', false, 'valid'],
  ])('isExpired(%s) is %s, as the verdict (%s)', (expires, expired, verdict) => {
    expect(isExpired(expires, NOW)).toBe(expired);
    expect(engineSays(expires)).toBe(verdict);
  });

  it('shows a year below 100 as written, not as 19xx, and no day the month does not have', () => {
    expect(formatDate('0050-03-31', 'en')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('0050-03-31T00:00:00Z')));
    expect(formatDate('0050-03-31', 'en')).not.toMatch(/19/);
    expect(formatDate('0050-03-31', 'en')).toMatch(/\b50\b/);
    expect(formatDate('2024-02-30', 'en')).toBeUndefined();
    // The issuer's calendar day, still.
    expect(formatDate('2024-03-31T23:30:00-05:00', 'en')).toBe('Mar 31, 2024');
    expect(formatDate('Tue, 05 Mar 2024 10:00:00 GMT', 'en')).toBe('Mar 5, 2024');
  });

  it('says how long ago an instant was only for one the engine reads', () => {
    expect(formatAgo('2026-06-01T11:55:00Z', NOW, 'en')).toBe('5 minutes ago');
    expect(formatAgo('2026-06-01T11:55:00.123Z', NOW, 'en')).toBe('5 minutes ago');
    // A time without a zone would be minutes or hours off, by the viewer's zone: not said.
    expect(formatAgo('2026-06-01T11:55:00', NOW, 'en')).toBeUndefined();
  });

  // A badge last checked weeks ago said "23 days ago" on the share screen and badge page: weeks and months read at a glance.
  it('says weeks, months and years for an old check', () => {
    expect(formatAgo('2026-05-25T12:00:00Z', NOW, 'en')).toBe('7 days ago');
    expect(formatAgo('2026-05-09T12:00:00Z', NOW, 'en')).toBe('3 weeks ago');
    expect(formatAgo('2026-02-01T12:00:00Z', NOW, 'en')).toBe('4 months ago');
    expect(formatAgo('2024-06-01T12:00:00Z', NOW, 'en')).toBe('2 years ago');
    expect(formatAgo('2026-05-09T12:00:00Z', NOW, 'fr')).toBe('il y a 3 semaines');
  });
});
