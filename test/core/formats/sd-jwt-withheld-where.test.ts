/**
 * An SD-JWT's undisclosed digest hides a member of the object that holds it, and nothing elsewhere
 * (RFC 9901 §4.2.4.1: the digest sits in that object's `_sd`; §4.2.5: a decoy is one that hides
 * nothing). Lanyard took any undisclosed digest, a decoy in the subject included, as leave for any
 * required field absent anywhere to count as withheld: an issuer-signed credential with no issuer, or
 * no achievement name, was 'unknown' rather than malformed. Now a field counts as withheld only when
 * an undisclosed digest sits where it belongs (issuer, validFrom: the top; the achievement: the
 * subject; its name: the achievement).
 */
import { describe, expect, it } from 'vitest';
import { credential, runJwt, show } from '../keys/jwt-fixtures.ts';
import { didKey, digest, disclosure, issue, sdJwt, type Obj } from './sd-jwt-support.ts';

/** A decoy digest (RFC 9901 §4.2.5) in the object `at` picks: no disclosure is ever sent for it. */
const decoy = (o: Obj): void => {
  o._sd = [digest(disclosure('ZGVjb3k', 'decoy', true))];
};
const subject = (c: Obj) => c.credentialSubject as Obj;
const achievement = (c: Obj) => subject(c).achievement as Obj;

const CASES: [string, (c: Obj) => void, (c: Obj) => Obj][] = [
  ['issuer', (c) => delete c.issuer, subject],
  ['credentialSubject.achievement.name', (c) => delete achievement(c).name, (c) => c],
  ['credentialSubject.achievement', (c) => delete subject(c).achievement, (c) => c],
];

describe('an SD-JWT with a decoy digest away from a required field it lacks', () => {
  it.each(CASES)('%s missing, a digest undisclosed elsewhere: malformed, not withheld', async (field, drop, at) => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    drop(c);
    decoy(at(c));
    const r = await runJwt(sdJwt(await issue(k, c)));
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.check('structure')?.code, show(r)).not.toBe('ERR_STRUCTURE_WITHHELD');
    if (field === 'credentialSubject.achievement') {
      // A missing achievement is a note, not a fault (ob3-badge.ts structureAchievement): withheld, it would be unknown.
      expect(r.check('structure')?.outcome).toBe('pass');
    } else {
      expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
      expect(r.check('structure')?.message).toContain(field);
      expect(r.verdict).toBe('invalid');
    }
  });

  it('validFrom missing, a decoy in the subject: malformed, not "not disclosed"', async () => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    delete c.validFrom;
    decoy(subject(c));
    const r = await runJwt(sdJwt(await issue(k, c)));
    expect(r.check('structure'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });

  it.each(CASES)('%s missing, an undisclosed digest where it belongs: withheld (unknown), as before', async (field, drop) => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    drop(c);
    const where = field === 'issuer' ? c : field === 'credentialSubject.achievement' ? subject(c) : achievement(c);
    decoy(where);
    const r = await runJwt(sdJwt(await issue(k, c)));
    expect(r.check('structure'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_STRUCTURE_WITHHELD' });
    expect(r.verdict).toBe('indeterminate');
  });

  it('a VC-JWT wrapping its credential in vc: the name missing, a digest in the wrapped achievement: withheld', async () => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    delete achievement(c).name;
    decoy(achievement(c));
    const { '@context': ctx, ...rest } = c;
    const r = await runJwt(sdJwt(await issue(k, { iss: k.did, vc: { '@context': ctx, ...rest } })));
    expect(r.check('structure'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_STRUCTURE_WITHHELD' });
  });
});
