/**
 * An unread listed method (src/core/keys/unread-method.ts) may be the signing key only when it may be
 * of that key's type. A `publicKeyBase58` Lanyard does not decode is read as Ed25519 only when its
 * method type names no other: `EcdsaSecp256r1VerificationKey2019` (a compressed P-256 point, 33 octets,
 * as the 2019 ECDSA suite writes it) is a P-256 key, and a BBS+ `Bls12381G2Key2020` (96 octets) is no
 * key Lanyard verifies with. Read as Ed25519, a genuine ES256 credential whose issuer lists its key so
 * read "not listed" (invalid), and a stranger's Ed25519 key beside a BBS+ key read unsettled.
 */
import { describe, expect, it } from 'vitest';
import type { JWK } from 'jose';
import { FakeWeb } from '../../support/fake-web.ts';
import { base58btc, credential, makeKey, runJwt, show, sign, type TestKey } from './jwt-fixtures.ts';

const DID = 'did:web:issuer.test';
const DID_URL = 'https://issuer.test/.well-known/did.json';
const pubOf = ({ kty, crv, x, y }: JWK): JWK => JSON.parse(JSON.stringify({ kty, crv, x, y })) as JWK;

/** The P-256 key's compressed point (SEC 1 §2.3.3): 0x02 or 0x03 by y's parity, then x. */
function compressed(k: TestKey): Uint8Array {
  const x = Buffer.from(k.jwk.x!, 'base64url');
  const y = Buffer.from(k.jwk.y!, 'base64url');
  return Buffer.concat([Buffer.of(y[y.length - 1]! & 1 ? 3 : 2), x]);
}

async function run(k: TestKey, method: Record<string, unknown>) {
  const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [{ id: `${DID}#k`, controller: DID, ...method }], assertionMethod: [`${DID}#k`] });
  const r = await runJwt(await sign(credential(DID), k, { jwk: pubOf(k.jwk) }), { fetch: web.fetch, identities: ['ada@example.org'] });
  return { r, verdict: r.verdict, issuerKey: r.check('issuer-key')?.outcome };
}

describe('an unread publicKeyBase58 is of the type its method names', () => {
  it('EcdsaSecp256r1VerificationKey2019: a genuine ES256 credential by that key is unsettled, not forged', async () => {
    const k = await makeKey('ES256');
    const v = await run(k, { type: 'EcdsaSecp256r1VerificationKey2019', publicKeyBase58: base58btc(compressed(k)) });
    expect([v.issuerKey, v.verdict], show(v.r)).toEqual(['indeterminate', 'indeterminate']);
  });

  it('Bls12381G2Key2020: a stranger\'s Ed25519 key is not listed', async () => {
    const stranger = await makeKey('EdDSA');
    const v = await run(stranger, { type: 'Bls12381G2Key2020', publicKeyBase58: base58btc(new Uint8Array(96).fill(7)) });
    expect([v.issuerKey, v.verdict], show(v.r)).toEqual(['fail', 'invalid']);
  });

  it('Ed25519VerificationKey2018 of the wrong length: its Ed25519 twin is still unsettled', async () => {
    const k = await makeKey('EdDSA');
    const long = Buffer.concat([Buffer.from(k.jwk.x!, 'base64url'), Buffer.of(0)]);
    const v = await run(k, { type: 'Ed25519VerificationKey2018', publicKeyBase58: base58btc(long) });
    expect(v.verdict, show(v.r)).toBe('indeterminate');
  });

  it('a kid the document gives to an unread key of another type: not listed, and said so (not "not under assertionMethod")', async () => {
    const stranger = await makeKey('EdDSA');
    const issuer = 'https://issuer.test/issuers/1';
    const kid = 'https://keys.issuer.test/k1';
    const web = new FakeWeb()
      .json(issuer, { id: issuer, type: ['Profile'], verificationMethod: [{ id: kid, controller: issuer, type: 'Bls12381G2Key2020', publicKeyBase58: base58btc(new Uint8Array(96).fill(7)) }], assertionMethod: [kid] })
      .json(kid, pubOf(stranger.jwk));
    const r = await runJwt(await sign(credential(issuer), stranger, { kid }), { fetch: web.fetch, identities: ['ada@example.org'] });
    const check = r.check('issuer-key');
    expect([check?.outcome, r.verdict], show(r)).toEqual(['fail', 'invalid']);
    expect(check?.message, check?.message).toMatch(/gives that id to another key/);
  });
});

describe('a kid the document gives to an unread key of the same type, not under assertionMethod', () => {
  it('not listed, said as not under assertionMethod (not "of another type", which it is not)', async () => {
    const k = await makeKey('EdDSA');
    const issuer = 'https://issuer.test/issuers/2';
    const kid = 'https://keys.issuer.test/k2';
    const long = Buffer.concat([Buffer.from(k.jwk.x!, 'base64url'), Buffer.of(0)]);
    const web = new FakeWeb()
      .json(issuer, { id: issuer, type: ['Profile'], verificationMethod: [{ id: kid, controller: issuer, type: 'Ed25519VerificationKey2018', publicKeyBase58: base58btc(long) }], authentication: [kid], assertionMethod: [] })
      .json(kid, pubOf(k.jwk));
    const r = await runJwt(await sign(credential(issuer), k, { kid }), { fetch: web.fetch, identities: ['ada@example.org'] });
    const check = r.check('issuer-key');
    expect(check?.message, check?.message).not.toMatch(/another type/);
    expect(check?.outcome, show(r)).toBe('fail');
  });
});
