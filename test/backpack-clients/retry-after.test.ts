/** Retry-After as written in the wild (src/backpack/retry-after.ts; RFC 9110 §10.2.3, §5.6.7, §5.3). */
import { describe, expect, it } from 'vitest';
import { httpDate } from '../../src/core/http-date.ts';
import { retryAfterSeconds } from '../../src/backpack/retry-after.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('retryAfterSeconds', () => {
  it('reads delay-seconds, and decimal seconds rounded up', () => {
    expect(retryAfterSeconds('120', null, NOW)).toBe(120);
    expect(retryAfterSeconds(' 0 ', null, NOW)).toBe(0);
    expect(retryAfterSeconds('30.0', null, NOW)).toBe(30);
    expect(retryAfterSeconds('12.3', null, NOW)).toBe(13);
    expect(retryAfterSeconds('3600.0', null, NOW)).toBe(3600);
  });

  it('reads the three HTTP-date forms, all GMT (asctime too, whatever the local zone)', () => {
    for (const v of ['Thu, 01 Jan 2026 00:01:00 GMT', 'Thursday, 01-Jan-26 00:01:00 GMT', 'Thu Jan  1 00:01:00 2026']) expect(retryAfterSeconds(v, null, NOW)).toBe(60);
  });

  it('a field sent more than once: the longest wait', () => {
    expect(retryAfterSeconds('30, 30', null, NOW)).toBe(30);
    expect(retryAfterSeconds('5,20', null, NOW)).toBe(20);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:00 GMT, Thu, 01 Jan 2026 00:02:00 GMT', null, NOW)).toBe(120);
  });

  it('reads nothing from what is neither: no date guessed from "-5", "1.5.2" or words', () => {
    for (const v of ['-5', '1.5.2', 'soon', '30 seconds', '2026-01-01T00:01:00Z', 'Thu, 01 Jan 2026 00:01:00 GMT; 30', '', null]) expect(retryAfterSeconds(v, null, NOW)).toBeUndefined();
  });

  it('a date is measured from the Date header when it has a readable one', () => {
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:00 GMT', 'Thu, 01 Jan 2026 00:00:50 GMT', NOW)).toBe(10);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:00 GMT', '1.5', NOW)).toBe(60);
    expect(httpDate('Thu, 01 Jan 2026 00:00:50 GMT')).toBe(NOW + 50_000);
    expect(httpDate('12.3')).toBeNaN();
  });
});
