/**
 * A Data Integrity proof whose verificationMethod is a bare DID (no fragment: DCPV's did:key fixtures
 * do so) names the document's only method (proofs/method.ts). Only methods whose key Lanyard reads
 * were counted: a did:web document listing a readable key and the signer's key written in a form
 * Lanyard cannot read (an x one octet too long, RFC 8037 §2) had one "only" key, the wrong one, and the
 * genuine proof read as a failed signature (invalid). Two methods: the bare DID names neither, the key
 * is unknown, unsettled, as for a VC-JWT kid (keys/signing-key.ts, ob3-jwt-bare-did-kid.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { multikeyToJwk } from '../../../src/core/keys/multikey.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential } from './support.ts';

const DID = 'did:web:issuer.test';
const DOC = 'https://issuer.test/.well-known/did.json';
const NOW = new Date('2026-11-26T00:00:00Z');

describe('a bare DID as the verification method', () => {
  it('over a document of a readable key and the signer\'s unreadable one: unsettled, never invalid', async () => {
    const [me, other] = await Promise.all([generateSigner(), generateSigner()]);
    const x = Buffer.concat([Buffer.from((multikeyToJwk(me.multibase) as { x: string }).x, 'base64url'), Buffer.of(0)]).toString('base64url');
    const web = new FakeWeb().json(DOC, {
      id: DID,
      verificationMethod: [
        { id: `${DID}#other`, type: 'Multikey', controller: DID, publicKeyMultibase: other.multibase },
        { id: `${DID}#me`, type: 'JsonWebKey', controller: DID, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x } },
      ],
      assertionMethod: [`${DID}#other`, `${DID}#me`],
    });
    const vc = await signCredential(credential(DID), me, { verificationMethod: DID });
    const r = await verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('indeterminate');
  });

  it('over a document of one readable method still names it (valid)', async () => {
    const me = await generateSigner();
    const web = new FakeWeb().json(DOC, {
      id: DID,
      verificationMethod: [{ id: `${DID}#me`, type: 'Multikey', controller: DID, publicKeyMultibase: me.multibase }],
      assertionMethod: [`${DID}#me`],
    });
    const vc = await signCredential(credential(DID), me, { verificationMethod: DID });
    const r = await verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
    expect(r.checks.find((c) => c.id === 'signature')?.outcome, JSON.stringify(r.checks, null, 1)).toBe('pass');
  });
});
