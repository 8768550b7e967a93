/**
 * An SD-JWT's holder may withhold any claim its issuer made selectively disclosable (RFC 9901 §4.2,
 * §7.1 step 3: an undisclosed digest is dropped): the issuer, the subject, the achievement's name. The
 * issuer JWT's signature holding says the badge is not forged; what was withheld is unknown. Lanyard
 * called such a badge malformed (invalid). Now `structure` is indeterminate (ERR_STRUCTURE_WITHHELD);
 * a broken signature, or a credential missing them with nothing withheld, stays invalid.
 */
import { describe, expect, it } from 'vitest';
import { credential, runJwt, show } from '../keys/jwt-fixtures.ts';
import { didKey, digest, disclosure, issue, sdJwt, type Obj } from './sd-jwt-support.ts';

/** The credential with `name` of the object `at` picks put behind a digest (RFC 9901 §4.2.4.1): its disclosure. */
function hide(c: Obj, at: (c: Obj) => Obj, name: string): string {
  const o = at(c);
  const d = disclosure('c2FsdA', name, o[name]);
  delete o[name];
  o._sd = [digest(d)];
  return d;
}
const top = (c: Obj) => c;
const subject = (c: Obj) => c.credentialSubject as Obj;
const achievement = (c: Obj) => subject(c).achievement as Obj;
const CASES: [string, (c: Obj) => Obj, string][] = [
  ['issuer', top, 'issuer'],
  ['credentialSubject', top, 'credentialSubject'],
  ['credentialSubject.achievement', subject, 'achievement'],
  ['credentialSubject.achievement.name', achievement, 'name'],
];

describe('an SD-JWT credential whose holder withheld a required claim', () => {
  it.each(CASES)('%s withheld, the signature holding: indeterminate, never malformed', async (field, at, name) => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    const d = hide(c, at, name);
    const jwt = await issue(k, c);
    const r = await runJwt(sdJwt(jwt));
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.check('structure')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_STRUCTURE_WITHHELD' });
    expect(r.check('structure')?.message).toContain(`withheld ${field} (`);
    expect(r.checks.filter((x) => x.outcome === 'fail')).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    // Disclosed, the same credential is valid.
    expect((await runJwt(sdJwt(jwt, d))).verdict).toBe('valid');
  });

  it.each(CASES)('%s withheld, the signature broken: invalid, and the structure says it is missing', async (field, at, name) => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    hide(c, at, name);
    const [h, p, s] = (await issue(k, c)).split('.');
    const sig = Buffer.from(s!, 'base64url');
    sig[5]! ^= 1;
    const r = await runJwt(sdJwt(`${h}.${p}.${sig.toString('base64url')}`));
    expect(r.check('signature')?.outcome, show(r)).toBe('fail');
    expect(r.verdict).toBe('invalid');
    if (field === 'credentialSubject.achievement') expect(r.check('structure')?.outcome).toBe('pass');
    else {
      expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
      expect(r.check('structure')?.message).toContain(field);
    }
  });

  it('the issuer withheld, a claim that disagrees with the credential (jti): still malformed', async () => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    hide(c, top, 'issuer');
    const r = await runJwt(sdJwt(await issue(k, { ...c, jti: 'urn:uuid:another' })));
    expect(r.check('structure'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_CLAIM_MISMATCH' });
    expect(r.verdict).toBe('invalid');
  });

  it('the issuer withheld, iss naming the signer: no mismatch, still unknown', async () => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    hide(c, top, 'issuer');
    const r = await runJwt(sdJwt(await issue(k, { ...c, iss: k.did })));
    expect(r.check('structure'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_STRUCTURE_WITHHELD' });
    expect(r.verdict).toBe('indeterminate');
  });

  it('missing with nothing withheld (every digest disclosed): malformed', async () => {
    const k = await didKey();
    const c = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    delete (achievement(c)).name;
    const d = disclosure('c2FsdA', 'description', 'x');
    c._sd = [digest(d)];
    const r = await runJwt(sdJwt(await issue(k, c), d));
    expect(r.check('structure'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });
});
