/** VC-JWT shapes issued in the wild that the conformance corpus does not hold. */
import { describe, expect, it } from 'vitest';
import { credential, makeKey, runJwt, show, sign } from '../keys/jwt-fixtures.ts';

describe('OB 3.0 VC-JWT header and claim variants', () => {
  it('accepts the VC-JOSE-COSE drafts\' typ values (vc+ld+jwt, vc+ld+json+jwt), with or without application/', async () => {
    const k = await makeKey('EdDSA');
    const kid = `${k.did}#${k.multibase}`;
    for (const typ of ['vc+ld+jwt', 'VC+LD+JSON+JWT', 'application/vc+ld+json+jwt', 'application/jwt']) {
      const r = await runJwt(await sign(credential(k.did), k, { kid, typ }));
      expect(r.verdict, `${typ}: ${show(r)}`).toBe('valid');
    }
    // Still explicit typing: another kind of token is refused.
    expect((await runJwt(await sign(credential(k.did), k, { kid, typ: 'dpop+jwt' }))).check('structure')?.outcome).toBe('fail');
  });

  it('compares a fractional NumericDate nbf by its second (RFC 7519 §2)', async () => {
    const k = await makeKey('EdDSA');
    const c = credential(k.did); // validFrom 2025-01-01T00:00:00Z
    const r = await runJwt(await sign({ ...c, iss: k.did, nbf: 1735689600.25 }, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.verdict, show(r)).toBe('valid');
    const off = await runJwt(await sign({ ...c, iss: k.did, nbf: 1735689601.25 }, k, { kid: `${k.did}#${k.multibase}` }));
    expect(off.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_CLAIM_MISMATCH' });
  });
});
