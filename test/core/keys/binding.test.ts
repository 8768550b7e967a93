import { describe, expect, it } from 'vitest';
import { issuerBinding } from '../../../src/core/keys/binding.ts';
import { describeKey, readPublicJwk, type PublicJwk } from '../../../src/core/keys/jwk.ts';
import { absoluteKid, signingKey } from '../../../src/core/keys/signing-key.ts';
import { createContext, type FactCache } from '../../../src/core/verify/context.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { didJwk, makeKey, NOW, type TestKey } from './jwt-fixtures.ts';

const ISSUER = 'https://issuer.test/issuers/1';
const ctx = (web = new FakeWeb(), keyCache?: FactCache) => createContext({ now: NOW, fetch: web.fetch, keyCache });
const pub = (k: TestKey): PublicJwk => readPublicJwk(k.jwk) as PublicJwk;
const vm = (id: string, k: TestKey) => ({ id, type: 'JsonWebKey', controller: ISSUER, publicKeyJwk: k.jwk });

describe('issuerBinding (DESIGN.md issuer-key rule)', () => {
  it('binds a key the issuer document lists by material or by id, and not another', async () => {
    const k = await makeKey('ES256');
    const other = await makeKey('ES256');
    const web = new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [vm('#k1', k)], assertionMethod: ['#k1', 'https://keys.test/k9'] });
    expect(await issuerBinding(ISSUER, describeKey(pub(k), 'header'), ctx(web))).toMatchObject({ status: 'bound' });
    expect(await issuerBinding(ISSUER, describeKey(pub(other), 'header'), ctx(web))).toMatchObject({ status: 'not-listed' });
    expect(await issuerBinding(ISSUER, describeKey(pub(other), 'kid', 'https://keys.test/k9'), ctx(web))).toMatchObject({ status: 'bound' });
    // Listed by id, but the listed method holds other key material: not the same key.
    expect(await issuerBinding(ISSUER, describeKey(pub(other), 'kid', `${ISSUER}#k1`), ctx(web))).toMatchObject({ status: 'not-listed' });
  });

  it('is unresolvable for a urn:uuid issuer, an unreachable one, one that lists no keys or names another id', async () => {
    const k = describeKey(pub(await makeKey('EdDSA')), 'header');
    const web = new FakeWeb()
      .json(ISSUER, { id: ISSUER, name: 'No keys here' })
      .json('https://issuer.test/issuers/2', { id: 'https://elsewhere.test/2', verificationMethod: ['#x'] });
    for (const id of ['urn:uuid:5b1e', undefined, 'https://unreachable.test/i', ISSUER, 'https://issuer.test/issuers/2', 'did:example:1']) {
      expect(await issuerBinding(id, k, ctx(web)), String(id)).toMatchObject({ status: 'unresolvable' });
    }
  });

  it('binds through DIDs: did:key issuer = the key, did:jwk, did:web listing a did:key key by material', async () => {
    const ed = await makeKey('EdDSA');
    const p = await makeKey('ES256');
    expect(await issuerBinding(ed.did, describeKey(pub(ed), 'header'), ctx())).toMatchObject({ status: 'bound' });
    expect(await issuerBinding(ed.did, describeKey(pub(p), 'header'), ctx())).toMatchObject({ status: 'not-listed' });
    expect(await issuerBinding(didJwk(p.jwk), describeKey(pub(p), 'header'), ctx())).toMatchObject({ status: 'bound' });
    const web = new FakeWeb().json('https://issuer.test/.well-known/did.json', {
      id: 'did:web:issuer.test', verificationMethod: [{ id: '#m', type: 'Multikey', publicKeyMultibase: ed.multibase }], assertionMethod: ['#m'],
    });
    expect(await issuerBinding('did:web:issuer.test', describeKey(pub(ed), 'kid', `${ed.did}#${ed.multibase}`), ctx(web))).toMatchObject({ status: 'bound' });
    expect(await issuerBinding('did:web:issuer.test', describeKey(pub(p), 'header'), ctx(web))).toMatchObject({ status: 'not-listed' });
  });

  it('caches only bound results', async () => {
    const k = await makeKey('ES256');
    const store = new Map<string, unknown>();
    const cache: FactCache = { get: (key) => store.get(key), set: (key, v) => void store.set(key, v) };
    const web = new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [vm('#k1', k)] });
    await issuerBinding(ISSUER, describeKey(pub(await makeKey('ES256')), 'header'), ctx(web, cache));
    expect(store.size).toBe(0);
    await issuerBinding(ISSUER, describeKey(pub(k), 'header'), ctx(web, cache));
    expect(store.size).toBe(1);
    expect(await issuerBinding(ISSUER, describeKey(pub(k), 'header'), ctx(new FakeWeb(), cache))).toMatchObject({ status: 'bound' });
  });

  it('remembers a bound key for a day, not for as long as facts are kept: a key the issuer removes stops binding the next day', async () => {
    const [k, other] = await Promise.all([makeKey('ES256'), makeKey('ES256')]);
    const store = new Map<string, unknown>();
    const cache: FactCache = { get: (key) => store.get(key), set: (key, v) => void store.set(key, v) };
    const at = (hours: number, web: FakeWeb) => createContext({ now: new Date(NOW.getTime() + hours * 3600_000), fetch: web.fetch, keyCache: cache });
    const key = describeKey(pub(k), 'header');
    const listed = new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [vm('#k1', k)], assertionMethod: ['#k1'] });
    const removed = new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [vm('#k2', other)], assertionMethod: ['#k2'] });
    expect(await issuerBinding(ISSUER, key, at(0, listed))).toMatchObject({ status: 'bound' });
    expect(await issuerBinding(ISSUER, key, at(1, removed))).toMatchObject({ status: 'bound' });
    expect(await issuerBinding(ISSUER, key, at(25, removed))).toMatchObject({ status: 'not-listed' });
  });

  it('does not cache a binding through a method that expires or is revoked later, and leaves an unreadable revoked date unsettled', async () => {
    const k = await makeKey('ES256');
    const store = new Map<string, unknown>();
    const cache: FactCache = { get: (key) => store.get(key), set: (key, v) => void store.set(key, v) };
    const doc = (extra: Record<string, unknown>) => new FakeWeb().json(ISSUER, { id: ISSUER, verificationMethod: [{ ...vm('#k1', k), ...extra }], assertionMethod: ['#k1'] });
    expect(await issuerBinding(ISSUER, describeKey(pub(k), 'header'), ctx(doc({ expires: '2030-01-01T00:00:00Z' }), cache))).toMatchObject({ status: 'bound' });
    expect(store.size).toBe(0);
    expect(await issuerBinding(ISSUER, describeKey(pub(k), 'header'), ctx(doc({ revoked: 'yesterday' })))).toMatchObject({ status: 'unresolvable' });
    // null is no value (JSON-LD 1.1 §4.1).
    expect(await issuerBinding(ISSUER, describeKey(pub(k), 'header'), ctx(doc({ revoked: null, expires: null })))).toMatchObject({ status: 'bound' });
  });
});

describe('signingKey (integrity.md §Dereferencing the Public Key)', () => {
  it('reads relative kids against the issuer', () => {
    expect(absoluteKid('#key-1', 'did:web:issuer.test')).toBe('did:web:issuer.test#key-1');
    expect(absoluteKid('key-1', 'did:web:issuer.test')).toBe('did:web:issuer.test#key-1');
    expect(absoluteKid('#key-1', ISSUER)).toBe(`${ISSUER}#key-1`);
    expect(absoluteKid('key-1', ISSUER)).toBeUndefined();
    expect(absoluteKid('https://keys.test/1', undefined)).toBe('https://keys.test/1');
  });

  it('follows an https kid to a JWK, a method document, or a method in a controller document', async () => {
    const k = await makeKey('ES256');
    const web = new FakeWeb()
      .json('https://keys.test/jwk', k.jwk)
      .json('https://keys.test/vm', { id: 'https://keys.test/vm', type: 'Multikey', publicKeyMultibase: k.multibase })
      .json(ISSUER, { id: ISSUER, verificationMethod: [vm('#k1', k)] });
    for (const kid of ['https://keys.test/jwk', 'https://keys.test/vm', `${ISSUER}#k1`, '#k1']) {
      const r = await signingKey({ kid }, ISSUER, ctx(web));
      expect(r, kid).toMatchObject({ key: { jwk: pub(k) } });
    }
    expect(await signingKey({ kid: `${ISSUER}#k2` }, ISSUER, ctx(web))).toHaveProperty('missing');
  });

  it('follows DID URL kids and falls back to the jwk header when the kid cannot be followed', async () => {
    const k = await makeKey('EdDSA');
    expect(await signingKey({ kid: `${k.did}#${k.multibase}` }, undefined, ctx())).toMatchObject({ key: { id: `${k.did}#${k.multibase}` } });
    expect(await signingKey({ kid: k.did! }, undefined, ctx())).toHaveProperty('key');
    expect(await signingKey({ kid: `${k.did}#other` }, undefined, ctx())).toHaveProperty('missing');
    const fallback = await signingKey({ kid: 'https://unreachable.test/k', jwk: k.jwk }, ISSUER, ctx());
    expect(fallback).toMatchObject({ key: { source: 'the key in the jwk header' } });
    expect(fallback).not.toHaveProperty('key.id');
    expect(await signingKey({ kid: 42 }, ISSUER, ctx())).toHaveProperty('invalid');
    expect(await signingKey({}, ISSUER, ctx())).toHaveProperty('missing');
  });
});
