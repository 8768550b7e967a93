/** VC-JWT shapes issued in the wild that the conformance corpus does not hold. */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, makeKey, rawJws, runJwt, show, sign } from '../keys/jwt-fixtures.ts';

describe('OB 3.0 VC-JWT header and claim variants', () => {
  it('accepts the VC-JOSE-COSE drafts\' typ values (vc+ld+jwt, vc+ld+json+jwt), with or without application/', async () => {
    const k = await makeKey('EdDSA');
    const kid = `${k.did}#${k.multibase}`;
    for (const typ of ['vc+ld+jwt', 'VC+LD+JSON+JWT', 'application/vc+ld+json+jwt', 'application/jwt']) {
      const r = await runJwt(await sign(credential(k.did), k, { kid, typ }));
      expect(r.verdict, `${typ}: ${show(r)}`).toBe('valid');
    }
    // OpenID4VCI's format identifiers, which walt.id's issuer writes into typ: a genuine badge, not another token.
    for (const typ of ['jwt_vc_json', 'jwt_vc_json-ld', 'jwt_vc']) {
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

  it('reads an unsecured VC-JWT (alg none, empty signature) from raw input, then fails signature as unsigned', async () => {
    const k = await makeKey('EdDSA');
    const token = rawJws({ alg: 'none', typ: 'JWT' }, credential(k.did));
    expect(token.endsWith('.')).toBe(true);
    const r = await verify(token, { now: new Date('2026-01-01T00:00:00Z') });
    const check = (id: string) => r.checks.find((c) => c.id === id);
    expect(check('parse')?.outcome).toBe('pass');
    expect(r.format).toBe('ob3.0-jwt');
    expect(check('structure')?.outcome).toBe('pass');
    expect(check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    expect(check('signature')?.message).toMatch(/not signed/);
    expect(r.verdict).toBe('invalid');
  });

  it('still calls text that only looks like an unsigned JWS neither JSON, a JWS nor a URL', async () => {
    const r = await verify('hello.world.', { now: new Date('2026-01-01T00:00:00Z') });
    expect(r.checks[0]).toMatchObject({ id: 'parse', outcome: 'fail', code: 'ERR_PARSE_UNRECOGNISED' });
    expect(r.checks[0]?.message).toContain('neither JSON, a compact JWS nor an http(s) URL');
  });

  it('checks the signature of a VC-JWT whose iss disagrees with the issuer: structure fails, the genuine signature shows', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign({ ...credential(k.did), iss: 'did:example:someone-else' }, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_CLAIM_MISMATCH' });
    expect(r.check('structure')?.message).toContain('iss (did:example:someone-else)');
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.verdict).toBe('invalid');
  });

  it('a sub beside a subject the credential names only by its identifiers is a note, not a claim mismatch (OB 3.0 AchievementSubject id 0..1)', async () => {
    const k = await makeKey('EdDSA');
    const kid = `${k.did}#${k.multibase}`;
    const c = credential(k.did);
    const { id: _id, ...subject } = c.credentialSubject as Record<string, unknown>;
    const r = await runJwt(await sign({ ...c, credentialSubject: subject, iss: k.did, sub: 'did:example:learner-1' }, k, { kid }));
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.check('structure')?.message).toContain("sub (did:example:learner-1) names a subject the credential gives no id");
    // A subject id that the sub contradicts still fails.
    const other = await runJwt(await sign({ ...c, iss: k.did, sub: 'did:example:someone-else' }, k, { kid }));
    expect(other.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_CLAIM_MISMATCH' });
  });
});
