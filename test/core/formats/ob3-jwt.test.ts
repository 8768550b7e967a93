import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, didJwk, makeKey, OB3_CONTEXT, rawJws, runJwt, show, sign, type TestKey } from '../keys/jwt-fixtures.ts';

const ISSUER = 'https://issuer.test/issuers/1';
const KID = 'https://issuer.test/keys/1.json';

describe('OB 3.0 VC-JWT: signature and issuer key', () => {
  it('verifies an EdDSA credential from a did:key issuer, kid naming its key', async () => {
    const k = await makeKey('EdDSA');
    const jws = await sign(credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' }), k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' });
    const r = await runJwt(jws, { identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['parse', 'pass'], ['structure', 'pass'], ['signature', 'pass'], ['issuer-key', 'pass'],
      ['hosted', 'skipped'], ['validity', 'pass'], ['revocation', 'pass'], ['recipient', 'pass'],
    ]);
    expect(r.badge).toMatchObject({
      name: 'Forklift Safety', issuer: { id: k.did, name: 'Key Issuer' }, issuedOn: '2025-01-01T00:00:00Z', tags: ['safety'],
      achievementId: 'https://issuer.test/achievements/forklift', criteria: { narrative: 'Passed the practical test.' },
    });
  });

  it('fails alg none without fetching any key', async () => {
    const web = new FakeWeb();
    const r = await runJwt(rawJws({ alg: 'none', kid: KID }, credential(ISSUER)), { fetch: web.fetch });
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    expect(r.verdict).toBe('invalid');
    expect(web.requested).toEqual([]);
  });

  it('fails HS256 keyed with the issuer public key bytes (algorithm confusion)', async () => {
    const k = await makeKey('EdDSA');
    const secret = new Uint8Array(await crypto.subtle.exportKey('raw', k.publicKey));
    const jws = await new SignJWT(credential(k.did)).setProtectedHeader({ alg: 'HS256', kid: `${k.did}#${k.multibase}` }).sign(secret);
    const r = await runJwt(jws);
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    expect(r.verdict).toBe('invalid');
  });

  it('fails issuer-key when the https kid is a key the issuer document does not list', async () => {
    const k = await makeKey('ES256');
    const other = await makeKey('ES256');
    const web = new FakeWeb().json(KID, k.jwk).json(ISSUER, {
      id: ISSUER, verificationMethod: [{ id: `${ISSUER}#k2`, type: 'JsonWebKey', controller: ISSUER, publicKeyJwk: other.jwk }], assertionMethod: [`${ISSUER}#k2`],
    });
    const r = await runJwt(await sign(credential(ISSUER), k, { kid: KID }), { fetch: web.fetch });
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.check('issuer-key')).toMatchObject({ outcome: 'fail', code: 'ERR_KEY_NOT_OWNED' });
    expect(r.verdict).toBe('invalid');
  });

  it.each<[string, (k: TestKey) => object]>([
    ['by id', () => ({ id: ISSUER, assertionMethod: [KID] })],
    ['by publicKeyJwk', (k) => ({ id: ISSUER, verificationMethod: [{ id: '#a', type: 'JsonWebKey', publicKeyJwk: k.jwk }] })],
    ['by publicKeyMultibase', (k) => ({ id: ISSUER, assertionMethod: [{ id: '#b', type: 'Multikey', publicKeyMultibase: k.multibase }] })],
  ])('passes issuer-key when the issuer document lists the https kid %s', async (_, doc) => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(KID, k.jwk).json(ISSUER, doc(k));
    const r = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), k, { kid: KID }), { fetch: web.fetch });
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.check('issuer-key')?.outcome).toBe('pass');
  });

  it('fails a did:key method while the issuer is another did:key', async () => {
    const k = await makeKey('EdDSA');
    const issuer = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(issuer.did), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.check('issuer-key')).toMatchObject({ outcome: 'fail', code: 'ERR_KEY_NOT_OWNED' });
    expect(r.verdict).toBe('invalid');
  });

  it('is indeterminate with a jwk header key and a urn:uuid issuer', async () => {
    const k = await makeKey('RS256');
    const r = await runJwt(await sign(credential('urn:uuid:2f1b4a3e-0000-4000-8000-000000000001'), k, { jwk: k.jwk, typ: 'JWT' }));
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.check('issuer-key')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED' });
    expect(r.verdict).toBe('indeterminate');
  });

  it('binds a jwk header key that the did:key issuer is', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did), k, { jwk: k.jwk }));
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('fails a tampered payload', async () => {
    const k = await makeKey('EdDSA');
    const [h, , s] = (await sign(credential(k.did), k, { kid: `${k.did}#${k.multibase}` })).split('.');
    const forged = Buffer.from(JSON.stringify(credential(k.did, { name: 'Master of Everything' }))).toString('base64url');
    const r = await runJwt(`${h}.${forged}.${s}`);
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(r.check('validity')?.outcome).toBe('skipped');
    expect(r.verdict).toBe('invalid');
  });

  it('fails a jwk header that holds a private key, and a key that does not fit the alg', async () => {
    const k = await makeKey('EdDSA');
    const priv = await sign(credential(k.did), k, { jwk: { ...k.jwk, d: 'AAAA' } });
    expect((await runJwt(priv)).check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    const rsa = await makeKey('RS256');
    const mismatch = rawJws({ alg: 'ES256', jwk: rsa.jwk }, credential('urn:uuid:x'), new Uint8Array(64));
    expect((await runJwt(mismatch)).check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
  });

  it('fails RSA keys under 2048 bits and critical header extensions', async () => {
    const small = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' }, true, ['sign', 'verify']);
    const jwk = await crypto.subtle.exportKey('jwk', small.publicKey);
    const [h, p] = rawJws({ alg: 'RS256', jwk: { kty: 'RSA', n: jwk.n, e: jwk.e } }, credential('urn:uuid:x')).split('.');
    const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', small.privateKey, new TextEncoder().encode(`${h}.${p}`));
    const weak = `${h}.${p}.${Buffer.from(sig).toString('base64url')}`;
    expect((await runJwt(weak)).check('signature')).toMatchObject({ outcome: 'fail', message: expect.stringContaining('2048') });
    const k = await makeKey('EdDSA');
    const [ch, cp] = rawJws({ alg: 'EdDSA', kid: `${k.did}#${k.multibase}`, crit: ['exp'], exp: 1 }, credential(k.did)).split('.');
    const csig = await crypto.subtle.sign('Ed25519', k.privateKey, new TextEncoder().encode(`${ch}.${cp}`));
    const crit = `${ch}.${cp}.${Buffer.from(csig).toString('base64url')}`;
    expect((await runJwt(crit)).check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
  });

  it('is indeterminate with no kid and no jwk, and with an unreachable kid', async () => {
    const k = await makeKey('RS256');
    const none = await runJwt(await sign(credential(ISSUER), k, { typ: 'JWT' }));
    expect(none.check('signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(none.verdict).toBe('indeterminate');
    const unreachable = await runJwt(await sign(credential(ISSUER), k, { kid: KID }), { fetch: new FakeWeb().fetch });
    expect(unreachable.check('signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(unreachable.verdict).toBe('indeterminate');
  });

  it.each(['ES256', 'RS256', 'PS256', 'ES384'] as const)('verifies %s with a key the issuer lists by publicKeyJwk', async (alg) => {
    const k = await makeKey(alg);
    const web = new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [{ id: `${ISSUER}#k`, type: 'JsonWebKey', publicKeyJwk: k.jwk }] });
    const r = await runJwt(await sign(credential(ISSUER), k, { jwk: k.jwk }), { fetch: web.fetch });
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('verifies with a did:jwk issuer and its #0 key', async () => {
    const k = await makeKey('ES256');
    const did = didJwk(k.jwk);
    const r = await runJwt(await sign(credential(did), k, { kid: `${did}#0` }));
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('verifies with a did:web issuer and a relative kid, and fails a key its document does not list', async () => {
    const k = await makeKey('EdDSA');
    const rogue = await makeKey('EdDSA');
    const did = 'did:web:issuer.test%3A8443:org:1';
    const web = new FakeWeb().json('https://issuer.test:8443/org/1/did.json', {
      id: did, verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: did, publicKeyMultibase: k.multibase }], assertionMethod: ['#key-1'],
    });
    const ok = await runJwt(await sign(credential({ id: did, type: 'Profile' }), k, { kid: '#key-1' }), { fetch: web.fetch });
    expect(ok.verdict, show(ok)).toBe('valid');
    const bad = await runJwt(await sign(credential(did), rogue, { kid: `${rogue.did}#${rogue.multibase}` }), { fetch: web.fetch });
    expect(bad.check('issuer-key')).toMatchObject({ outcome: 'fail', code: 'ERR_KEY_NOT_OWNED' });
    const offline = await runJwt(await sign(credential(did), k, { kid: '#key-1' }));
    expect(offline.check('signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(offline.verdict).toBe('indeterminate');
  });

  it('caches a bound key: the issuer need not be fetched again', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [{ id: `${ISSUER}#k`, type: 'JsonWebKey', publicKeyJwk: k.jwk }] });
    const store = new Map<string, unknown>();
    const keyCache = { get: (key: string) => store.get(key), set: (key: string, v: unknown) => void store.set(key, v) };
    const jws = await sign(credential(ISSUER), k, { jwk: k.jwk });
    expect((await runJwt(jws, { fetch: web.fetch, keyCache })).verdict).toBe('valid');
    expect((await runJwt(jws, { keyCache })).verdict).toBe('valid');
    expect((await runJwt(jws)).verdict).toBe('indeterminate');
  });
});

describe('OB 3.0 VC-JWT: claims, structure and dates', () => {
  const claims: [string, Record<string, unknown>][] = [
    ['iss', { iss: 'https://someone-else.test' }],
    ['jti', { jti: 'urn:uuid:another' }],
    ['sub', { sub: 'did:example:someone-else' }],
    ['nbf', { nbf: Date.parse('2025-01-02T00:00:00Z') / 1000 }],
    ['exp', { exp: Date.parse('2030-01-01T00:00:00Z') / 1000, validUntil: '2031-01-01T00:00:00Z' }],
    ['nbf (not a number)', { nbf: '1735689600' }],
  ];
  it.each(claims)('fails structure when %s disagrees with the credential', async (_, extra) => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign({ ...credential(k.did), ...extra }, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_CLAIM_MISMATCH' });
    // DESIGN "every check that can still run, runs": the genuine signature is not hidden.
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.check('issuer-key')?.outcome).toBe('pass');
    expect(r.verdict).toBe('invalid');
  });

  it('accepts matching claims, nbf within the second of validFrom', async () => {
    const k = await makeKey('EdDSA');
    const c = credential(k.did, { validFrom: '2025-01-01T00:00:00.750Z', validUntil: '2030-01-01T00:00:00Z' });
    const jws = await sign({ ...c, iss: k.did, jti: c.id, sub: 'did:example:learner-1', nbf: 1735689600, exp: 1893456000, iat: 1735689600 }, k, { kid: `${k.did}#${k.multibase}` });
    const r = await runJwt(jws);
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.check('validity')?.message).toContain('2030-01-01');
  });

  it('notes aud without sub as a warning, verdict unaffected', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign({ ...credential(k.did), aud: 'did:example:learner-1' }, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.check('claims')?.outcome).toBe('warning');
    expect(r.check('structure')).toMatchObject({ outcome: 'pass', message: expect.stringContaining('aud but no sub') });
  });

  it('reads a VC 1.1 credential from the vc claim, its id, issuer and dates given as claims', async () => {
    const k = await makeKey('EdDSA');
    const { id, issuer, validFrom, ...vc } = credential(k.did);
    void validFrom;
    const v1 = { ...vc, '@context': ['https://www.w3.org/2018/credentials/v1', OB3_CONTEXT] };
    const payload = { vc: v1, iss: issuer, jti: id, nbf: 1735689600, exp: Date.parse('2027-01-01T00:00:00Z') / 1000 };
    const r = await runJwt(await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'JWT' }));
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.badge).toMatchObject({ id, issuedOn: '2025-01-01T00:00:00.000Z', expires: '2027-01-01T00:00:00.000Z', issuer: { id: k.did } });
  });

  it.each([
    ['expired (validUntil)', { validUntil: '2026-01-01T00:00:00Z' }, 'ERR_EXPIRED'],
    ['expired (exp claim only)', { exp: Date.parse('2026-01-01T00:00:00Z') / 1000 }, 'ERR_EXPIRED'],
    ['not yet valid', { validFrom: '2027-01-01T00:00:00Z' }, 'ERR_NOT_YET_VALID'],
  ])('fails validity when %s', async (_, extra, code) => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign({ ...credential(k.did), ...extra }, k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('validity')).toMatchObject({ outcome: 'fail', code });
    expect(r.verdict).toBe('invalid');
  });

  it.each([
    ['a VC context first', { '@context': [OB3_CONTEXT, 'https://www.w3.org/ns/credentials/v2'] }, '@context'],
    // With an OB type missing and something else wrong too: malformed. (Missing the OB type alone: a VC of another kind, not forged: ob3-not-a-badge.test.ts.)
    ['an OB type and an issuer', { type: ['VerifiableCredential'], issuer: { name: 'No id' } }, 'OpenBadgeCredential'],
    ['validFrom', { validFrom: undefined }, 'validFrom'],
    ['an issuer', { issuer: { name: 'No id' } }, 'issuer'],
    ['an achievement name', { credentialSubject: { id: 'did:example:1', achievement: { id: 'urn:x' } } }, 'achievement.name'],
  ])('fails structure without %s, naming the field', async (_, extra, field) => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did, extra), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID', message: expect.stringContaining(field) });
  });

  it('a VC-JWT of another kind (no OB type, all else sound): indeterminate, not an Open Badge, its signature still checked', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did, { type: ['VerifiableCredential'] }), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('structure')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NOT_OPEN_BADGE' });
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.verdict).toBe('indeterminate');
  });

  it('notes, without failing, a subject with neither id nor identifier: there is no recipient to check', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did, { credentialSubject: { achievement: { id: 'urn:a', name: 'X' } } }), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('structure')?.outcome).toBe('pass');
    expect(r.check('schema')).toMatchObject({ outcome: 'warning', message: expect.stringContaining('neither id nor identifier') });
  });

  it('fails a typ that is not a credential token, accepts application/vc+jwt', async () => {
    const k = await makeKey('EdDSA');
    const kid = `${k.did}#${k.multibase}`;
    expect((await runJwt(await sign(credential(k.did), k, { kid, typ: 'at+jwt' }))).check('structure')?.outcome).toBe('fail');
    expect((await runJwt(await sign(credential(k.did), k, { kid, typ: 'application/vc+jwt' }))).verdict).toBe('valid');
  });

  it('is indeterminate when the status list a credential names cannot be fetched', async () => {
    const k = await makeKey('EdDSA');
    const status = { id: 'https://issuer.test/status/1#23', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '23', statusListCredential: 'https://issuer.test/status/1' };
    const r = await runJwt(await sign(credential(k.did, { credentialStatus: status }), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('revocation')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('fails structure for text that is not a compact JWS', async () => {
    const r = await runJwt('abc.def');
    expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_PARSE_JWS' });
    expect(r.badge).toBeNull();
  });
});
