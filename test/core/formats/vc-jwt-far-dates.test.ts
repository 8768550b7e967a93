/**
 * RFC 7519 §2: a NumericDate is any JSON number of seconds since 1970. Hostile round 34: a genuine
 * VC-JWT whose `exp` lies past year 9999 (253402300800 is 10000-01-01, Number.MAX_SAFE_INTEGER an
 * issuer's "never") was `invalid`: the first was turned into toISOString's "+010000-01-01…", which no
 * XML Schema dateTime is ("exp is not a date"), the second failed structure as "not a NumericDate".
 * A far end is after every date, as a validUntil in year 10000 is (far-years.test.ts); a far start
 * is not yet valid; one far in the past long begun. Signed here with fresh keys.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { toIso } from '../../../src/core/formats/vc-jwt-claims.ts';
import { parseInstant } from '../../../src/core/verify/validity.ts';
import { credential, makeKey, runJwt, show, sign } from '../keys/jwt-fixtures.ts';

async function jwtWith(claims: Record<string, unknown>) {
  const k = await makeKey('EdDSA');
  return runJwt(await sign({ ...credential(k.did), ...claims }, k, { kid: `${k.did}#${k.multibase}` }));
}

describe('VC-JWT NumericDates past year 9999 or before year 0', () => {
  it('an exp in year 10000 or at Number.MAX_SAFE_INTEGER is not expired: valid', async () => {
    for (const exp of [253402300800, Number.MAX_SAFE_INTEGER, 1e20]) {
      const r = await jwtWith({ exp });
      expect(r.verdict, `${exp} ${show(r)}`).toBe('valid');
      expect(r.check('validity')?.outcome).toBe('pass');
    }
  });

  it('an nbf far in the past is begun (valid); one past year 9999 is not yet valid, never "not a date"', async () => {
    const begun = await jwtWith({ nbf: -1e13, validFrom: toIso(-1e13) });
    expect(begun.verdict, show(begun)).toBe('valid');
    const r = await jwtWith({ nbf: 1e13, validFrom: toIso(1e13) });
    expect(r.check('validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.NOT_YET_VALID });
    expect(r.check('structure')?.outcome).toBe('pass');
  });

  it('an exp already past still expires it, whatever the form', async () => {
    expect((await jwtWith({ exp: 1_750_000_000 })).check('validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    // Before its validFrom too: a window that ends before it begins.
    expect((await jwtWith({ exp: -1e13 })).check('validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.DATE_INVALID });
    expect((await jwtWith({ exp: -1e13, validFrom: toIso(-1e14) })).check('validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
  });

  it("toIso writes XML Schema dateTimes: as toISOString within years 0-9999, with the year's own digits beyond", () => {
    for (const s of [0, 1_700_000_000.25, -62167219200, 253402300799]) {
      expect(toIso(s)).toBe(new Date(s * 1000).toISOString());
      expect(parseInstant(toIso(s))).toBe(Math.floor(s * 1000));
    }
    expect(toIso(253402300800)).toBe('10000-01-01T00:00:00Z');
    expect(toIso(-62167219201)).toBe('-0001-12-31T23:59:59Z');
    expect(toIso(Number.MAX_SAFE_INTEGER)).toBe('285428751-11-12T07:36:31Z');
  });
});
