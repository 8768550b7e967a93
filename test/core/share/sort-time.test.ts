import { describe, expect, it } from 'vitest';
import { sortTimeOf } from '../../../src/core/share/dates.ts';

describe('sortTimeOf: the newest-first order reads dates as the engine does', () => {
  it('reads an XML Schema dateTime with its zone, and a date alone as UTC midnight', () => {
    expect(sortTimeOf('2024-03-31T23:30:00-05:00')).toBe(Date.UTC(2024, 3, 1, 4, 30));
    expect(sortTimeOf('2024-03-31')).toBe(Date.UTC(2024, 2, 31));
  });

  it('reads a time written without its zone as UTC, whatever the machine\'s zone (Date.parse reads it as local time)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York'; // Node re-reads the zone when TZ is set
    try {
      expect(sortTimeOf('2024-03-31T10:00:00')).toBe(Date.UTC(2024, 2, 31, 10));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('sorts a day that does not exist last, as every browser would (V8 read 2025-02-30 as 2 March)', () => {
    expect(sortTimeOf('2025-02-30T00:00:00Z')).toBe(0);
  });

  it('reads a written-out date, and nothing from a bare number or an empty value', () => {
    expect(sortTimeOf('Tue, 05 Mar 2024 10:00:00 GMT')).toBe(Date.UTC(2024, 2, 5, 10));
    expect(sortTimeOf('12')).toBe(0);
    expect(sortTimeOf(undefined)).toBe(0);
    expect(sortTimeOf('')).toBe(0);
  });
});
