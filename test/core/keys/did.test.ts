import { describe, expect, it } from 'vitest';
import { didOf, didWebUrl, resolveDid } from '../../../src/core/keys/did.ts';
import { methodsOf } from '../../../src/core/keys/methods.ts';
import { createContext } from '../../../src/core/verify/context.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { didJwk, makeKey, NOW } from './jwt-fixtures.ts';

describe('did:web URLs (did:web §Read)', () => {
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000', 'https://example.com:3000/.well-known/did.json'],
    ['did:web:example.com%3A3000:issuers:a%20b', 'https://example.com:3000/issuers/a%20b/did.json'],
  ])('%s → %s', (did, url) => expect(didWebUrl(did)).toBe(url));

  it.each(['did:web:exa mple.com', 'did:web:evil.com%2Fpath', 'did:web:example.com:..:x', 'did:web:example.com::x', 'did:web:user@host', 'did:web:%zz'])(
    'refuses %s',
    (did) => expect(didWebUrl(did)).toBeNull(),
  );

  it('takes the DID out of a DID URL', () => {
    expect(didOf('did:web:example.com:a#key-1')).toBe('did:web:example.com:a');
    expect(didOf('did:key:z6Mk?service=x')).toBe('did:key:z6Mk');
  });
});

describe('resolveDid', () => {
  const ctx = (web = new FakeWeb()) => createContext({ now: NOW, fetch: web.fetch });

  it('derives the did:key document from the identifier', async () => {
    const k = await makeKey('EdDSA');
    const r = await resolveDid(`${k.did}#${k.multibase}`, ctx());
    if (!('doc' in r)) throw new Error(r.error);
    const { keys, ids } = methodsOf(r.doc, r.did);
    expect([...ids]).toEqual([`${k.did}#${k.multibase}`]);
    expect(keys[0]?.jwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: k.jwk.x });
  });

  it('derives the did:jwk document (#0) and refuses a private did:jwk', async () => {
    const k = await makeKey('ES256');
    const did = didJwk(k.jwk);
    const r = await resolveDid(did, ctx());
    if (!('doc' in r)) throw new Error(r.error);
    expect(methodsOf(r.doc, did).keys[0]).toMatchObject({ id: `${did}#0`, jwk: { kty: 'EC', crv: 'P-256', x: k.jwk.x, y: k.jwk.y } });
    expect(await resolveDid(didJwk({ ...k.jwk, d: 'AAAA' }), ctx())).toHaveProperty('error');
    expect(await resolveDid('did:jwk:not-base64-json', ctx())).toHaveProperty('error');
  });

  it('reads keys a DID document lists under the pre-DID Core name publicKey, and honours its assertionMethod', () => {
    // The shape of MATTR's did:web document (Ed25519VerificationKey2018, publicKeyBase58, referenced by assertionMethod).
    const did = 'did:web:issuer.example';
    const doc = {
      id: did,
      publicKey: [
        { id: `${did}#a`, type: 'Ed25519VerificationKey2018', controller: did, publicKeyBase58: 'Ck99k8Rd75V3THNexmMYYA6McqUJi9QgcPh4B1BBUTX7' },
        { id: `${did}#b`, type: 'Ed25519VerificationKey2018', controller: did, publicKeyBase58: 'Dd3FUiBvRyBcAbcywjGy99BtPaV2DXnvjbYPCu8MYs68' },
      ],
      assertionMethod: [`${did}#a`],
    };
    const list = methodsOf(doc, did);
    expect(list.keys.map((k) => k.id)).toEqual([`${did}#a`, `${did}#b`]);
    expect(list.keys[0]?.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect([...(list.assertion?.ids ?? [])]).toEqual([`${did}#a`]);
  });

  it('fetches did:web documents, and refuses one whose id is another DID', async () => {
    const web = new FakeWeb()
      .json('https://issuer.test/.well-known/did.json', { id: 'did:web:issuer.test', verificationMethod: [] })
      .json('https://issuer.test/other/did.json', { id: 'did:web:elsewhere.test' });
    expect(await resolveDid('did:web:issuer.test#k', ctx(web))).toMatchObject({ did: 'did:web:issuer.test' });
    expect(await resolveDid('did:web:issuer.test:other', ctx(web))).toEqual({ error: expect.stringContaining('elsewhere') });
    expect(await resolveDid('did:web:unreachable.test', ctx(web))).toEqual({ error: expect.stringContaining('could not be fetched') });
  });

  it('does not resolve other methods', async () => {
    expect(await resolveDid('did:example:123', ctx())).toEqual({ error: expect.stringContaining('did:example') });
    expect(await resolveDid('did:key:z6MkNotAKey', ctx())).toHaveProperty('error');
  });
});
