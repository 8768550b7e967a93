/**
 * A date written without its time zone. XML Schema 1.1 Part 2 §3.3.7 makes a dateTime's zone
 * optional, and VC DM 1.1 §4.6/§4.8 type issuanceDate and expirationDate as such a dateTime; a
 * zoneless one names an instant only to within 14 hours (§E.3.3). Before: "2030-01-01T00:00:00"
 * failed `validity` (ERR_DATE_INVALID), a genuine VC 1.1 badge called invalid. Now such a date is the
 * range t ± 14 h: outside it the window is settled as for a zoned date, inside it `indeterminate`
 * (ERR_DATE_NO_ZONE). Where the spec requires a zone (VC DM 2.0 §4.7 validFrom/validUntil,
 * xsd:dateTimeStamp; OB 3.0 DateTimeZ), a zoneless date is the issuer's non-conformance, said as a
 * `warning`, never a forgery.
 */
import { describe, expect, it } from 'vitest';
import { credential, makeKey, OB3_CONTEXT, runJwt, show, sign } from '../keys/jwt-fixtures.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { checkValidity, spanOf } from '../../../src/core/verify/validity.ts';
import { checkSentence } from '../../../src/core/share/check-words.ts';
import { VALIDITY_NOW, validity } from './validity-at.ts';

// VALIDITY_NOW is 2026-11-26T00:00:00Z.
const named = (w: { from?: string; fromName?: string; until?: string; untilName?: string }) => {
  const checks = new CheckList();
  checkValidity(checks, w, VALIDITY_NOW);
  return checks.get('validity');
};

describe('a VC 1.1 date without a time zone (XSD dateTime, zone optional)', () => {
  it('an expirationDate more than 14 h ahead is not expired, and reads as valid (no warning: VC 1.1 allows it)', () => {
    expect(named({ until: '2030-01-01T00:00:00', untilName: 'expirationDate' })?.outcome).toBe('pass');
    expect(named({ until: '2026-11-26T14:00:01', untilName: 'expirationDate' })?.outcome).toBe('pass');
  });

  it('one more than 14 h past is expired, as a zoned one is', () => {
    expect(named({ until: '2020-01-01T00:00:00', untilName: 'expirationDate' })).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(named({ until: '2026-11-25T09:59:59', untilName: 'expirationDate' })).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });

  it('within 14 h of now, whether it has expired cannot be told: indeterminate, saying why', () => {
    for (const until of ['2026-11-26T00:00:00', '2026-11-25T10:00:01', '2026-11-26T13:59:59', '2026-11-26t05:00:00']) {
      const c = named({ until, untilName: 'expirationDate' });
      expect(c, until).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_NO_ZONE' });
      expect(c?.message).toMatch(/expirationDate .* without a time zone.*14 hours/);
    }
  });

  it('an issuanceDate: more than 14 h ahead is not yet valid; within 14 h indeterminate; past, valid', () => {
    expect(named({ from: '2026-11-27T00:00:00', fromName: 'issuanceDate' })).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
    expect(named({ from: '2026-11-26T10:00:00', fromName: 'issuanceDate' })).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_NO_ZONE', message: expect.stringMatching(/begun/) });
    expect(named({ from: '2026-11-25T00:00:00', fromName: 'issuanceDate' })?.outcome).toBe('pass');
  });

  it('an expiry written before a zoneless start only when it is so whatever the zones', () => {
    expect(named({ from: '2026-01-02T12:00:00', fromName: 'issuanceDate', until: '2026-01-01T00:00:00Z', untilName: 'expirationDate' })).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
    // 14 h apart either way: the expiry may be after the start (then expired, a separate question)
    expect(named({ from: '2026-01-01T12:00:00', fromName: 'issuanceDate', until: '2026-01-01T00:00:00Z', untilName: 'expirationDate' })).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(named({ from: '2024-01-01T12:00:00', fromName: 'issuanceDate', until: '2027-01-01T00:00:00Z', untilName: 'expirationDate' })?.outcome).toBe('pass');
  });
});

describe('where the spec requires a zone (VC DM 2.0 validFrom/validUntil)', () => {
  it('a zoneless validUntil far ahead: a warning naming the missing zone, never a failure', () => {
    const c = named({ from: '2024-01-01T00:00:00Z', until: '2030-01-01T00:00:00' });
    expect(c).toMatchObject({ outcome: 'warning', code: 'ERR_DATE_NO_ZONE' });
    expect(c?.message).toMatch(/validUntil \(2030-01-01T00:00:00\) is a time without a time zone, which VC Data Model 2\.0 §4\.7 requires/);
  });

  it('still expired when far past, indeterminate near now', () => {
    expect(named({ until: '2020-01-01T00:00:00' })).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(named({ until: '2026-11-26T08:00:00' })).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_NO_ZONE' });
  });

  it('a VC 2.0 VC-JWT with a zoneless validUntil, correctly signed, is valid with the note, not invalid', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did, { validUntil: '2030-01-01T00:00:00' }), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('validity'), show(r)).toMatchObject({ outcome: 'warning', code: 'ERR_DATE_NO_ZONE' });
    expect(r.verdict).toBe('valid');
  });

  it('a VC 1.1 VC-JWT with a zoneless expirationDate is valid (before: invalid, ERR_DATE_INVALID)', async () => {
    const k = await makeKey('EdDSA');
    const vc = { ...credential(k.did), '@context': ['https://www.w3.org/2018/credentials/v1', OB3_CONTEXT], validFrom: undefined, issuanceDate: '2024-01-01T00:00:00Z', expirationDate: '2030-01-01T00:00:00' };
    const r = await runJwt(await sign(vc, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('validity'), show(r)).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('and one expired long ago is still invalid', async () => {
    const k = await makeKey('EdDSA');
    const vc = { ...credential(k.did), '@context': ['https://www.w3.org/2018/credentials/v1', OB3_CONTEXT], validFrom: undefined, issuanceDate: '2020-01-01T00:00:00', expirationDate: '2021-01-01T00:00:00' };
    const r = await runJwt(await sign(vc, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('validity'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(r.verdict).toBe('invalid');
  });
});

describe('other ways a legal date is written', () => {
  it('a date alone: as an end, any instant of that day in any zone; as a start, its first instant anywhere', () => {
    expect(spanOf('2030-01-01', 'until')).toEqual({ earliest: Date.UTC(2029, 11, 31, 10), latest: Date.UTC(2030, 0, 2, 14), lacks: 'day' });
    expect(spanOf('2030-01-01', 'from')).toEqual({ earliest: Date.UTC(2029, 11, 31, 10), latest: Date.UTC(2030, 0, 1, 14), lacks: 'day' });
    // Today's date as an expiry: it may mean the end of today (before: expired at UTC midnight, invalid).
    expect(validity(undefined, '2026-11-26')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_NO_ZONE' });
    expect(validity(undefined, '2026-11-24')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(validity(undefined, '2026-11-28')?.outcome).toBe('warning'); // validUntil, which requires a zone
    expect(named({ until: '2026-11-28', untilName: 'expirationDate' })?.outcome).toBe('pass');
    expect(validity('2026-11-28')).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
  });

  it('lowercase t and z, a comma fraction, +00:00 and -00:00 read as the instant they write', () => {
    const at = Date.UTC(2030, 0, 1);
    for (const v of ['2030-01-01T00:00:00Z', '2030-01-01t00:00:00z', '2030-01-01T00:00:00,000Z', '2030-01-01T00:00:00+00:00', '2030-01-01T00:00:00-00:00']) {
      expect(spanOf(v, 'until'), v).toEqual({ earliest: at, latest: at });
    }
    expect(validity(undefined, '2026-11-25T23:59:59,5Z')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });

  it('a year of five digits or more, with or without a zone, is after every date read', () => {
    expect(named({ until: '10000-01-01T00:00:00', untilName: 'expirationDate' })?.outcome).toBe('pass');
    expect(validity('10000-01-01T00:00:00')).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
  });

  it('what is no date still fails', () => {
    for (const v of ['next spring', '2030-02-30T00:00:00', '2030-01-01T25:00:00', '2030-01-01 00:00:00']) {
      expect(validity(undefined, v), v).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
    }
  });
});

describe('the words for the new outcomes', () => {
  it('an indeterminate validity for a missing zone and the warning have their own sentences', () => {
    expect(checkSentence({ id: 'validity', outcome: 'indeterminate', code: 'ERR_DATE_NO_ZONE' })).toBe('checkValidityNoZone');
    expect(checkSentence({ id: 'validity', outcome: 'warning', code: 'ERR_DATE_NO_ZONE' })).toBe('checkValidityZoneMissing');
  });
});
