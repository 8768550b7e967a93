/**
 * An adversarial review of how a signing key is bound to the issuer (src/core/keys/binding.ts),
 * through the VC-JWT and Data Integrity paths: what review-di and review-jwt do not already cover.
 * VC Data Integrity 1.0 §5.10 and Controlled Identifiers 1.0 §Retrieve Verification Method (the
 * method must be in the controller document's assertionMethod, and name that document as its
 * controller: "a bi-directional reference"), §Verification Methods (a method's `revoked`,
 * `expires`), did:jwk §Read (`use`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential as vc, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';
import { credential, didJwk, makeKey, runJwt, show, sign, type TestKey } from '../keys/jwt-fixtures.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const DID = 'did:web:issuer.test';
const DID_URL = 'https://issuer.test/.well-known/did.json';

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

const runDi = (c: unknown, web = new FakeWeb()) => verify(JSON.stringify(c), { fetch: web.fetch, now: NOW });
const check = (r: Awaited<ReturnType<typeof runDi>>, id: string) => r.checks.find((c) => c.id === id);
const showDi = (r: Awaited<ReturnType<typeof runDi>>) => JSON.stringify(r.checks, null, 1);

const jwkMethod = (id: string, k: TestKey, extra: Record<string, unknown> = {}) => ({ id, type: 'JsonWebKey', controller: DID, publicKeyJwk: k.jwk, ...extra });

describe('review: the relationship that authorizes the key (VC DI 1.0 §5.10, CID 1.0 §Retrieve Verification Method)', () => {
  it('a DID document that lists the key under authentication and names no assertionMethod: not the issuer\'s assertion key', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [jwkMethod(`${DID}#key-1`, k)], authentication: [`${DID}#key-1`] });
    const r = await runJwt(await sign(credential(DID), k, { kid: `${DID}#key-1` }), { fetch: web.fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
  });

  it('a DID document whose assertionMethod is present but empty authorizes no key either', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [jwkMethod(`${DID}#key-1`, k)], keyAgreement: [`${DID}#key-1`], assertionMethod: [] });
    const r = await runJwt(await sign(credential(DID), k, { kid: `${DID}#key-1` }), { fetch: web.fetch });
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
  });

  it('a DID document that lists its key only in verificationMethod, with no relationship at all: not confirmed, not called forged', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [jwkMethod(`${DID}#key-1`, k)] });
    const r = await runJwt(await sign(credential(DID), k, { kid: `${DID}#key-1` }), { fetch: web.fetch });
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('indeterminate');
  });

  it('an https issuer profile listing keys in verificationMethod only (no relationships named) still binds them', async () => {
    const issuer = 'https://issuer.test/issuers/1';
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(issuer, { id: issuer, verificationMethod: [{ id: '#k1', type: 'JsonWebKey', publicKeyJwk: k.jwk }] });
    const r = await runJwt(await sign(credential({ id: issuer, type: 'Profile' }), k, { kid: '#k1' }), { fetch: web.fetch });
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('an https issuer profile that names authentication but not assertionMethod authorizes no key for issuing', async () => {
    const issuer = 'https://issuer.test/issuers/1';
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(issuer, { id: issuer, verificationMethod: [{ id: '#k1', type: 'JsonWebKey', publicKeyJwk: k.jwk }], authentication: ['#k1'] });
    const r = await runJwt(await sign(credential({ id: issuer, type: 'Profile' }), k, { kid: '#k1' }), { fetch: web.fetch });
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
  });

  it('did:jwk whose key says use "enc" (did:jwk §Read: keyAgreement only): not an assertion key', async () => {
    const k = await makeKey('ES256');
    const did = didJwk({ ...k.jwk, use: 'enc' });
    const r = await runJwt(await sign(credential(did), k, { kid: `${did}#0` }));
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
    // use "sig" (or none) is an assertion key.
    const sig = didJwk({ ...k.jwk, use: 'sig' });
    expect((await runJwt(await sign(credential(sig), k, { kid: `${sig}#0` }))).verdict).toBe('valid');
  });
});

describe('review: did:web forms (did:web §3.2 Read: a port as %3A, a path as :-separated segments)', () => {
  it.each([
    ['did:web:issuer.test%3A8443', 'https://issuer.test:8443/.well-known/did.json'],
    ['did:web:issuer.test:org:unit', 'https://issuer.test/org/unit/did.json'],
    ['did:web:issuer.test%3A8443:org', 'https://issuer.test:8443/org/did.json'],
  ])('%s, its document at %s: valid with a relative kid; the same key listed by the host\'s root DID only: not the issuer\'s', async (did, url) => {
    const [k, other] = await Promise.all([makeKey('ES256'), makeKey('ES256')]);
    const doc = (key: TestKey, id: string) => ({ id, verificationMethod: [{ id: `${id}#key-1`, type: 'JsonWebKey', controller: id, publicKeyJwk: key.jwk }], assertionMethod: [`${id}#key-1`] });
    const jws = await sign(credential(did), k, { kid: '#key-1' });
    expect((await runJwt(jws, { fetch: new FakeWeb().json(url, doc(k, did)).fetch })).verdict).toBe('valid');
    // The host's own DID lists the key, the path/port DID's document another: the path/port DID is the issuer.
    const web = new FakeWeb().json(url, doc(other, did)).json(DID_URL, doc(k, DID));
    const r = await runJwt(await sign(credential(did), k, { kid: `${DID}#key-1` }), { fetch: web.fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
  });
});

describe('review: did:key methods (did:key §Read: the fragment is the key itself)', () => {
  it('a did:key method whose fragment spells another key names no key of that DID: never valid', async () => {
    const mallory = await generateSigner();
    for (const vm of [`${alice.did}#${mallory.multibase}`, `${alice.did}#key-1`, `${mallory.did}#${alice.multibase}`]) {
      const r = await runDi(await signCredential(vc(alice.did), mallory, { verificationMethod: vm }));
      expect(r.verdict, vm).not.toBe('valid');
    }
    const own = await runDi(await signCredential(vc(alice.did), alice, { verificationMethod: `${alice.did}#key-1` }));
    expect(check(own, 'signature')?.outcome, showDi(own)).toBe('indeterminate');
  });
});

describe('review: the method names its controller (CID 1.0 §Retrieve Verification Method: a bi-directional reference)', () => {
  it('the issuer\'s DID document lists a method whose controller is another party: not confirmed as the issuer\'s', async () => {
    const vm = `${DID}#key-1`;
    const method = { id: vm, type: 'Multikey', controller: 'did:web:other.test', publicKeyMultibase: alice.multibase };
    const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [method], assertionMethod: [vm] });
    const r = await runDi(await signCredential(vc(DID), alice, { verificationMethod: vm }), web);
    expect(check(r, 'signature')?.outcome, showDi(r)).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome, showDi(r)).toBe('indeterminate');
    // The same document with the controller its own: valid.
    const own = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [{ ...method, controller: DID }], assertionMethod: [vm] });
    expect((await runDi(await signCredential(vc(DID), alice, { verificationMethod: vm }), own)).verdict).toBe('valid');
  });

  it('an external method the issuer references, whose own document names another controller: not confirmed', async () => {
    const issuer = 'https://issuer.test/issuers/1';
    const vm = 'https://keys.test/k1';
    const web = new FakeWeb()
      .json(issuer, { id: issuer, assertionMethod: [vm] })
      .json(vm, { id: vm, type: 'Multikey', controller: 'https://mallory.test/', publicKeyMultibase: alice.multibase });
    const r = await runDi(await signCredential(vc(issuer), alice, { verificationMethod: vm }), web);
    expect(check(r, 'signature')?.outcome, showDi(r)).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome, showDi(r)).toBe('indeterminate');
    // Naming the issuer as its controller: valid.
    const good = new FakeWeb().json(issuer, { id: issuer, assertionMethod: [vm] }).json(vm, { id: vm, type: 'Multikey', controller: issuer, publicKeyMultibase: alice.multibase });
    expect((await runDi(await signCredential(vc(issuer), alice, { verificationMethod: vm }), good)).verdict).toBe('valid');
  });

  it('a JWT kid on another did:web host than the issuer\'s: the issuer does not list it, so invalid', async () => {
    const [k, own] = await Promise.all([makeKey('ES256'), makeKey('ES256')]);
    const evil = 'did:web:evil.test';
    const web = new FakeWeb()
      .json('https://evil.test/.well-known/did.json', { id: evil, verificationMethod: [{ ...jwkMethod(`${evil}#key-1`, k), controller: evil }], assertionMethod: [`${evil}#key-1`] })
      .json(DID_URL, { id: DID, verificationMethod: [jwkMethod(`${DID}#key-1`, own)], assertionMethod: [`${DID}#key-1`] });
    const r = await runJwt(await sign(credential(DID), k, { kid: `${evil}#key-1` }), { fetch: web.fetch });
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
  });
});

describe('review: a method the issuer revoked (CID 1.0 §Verification Methods: revoked, expires)', () => {
  it('a key the issuer\'s DID document marks revoked (in the past) no longer vouches for anything: never valid, not called forged', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [jwkMethod(`${DID}#key-1`, k, { revoked: '2026-01-01T00:00:00Z' })], assertionMethod: [`${DID}#key-1`] });
    const r = await runJwt(await sign(credential(DID), k, { kid: `${DID}#key-1` }), { fetch: web.fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('indeterminate');
  });

  it('a key that expired (its expires in the past): not valid; revoked or expires in the future: still valid', async () => {
    const k = await makeKey('ES256');
    const doc = (extra: Record<string, unknown>) => new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [jwkMethod(`${DID}#key-1`, k, extra)], assertionMethod: [`${DID}#key-1`] });
    const jws = await sign(credential(DID), k, { kid: `${DID}#key-1` });
    const expired = await runJwt(jws, { fetch: doc({ expires: '2026-06-01T00:00:00Z' }).fetch });
    expect(expired.check('issuer-key')?.outcome, show(expired)).toBe('indeterminate');
    expect((await runJwt(jws, { fetch: doc({ expires: '2027-06-01T00:00:00Z', revoked: '2027-06-01T00:00:00Z' }).fetch })).verdict).toBe('valid');
  });

  it('a revoked method named by a controller#z6Mk… id (the key read from the fragment, not fetched): never valid', async () => {
    const issuer = 'https://issuer.test/issuers/1';
    const vm = `${issuer}#${alice.multibase}`;
    const web = new FakeWeb().json(issuer, { id: issuer, verificationMethod: [{ id: vm, type: 'Multikey', controller: issuer, publicKeyMultibase: alice.multibase, revoked: '2025-06-01T00:00:00Z' }], assertionMethod: [vm] });
    const r = await runDi(await signCredential(vc(issuer), alice, { verificationMethod: vm }), web);
    expect(check(r, 'signature')?.outcome, showDi(r)).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome, showDi(r)).toBe('indeterminate');
  });

  it('a revoked Data Integrity method, embedded in the issuer\'s assertionMethod: never valid', async () => {
    const vm = `${DID}#key-1`;
    const web = new FakeWeb().json(DID_URL, { id: DID, assertionMethod: [{ id: vm, type: 'Multikey', controller: DID, publicKeyMultibase: alice.multibase, revoked: '2025-06-01T00:00:00Z' }] });
    const r = await runDi(await signCredential(vc(DID), alice, { verificationMethod: vm }), web);
    expect(check(r, 'issuer-key')?.outcome, showDi(r)).toBe('indeterminate');
  });
});

describe('review: JOSE headers that would name a key (RFC 7515 §4.1.2–4.1.6): none binds a key to the issuer on its own word', () => {
  it('jku and x5u are never followed: with no kid or jwk there is no key, and nothing is fetched from them', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb().json('https://evil.test/jwks', { keys: [k.jwk] }).json('https://evil.test/cert', { keys: [k.jwk] });
    const r = await runJwt(await sign(credential(k.did), k, { jku: 'https://evil.test/jwks', x5u: 'https://evil.test/cert' }), { fetch: web.fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('indeterminate');
    expect(web.requested).toEqual([]);
  });

  it('a jwk header (with an x5c chain beside it) for a did:web issuer whose document lists another key: invalid', async () => {
    const [k, own] = await Promise.all([makeKey('ES256'), makeKey('ES256')]);
    const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [jwkMethod(`${DID}#key-1`, own)], assertionMethod: [`${DID}#key-1`] });
    const r = await runJwt(await sign(credential(DID), k, { jwk: k.jwk, x5c: ['MIIBAA=='] }), { fetch: web.fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
    expect(r.check('issuer-key')?.outcome, show(r)).toBe('fail');
  });
});
