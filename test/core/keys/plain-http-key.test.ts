/**
 * A key bound to the issuer by its id alone (the issuer's document names the method and does not
 * embed it: DESIGN.md issuer-key rule, keys/binding.ts) is the issuer's only as far as the key read
 * at that id is. Read over plain http while the issuer's own document is served over TLS (https,
 * did:web), it is anyone's on the network path: whoever answers that read could sign any badge with
 * a key of its own and have it bound. Such a binding is unsettled, never `valid`; a key the document
 * embeds (its material read over TLS), an https key id, and an issuer that serves itself over plain
 * http are read as before (verify/plain-http.ts).
 */
import { describe, expect, it } from 'vitest';
import type { JWK } from 'jose';
import { FakeWeb } from '../../support/fake-web.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential as diCredential, generateSigner, signCredential } from '../proofs/support.ts';
import { credential, makeKey, runJwt, show, sign } from './jwt-fixtures.ts';

const pubOf = ({ kty, crv, x, y }: JWK): JWK => JSON.parse(JSON.stringify({ kty, crv, x, y })) as JWK;

async function verdict(issuer: string, kid: string) {
  const k = await makeKey('ES256');
  const doc = { id: issuer, type: ['Profile'], verificationMethod: [kid], assertionMethod: [kid] };
  const web = new FakeWeb().json(issuer.startsWith('did:web:') ? 'https://issuer.test/.well-known/did.json' : issuer, doc).json(kid, pubOf(k.jwk));
  const r = await runJwt(await sign(credential(issuer), k, { kid }), { fetch: web.fetch, identities: ['ada@example.org'] });
  return { r, verdict: r.verdict, issuerKey: r.check('issuer-key')?.outcome };
}

describe('a key named by id and read over plain http', () => {
  it('for an issuer served over TLS: unsettled, never valid', async () => {
    for (const issuer of ['https://issuer.test/issuers/1', 'did:web:issuer.test']) {
      const v = await verdict(issuer, 'http://keys.issuer.test/k1');
      expect([v.issuerKey, v.verdict], `${issuer}\n${show(v.r)}`).toEqual(['indeterminate', 'indeterminate']);
    }
  });

  it('an https key id, or an issuer that serves itself over plain http, binds as before', async () => {
    for (const [issuer, kid] of [['https://issuer.test/issuers/1', 'https://keys.issuer.test/k1'], ['http://issuer.test/issuers/1', 'http://keys.issuer.test/k1']] as const) {
      const v = await verdict(issuer, kid);
      expect([v.issuerKey, v.verdict], `${issuer} ${kid}\n${show(v.r)}`).toEqual(['pass', 'valid']);
    }
  });

  it('a key its http id spells (a Data Integrity method `…#z6Mk…`, read from the id, not the network) binds as before', async () => {
    const signer = await generateSigner();
    const issuer = 'https://issuer.test/issuers/1';
    const vm = `http://keys.issuer.test/k#${signer.multibase}`;
    const web = new FakeWeb().json(issuer, { id: issuer, type: ['Profile'], verificationMethod: [vm], assertionMethod: [vm] });
    const vc = await signCredential(diCredential(issuer), signer, { verificationMethod: vm });
    const r = await verify(JSON.stringify(vc), { fetch: web.fetch, now: new Date('2026-11-26T00:00:00Z') });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
  });

  it('a key the TLS document also embeds under an id it lists in assertionMethod binds by that entry, whatever its http id served', async () => {
    const k = await makeKey('ES256');
    const issuer = 'https://issuer.test/issuers/1';
    const kid = 'http://keys.issuer.test/k1';
    const embedded = { id: `${issuer}#k2`, type: 'JsonWebKey2020', controller: issuer, publicKeyJwk: pubOf(k.jwk) };
    const web = new FakeWeb().json(issuer, { id: issuer, type: ['Profile'], verificationMethod: [kid, embedded], assertionMethod: [kid, embedded.id] }).json(kid, pubOf(k.jwk));
    const r = await runJwt(await sign(credential(issuer), k, { kid }), { fetch: web.fetch, identities: ['ada@example.org'] });
    expect([r.check('issuer-key')?.outcome, r.verdict], show(r)).toEqual(['pass', 'valid']);
  });
});
