/**
 * A bare DID as the kid (no fragment) names the document's only key (signing-key.ts, as DCPV's did:key
 * fixtures use it). Only the methods whose key Lanyard reads were counted: a did:web document listing
 * an Ed25519 key and a P-521 key (which Lanyard does not read) had one "only" key, the Ed25519 one,
 * and a genuine ES512 VC-JWT signed with the P-521 key read `invalid` ("cannot have been used with an
 * OKP Ed25519 key") since the alg-swap check reads the named key (ob3-jwt.ts). Two methods: the bare
 * DID names no one of them, the key is not known, unsettled.
 */
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, makeKey, runJwt, show, sign } from '../keys/jwt-fixtures.ts';

const DID = 'did:web:issuer.test';
const DOC = 'https://issuer.test/.well-known/did.json';

describe('a bare DID kid over a document with a key Lanyard does not read', () => {
  it('a genuine ES512 credential (P-521 key beside an Ed25519 one): unsettled, never invalid', async () => {
    const ed = await makeKey('EdDSA');
    const { privateKey, publicKey } = await generateKeyPair('ES512', { extractable: true });
    const p521 = await exportJWK(publicKey);
    const web = new FakeWeb().json(DOC, {
      id: DID,
      verificationMethod: [
        { id: `${DID}#ed`, type: 'Multikey', controller: DID, publicKeyMultibase: ed.multibase },
        { id: `${DID}#p521`, type: 'JsonWebKey2020', controller: DID, publicKeyJwk: p521 },
      ],
      assertionMethod: [`${DID}#ed`, `${DID}#p521`],
    });
    const jws = await sign(credential({ id: DID, type: 'Profile' }), { privateKey, publicKey, jwk: p521, alg: 'ES512' }, { kid: DID });
    const r = await runJwt(jws, { fetch: web.fetch });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(r.check('signature')?.outcome).toBe('indeterminate');
  });

  it('a bare DID over a document of one readable key still names it (EdDSA, valid signature)', async () => {
    const ed = await makeKey('EdDSA');
    const web = new FakeWeb().json(DOC, {
      id: DID,
      verificationMethod: [{ id: `${DID}#ed`, type: 'Multikey', controller: DID, publicKeyMultibase: ed.multibase }],
      assertionMethod: [`${DID}#ed`],
    });
    const r = await runJwt(await sign(credential({ id: DID, type: 'Profile' }), ed, { alg: 'EdDSA', kid: DID }), { fetch: web.fetch });
    expect(r.check('signature')?.outcome, show(r)).toBe('pass');
  });
});
