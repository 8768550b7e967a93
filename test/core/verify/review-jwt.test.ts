/**
 * An outside review of the VC-JWT verdicts against OB 3.0 integrity.md §Verify a Credential
 * (jwt-verify, jwt-verify-credential), RFC 7515/7518 and VC-JOSE-COSE: one credential crafted per
 * rule, signed here with fresh keys, and the verdict the specification asks for.
 */
import { describe, expect, it } from 'vitest';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, didJwk, makeKey, rawJws, runJwt, show, sign, type TestKey } from '../keys/jwt-fixtures.ts';

const ISSUER = 'https://issuer.test/issuers/1';
const KID = 'https://issuer.test/keys/1.json';

/** An issuer document listing `k` under assertionMethod by id (the kid). */
const issuerWeb = (k: TestKey): FakeWeb => new FakeWeb().json(KID, k.jwk).json(ISSUER, { id: ISSUER, assertionMethod: [KID] });

/** A compact JWS signed by hand (RFC 7515 §5.1), for headers jose refuses to write. */
async function handSign(header: object, payload: object, key: CryptoKey, algorithm: string): Promise<string> {
  const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b(header)}.${b(payload)}`;
  const sig = new Uint8Array(await crypto.subtle.sign(algorithm, key, new TextEncoder().encode(input)));
  return `${input}.${Buffer.from(sig).toString('base64url')}`;
}

async function keyFor(alg: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg.startsWith('ES512') ? { crv: 'P-521' } : {}) });
  return { privateKey, publicKey, jwk: await exportJWK(publicKey), alg };
}

describe('review: VC-JWT algorithms (integrity.md JOSE header alg: RS256 at least, others permitted)', () => {
  it.each(['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'] as const)('verifies %s with an https kid the issuer lists', async (alg) => {
    const k = await makeKey(alg);
    const r = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), k, { kid: KID, typ: 'JWT' }), { fetch: issuerWeb(k).fetch });
    expect(r.verdict, show(r)).toBe('valid');
  });

  it.each(['RS384', 'RS512', 'PS384', 'PS512'])('verifies %s (RFC 7518 §3.3/§3.5: permitted by integrity.md, not a forgery)', async (alg) => {
    const k = await keyFor(alg);
    const r = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), k, { kid: KID }), { fetch: issuerWeb(k).fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('does not call an ES512 credential forged: indeterminate, the algorithm named', async () => {
    const k = await keyFor('ES512');
    const r = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), k, { kid: KID }), { fetch: issuerWeb(k).fetch });
    expect(r.check('signature'), show(r)).toMatchObject({ outcome: 'indeterminate' });
    expect(r.check('signature')?.message).toContain('ES512');
    expect(r.verdict).toBe('indeterminate');
  });

  it('does not call a jwk header of a curve Lanyard does not read (Ed448, RFC 8037) forged', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed448' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await exportJWK(pair.publicKey);
    expect(jwk.crv).toBe('Ed448');
    const r = await runJwt(await handSign({ alg: 'EdDSA', jwk }, credential({ id: ISSUER, type: 'Profile' }), pair.privateKey, 'Ed448'));
    expect(r.check('signature'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(r.verdict).toBe('indeterminate');
  });

  it('still fails alg none, HS256 and an unknown alg name', async () => {
    for (const alg of ['none', 'HS256', 'XS999']) {
      const r = await runJwt(rawJws({ alg, kid: KID }, credential(ISSUER), new Uint8Array(32)));
      expect(r.check('signature'), alg).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    }
  });

  it('fails a crit header it does not understand (RFC 7515 §4.1.11: the JWS is invalid)', async () => {
    const k = await makeKey('EdDSA');
    // jose refuses to sign an unknown crit, so the JWS is signed by hand.
    const jws = await handSign({ alg: 'EdDSA', kid: KID, crit: ['exp2'], exp2: 1 }, credential({ id: ISSUER, type: 'Profile' }), k.privateKey, 'Ed25519');
    const r = await runJwt(jws, { fetch: issuerWeb(k).fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('fails a jwk header holding a private key (integrity.md: the JWK MUST never contain d)', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const priv = await exportJWK(privateKey);
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(credential('urn:uuid:1')))).setProtectedHeader({ alg: 'ES256', jwk: priv }).sign(privateKey);
    const r = await runJwt(jws);
    expect(r.check('signature')?.outcome).toBe('fail');
  });
});

describe('review: VC-JWT keys (integrity.md §Dereferencing the Public Key)', () => {
  it('kid as a did:key DID URL (Ed25519) of a did:key issuer: valid', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('kid as a did:key DID URL (P-256) of a did:key issuer: valid', async () => {
    const k = await makeKey('ES256');
    const r = await runJwt(await sign(credential(k.did), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('did:jwk issuer, kid #0: valid', async () => {
    const k = await makeKey('ES256');
    const did = didJwk(k.jwk);
    const r = await runJwt(await sign(credential(did), k, { kid: `${did}#0` }));
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('did:web issuer, relative kid: valid when its document lists the key', async () => {
    const k = await makeKey('EdDSA');
    const did = 'did:web:issuer.test';
    const web = new FakeWeb().json('https://issuer.test/.well-known/did.json', {
      id: did, verificationMethod: [{ id: `${did}#key-1`, type: 'JsonWebKey', controller: did, publicKeyJwk: k.jwk }], assertionMethod: [`${did}#key-1`],
    });
    const r = await runJwt(await sign(credential(did), k, { kid: 'key-1' }), { fetch: web.fetch });
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('jwk header only, https issuer listing that key: valid; issuer unreachable: indeterminate', async () => {
    const k = await makeKey('RS256');
    const listed = new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [{ id: `${ISSUER}#k`, type: 'JsonWebKey', publicKeyJwk: k.jwk }] });
    const jws = await sign(credential({ id: ISSUER, type: 'Profile' }), k, { jwk: k.jwk });
    expect((await runJwt(jws, { fetch: listed.fetch })).verdict).toBe('valid');
    const r = await runJwt(jws, { fetch: new FakeWeb().fetch });
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.check('issuer-key')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('kid naming a key in a JWK Set (integrity.md sample header: https://example.edu/keys#key-1): valid when the issuer lists it', async () => {
    const k = await makeKey('RS256');
    const other = await makeKey('RS256');
    const kid = 'https://issuer.test/keys#key-1';
    const web = new FakeWeb()
      .json('https://issuer.test/keys', { keys: [{ ...other.jwk, kid: 'key-0' }, { ...k.jwk, kid: 'key-1' }] })
      .json(ISSUER, { id: ISSUER, assertionMethod: [kid] });
    const r = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), k, { kid }), { fetch: web.fetch });
    expect(r.verdict, show(r)).toBe('valid');
    // A set with no key of that kid: no key to check with, indeterminate.
    web.json('https://issuer.test/keys', { keys: [{ ...other.jwk, kid: 'key-0' }] });
    const none = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), k, { kid }), { fetch: web.fetch });
    expect(none.check('signature')?.outcome, show(none)).toBe('indeterminate');
  });

  it('issuer profile key (https kid) that the issuer does not list: invalid', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(KID, k.jwk).json(ISSUER, { id: ISSUER, assertionMethod: ['https://issuer.test/keys/other.json'] });
    const r = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), k, { kid: KID }), { fetch: web.fetch });
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });
});

describe('review: VC-JWT claims (integrity.md §Verify a Credential VC-JWT Signature)', () => {
  const signed = async (c: Record<string, unknown>, claims: Record<string, unknown>) => {
    const k = await makeKey('EdDSA');
    const cred = { ...credential(k.did), ...c };
    return runJwt(await sign({ ...cred, ...claims }, k, { kid: `${k.did}#${k.multibase}` }));
  };

  it('iss differing from issuer.id: invalid (structure), the signature still reported', async () => {
    const r = await signed({}, { iss: 'did:example:someone-else' });
    expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_CLAIM_MISMATCH' });
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.verdict).toBe('invalid');
  });

  it('exp disagreeing with validUntil, nbf disagreeing with validFrom: invalid', async () => {
    const exp = await signed({ validUntil: '2030-01-01T00:00:00Z' }, { exp: Date.parse('2029-01-01T00:00:00Z') / 1000 });
    expect(exp.check('structure')?.outcome).toBe('fail');
    const nbf = await signed({}, { nbf: Date.parse('2025-06-01T00:00:00Z') / 1000 });
    expect(nbf.check('structure')?.outcome).toBe('fail');
  });

  it('exp alone in the past (no validUntil): expired; nbf alone in the future: not yet valid', async () => {
    const exp = await signed({}, { exp: Date.parse('2026-01-01T00:00:00Z') / 1000 });
    expect(exp.check('validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    const k = await makeKey('EdDSA');
    const { validFrom: _drop, ...c } = credential(k.did);
    const vc11 = { ...c, '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] };
    const r = await runJwt(await sign({ vc: vc11, iss: k.did, nbf: Date.parse('2027-01-01T00:00:00Z') / 1000, jti: c.id }, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('validity'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
  });

  it('the vc claim form (VC DM 1.1 §6.3.1) and the VC DM 2.0 form both verify', async () => {
    const k = await makeKey('EdDSA');
    const { validFrom: _drop, ...c } = credential(k.did);
    const vc11 = { ...c, '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], issuanceDate: '2025-01-01T00:00:00Z' };
    const claims = { iss: k.did, jti: c.id, sub: 'did:example:learner-1', nbf: Date.parse('2025-01-01T00:00:00Z') / 1000 };
    const one = await runJwt(await sign({ vc: vc11, ...claims }, k, { kid: `${k.did}#${k.multibase}`, typ: 'JWT' }));
    expect(one.verdict, show(one)).toBe('valid');
    const two = await runJwt(await sign({ ...credential(k.did), ...claims }, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' }));
    expect(two.verdict, show(two)).toBe('valid');
  });

  it('validFrom in the future: not yet valid; VC 1.1 expirationDate past: expired', async () => {
    const future = await signed({ validFrom: '2027-01-01T00:00:00Z' }, {});
    expect(future.check('validity')).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
    expect(future.verdict).toBe('invalid');
    const k = await makeKey('EdDSA');
    const { validFrom: _drop, ...c } = credential(k.did);
    const vc11 = { ...c, '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], issuanceDate: '2025-01-01T00:00:00Z', expirationDate: '2026-01-01T00:00:00Z' };
    const r = await runJwt(await sign(vc11, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('validity'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });
});
