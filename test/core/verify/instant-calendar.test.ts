/**
 * A date is read the same in every browser. parseInstant handed its string to Date.parse, and V8
 * (Chrome) rolls an impossible day over into the next month ("2025-02-30" reads as 2 March) where
 * ECMAScript §21.4.3.2 leaves an out-of-range value to "implementation-specific heuristics": the
 * same badge's validity depended on the browser, and an expiry the issuer never wrote was shown.
 * XML Schema 1.1 Part 2 §3.3.7 (dateTime, the type of validFrom, validUntil, issuedOn, expires):
 * day ≤ the days of its month, hour 00–23 (or 24:00:00, the end of the day), minute and second
 * 00–59 (no leap second), a zone within ±14:00.
 */
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/core/verify/validity.ts';

describe('parseInstant reads only dates that exist', () => {
  it('refuses a day its month does not have', () => {
    for (const s of ['2025-02-30T00:00:00Z', '2025-02-31', '2023-02-29T12:00:00Z', '2026-04-31T00:00:00Z', '2026-06-31', '2026-00-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-13-01']) {
      expect(parseInstant(s), s).toBeNaN();
    }
  });

  it('reads the 29th of February in a leap year, and every last day of a month', () => {
    expect(parseInstant('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseInstant('1900-02-29')).toBeNaN();
    expect(parseInstant('2026-12-31T23:59:59.999Z')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59, 999));
  });

  it('refuses hours, minutes, seconds and zones out of range; 24:00:00 is the end of the day', () => {
    for (const s of ['2026-01-01T25:00:00Z', '2026-01-01T24:00:01Z', '2026-01-01T24:30:00Z', '2026-01-01T10:60:00Z', '2026-01-01T23:59:60Z', '2026-01-01T00:00:00+15:00', '2026-01-01T00:00:00-14:01', '2026-01-01T00:00:00+01:60']) {
      expect(parseInstant(s), s).toBeNaN();
    }
    expect(parseInstant('2026-01-01T24:00:00Z')).toBe(Date.UTC(2026, 0, 2));
    expect(parseInstant('2026-01-01T00:00:00+14:00')).toBe(Date.UTC(2025, 11, 31, 10));
  });

  it('reads four-digit years only: a longer, signed or negative year is refused, never read as another year', () => {
    // XSD allows them; no issuer writes them, and Date.parse, the popup and LinkedIn's form read none.
    for (const s of ['10000-01-01T00:00:00Z', '+2026-01-01T00:00:00Z', '-0001-01-01T00:00:00Z', '020260-01-01', '+020260-01-01T00:00:00Z']) {
      expect(parseInstant(s), s).toBeNaN();
    }
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    const t = new Date(0);
    t.setUTCFullYear(50, 0, 1);
    expect(parseInstant('0050-01-01T00:00:00Z')).toBe(t.getTime());
  });

  it('keeps what it read before: fractions, zones with and without a colon, a date alone', () => {
    expect(parseInstant('2026-01-01T00:00:00.123456Z')).toBe(Date.UTC(2026, 0, 1, 0, 0, 0, 123));
    expect(parseInstant('2026-01-01T02:00:00+0200')).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant('2026-01-01T00:00-05:30')).toBe(Date.UTC(2026, 0, 1, 5, 30));
    expect(parseInstant(' 2026-01-01t00:00:00z ')).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant('2026-01-01T00:00:00')).toBeNaN();
  });
});

describe('parseInstant reads a text the same every time (its answers are kept, issue 14)', () => {
  it('answers each of 3,000 texts (more than it keeps) the same in a second and a third pass, wrong ones included', () => {
    const texts = Array.from({ length: 3000 }, (_, i) => {
      const day = (i % 31) + 1;
      const month = (Math.floor(i / 31) % 13) + 1; // month 13 is no month
      const base = `20${String(i % 100).padStart(2, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return i % 3 === 0 ? base : i % 3 === 1 ? `${base}T${String(i % 25).padStart(2, '0')}:00:00Z` : `${base}T12:00:00+${String(i % 16).padStart(2, '0')}:00`;
    });
    const first = texts.map((s) => parseInstant(s));
    expect(first.some((t) => Number.isNaN(t)) && first.some((t) => !Number.isNaN(t))).toBe(true);
    for (let pass = 0; pass < 2; pass++) expect(texts.map((s) => parseInstant(s))).toEqual(first);
    expect(parseInstant('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant(' 2024-02-29 ')).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant('2023-02-29')).toBeNaN();
    expect(parseInstant('2023-02-29')).toBeNaN();
  });
});
