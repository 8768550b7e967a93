/**
 * A VC-JWT's JWS is read once (issue 14, jwt_eddsa_verify_us). The test for an SD-JWT issuer JWT sent
 * without its `~` (RFC 9901 §4, sd-jwt-attacks.test.ts) decoded and parsed the whole payload a first
 * time, then the verifier read it again: ~40 % of Lanyard's own JavaScript per VC-JWT. Both now share
 * one reading; the issuer JWT sent alone is still verified as an SD-JWT (sd-jwt-attacks.test.ts).
 */
import { CompactSign } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, makeKey, NOW, runJwt, show, sign, type TestKey } from '../keys/jwt-fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('OB 3.0 VC-JWT: the JWS read once', () => {
  it('parses the payload once for a valid EdDSA credential', async () => {
    const k = await makeKey('EdDSA');
    const jws = await sign(credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' }), k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' });
    const parse = vi.spyOn(JSON, 'parse');
    const r = await runJwt(jws, { identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('valid');
    const payloads = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('Forklift Safety credential'));
    expect(payloads).toHaveLength(1);
  });

  it('still reads an issuer JWT with digests and no ~ as an SD-JWT, with its payload parsed once', async () => {
    const k = await makeKey('EdDSA');
    const jws = await sign({ ...credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' }), _sd: ['x'.repeat(43)], _sd_alg: 'sha-256' }, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+sd-jwt' });
    const parse = vi.spyOn(JSON, 'parse');
    const r = await runJwt(jws, { identities: ['ada@example.org'] });
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.verdict, show(r)).not.toBe('valid');
    const payloads = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('Forklift Safety credential'));
    expect(payloads).toHaveLength(1);
  });

  it('parses the payload once through the whole pipeline: the decoding made to classify the input is the one verified', async () => {
    // Failed before: classifying (input/jws.ts peekJws) and verifying (keys/verify-jws.ts readJwsPayload) each parsed it.
    const k = await makeKey('EdDSA');
    const jws = await sign(credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' }), k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' });
    const parse = vi.spyOn(JSON, 'parse');
    const r = await verify(jws, { now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    const payloads = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('Forklift Safety credential'));
    expect(payloads).toHaveLength(1);
  });

  /** A VC-JWT whose payload's UTF-8 text starts with `boms` byte-order marks. */
  const withBoms = async (k: TestKey, boms: number): Promise<string> => {
    const text = '\uFEFF'.repeat(boms) + JSON.stringify(credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' }));
    return new CompactSign(new TextEncoder().encode(text)).setProtectedHeader({ alg: k.alg, kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' }).sign(k.privateKey);
  };

  it('reads a payload after one byte-order mark (the UTF-8 decoder takes it), as before', async () => {
    const k = await makeKey('EdDSA');
    const r = await verify(await withBoms(k, 1), { now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
  });

  it('still refuses a payload after two byte-order marks, which classifying the input reads but the verifier does not', async () => {
    const k = await makeKey('EdDSA');
    const r = await verify(await withBoms(k, 2), { now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'structure'), JSON.stringify(r.checks, null, 1)).toMatchObject({ outcome: 'fail', message: expect.stringContaining('cannot be read') });
  });
});
