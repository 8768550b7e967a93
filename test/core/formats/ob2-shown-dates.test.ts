/**
 * An OB 2.0 date is handed on in the form every surface reads. The engine reads each DateTime form
 * OB 2.0's structure check accepts (ISO 8601 basic "20271120T000000Z", minutes left out, a comma
 * fraction, a zone "+01"; ob2-structure.ts ob2Instant), but the badge it returned kept the text as
 * written, and the popup reads dates with Date.parse and a YYYY-MM-DD prefix (popup/format.ts
 * isExpired, core/share/dates.ts): for those forms the badge page showed no expiry date, the list
 * never marked the badge expired once that date passed, and LinkedIn got no expiration month.
 * Now the badge carries the instant in ISO 8601 extended form, the one ECMAScript §21.4.1.32 reads.
 */
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, yearMonth } from '../../../src/core/share/dates.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW, signJws } from './ob2-fixtures.ts';

describe('an OB 2.0 badge\'s dates as every surface reads them', () => {
  const cases = [
    ['20271120T000000Z', '2027-11-20T00:00:00Z'],
    ['2027-11-20T00:00:00+01', '2027-11-20T00:00:00+01:00'],
    ['2027-11-20T00:00:00,5Z', '2027-11-20T00:00:00.5Z'],
    ['2027-11-20T10Z', '2027-11-20T10:00:00Z'],
  ] as const;
  for (const [written, shown] of cases) {
    it(`expires ${written}: the badge says ${shown}`, async () => {
      const { web, privateKey } = await makeIssuer();
      const r = await verify(await signJws(await assertion({ expires: written }), privateKey), { fetch: web.fetch, now: NOW });
      expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
      expect(r.badge?.expires).toBe(shown);
      expect(Date.parse(r.badge!.expires!)).not.toBeNaN();
      expect(formatCalendarDate(r.badge?.expires, 'en')).toBe('Nov 20, 2027');
      expect(yearMonth(r.badge?.expires)).toEqual({ year: 2027, month: 11 });
    });
  }

  it('issuedOn too; a date in the extended form is left as written', async () => {
    const { web, privateKey } = await makeIssuer();
    const basic = await verify(await signJws(await assertion({ issuedOn: '20250101T000000Z' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(basic.badge?.issuedOn).toBe('2025-01-01T00:00:00Z');
    const extended = await verify(await signJws(await assertion({ issuedOn: '2025-01-01T00:00:00.000+02:00' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(extended.badge?.issuedOn).toBe('2025-01-01T00:00:00.000+02:00');
  });
});
