/**
 * A key the issuer lists but writes wrongly (a coordinate of the wrong length that is no zero-padded
 * or zero-stripped big-endian number: RFC 7518 §6.2.1.2 "MUST be the full size", RFC 8037 §2) is no
 * key Lanyard can read. It may still be the very key that signed: a genuine credential signed by its
 * well-written twin is then `indeterminate`, never "not listed" (forged). A well-formed key listed
 * beside it still decides, and a key of another type or curve than the malformed entry's, or a
 * malformed entry outside assertionMethod, spoils nothing (DESIGN.md issuer-key rule; keys/binding.ts).
 */
import { describe, expect, it } from 'vitest';
import type { JWK } from 'jose';
import { FakeWeb } from '../../support/fake-web.ts';
import { base58btc, credential, makeKey, runJwt, show, sign, type TestKey } from './jwt-fixtures.ts';

const ISSUER = 'https://issuer.test/issuers/1';
const DID = 'did:web:issuer.test';
const DID_URL = 'https://issuer.test/.well-known/did.json';

const pubOf = ({ kty, crv, x, y }: JWK): JWK => JSON.parse(JSON.stringify({ kty, crv, x, y })) as JWK;
/** The key's twin with a coordinate one octet too long that is no zero-padded number (0x01 before x; for Ed25519, an octet after). */
function malformed(k: TestKey): JWK {
  const p = pubOf(k.jwk);
  const x = Buffer.from(p.x!, 'base64url');
  return { ...p, x: (p.kty === 'OKP' ? Buffer.concat([x, Buffer.of(0)]) : Buffer.concat([Buffer.of(1), x])).toString('base64url') };
}
const method = (id: string, jwk: JWK, controller = ISSUER) => ({ id, type: 'JsonWebKey', controller, publicKeyJwk: jwk });

async function run(k: TestKey, header: Record<string, unknown>, issuer: string, web: FakeWeb) {
  const r = await runJwt(await sign(credential(issuer), k, header), { fetch: web.fetch, identities: ['ada@example.org'] });
  return { r, verdict: r.verdict, issuerKey: r.check('issuer-key')?.outcome };
}

describe('a malformed listed key spoils no verdict', () => {
  it('listed alone and malformed, the signing key\'s twin leaves a genuine credential indeterminate, not forged (profile and DID document)', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      const k = await makeKey(alg);
      const web = new FakeWeb()
        .json(ISSUER, { id: ISSUER, type: ['Profile'], verificationMethod: [method('#k', malformed(k))], assertionMethod: ['#k'] })
        .json(DID_URL, { id: DID, verificationMethod: [method('#k', malformed(k), DID)], assertionMethod: ['#k'] });
      for (const [issuer, header] of [
        [ISSUER, { jwk: pubOf(k.jwk) }],
        [ISSUER, { kid: `${ISSUER}#k`, jwk: pubOf(k.jwk) }],
        [ISSUER, { kid: `${ISSUER}#k` }],
        [DID, { jwk: pubOf(k.jwk) }],
        [DID, { kid: `${DID}#k`, jwk: pubOf(k.jwk) }],
        [DID, { kid: `${DID}#k` }],
      ] as const) {
        const v = await run(k, header, issuer, web);
        expect(v.verdict, `${alg} ${issuer} ${Object.keys(header).join('+')}\n${show(v.r)}`).toBe('indeterminate');
      }
    }
  });

  it('a well-formed key listed beside a malformed entry still decides: its own credential is valid', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      const [k, other] = await Promise.all([makeKey(alg), makeKey(alg)]);
      for (const bad of [malformed(k), malformed(other)]) {
        const web = new FakeWeb().json(ISSUER, {
          id: ISSUER, type: ['Profile'], verificationMethod: [method('#bad', bad), method('#k', pubOf(k.jwk))], assertionMethod: ['#bad', '#k'],
        });
        for (const header of [{ jwk: pubOf(k.jwk) }, { kid: `${ISSUER}#k` }]) {
          const v = await run(k, header, ISSUER, web);
          expect([v.issuerKey, v.verdict], show(v.r)).toEqual(['pass', 'valid']);
        }
      }
    }
  });

  it('a key of another type than the malformed entry, or a malformed entry that may not issue, changes nothing: a stranger\'s key is not listed', async () => {
    const [issuerKey, edStranger, pStranger] = await Promise.all([makeKey('EdDSA'), makeKey('EdDSA'), makeKey('ES256')]);
    const good = await makeKey('ES256');
    const web = new FakeWeb()
      .json(ISSUER, { id: ISSUER, type: ['Profile'], verificationMethod: [method('#bad', malformed(issuerKey)), method('#k', pubOf(good.jwk))], assertionMethod: ['#bad', '#k'] })
      .json('https://issuer.test/issuers/2', {
        id: 'https://issuer.test/issuers/2', type: ['Profile'], verificationMethod: [method('#bad', malformed(issuerKey)), method('#k', pubOf(good.jwk))], assertionMethod: ['#k'],
      });
    // A P-256 signer cannot be the malformed Ed25519 entry: the issuer does not list it.
    const p = await run(pStranger, { jwk: pubOf(pStranger.jwk) }, ISSUER, web);
    expect([p.issuerKey, p.verdict], show(p.r)).toEqual(['fail', 'invalid']);
    // The malformed Ed25519 entry is not under assertionMethod: whatever it is, it may not issue.
    const e = await run(edStranger, { jwk: pubOf(edStranger.jwk) }, 'https://issuer.test/issuers/2', web);
    expect([e.issuerKey, e.verdict], show(e.r)).toEqual(['fail', 'invalid']);
    // An Ed25519 stranger beside a malformed Ed25519 entry that may issue: unsettled, never valid.
    const u = await run(edStranger, { jwk: pubOf(edStranger.jwk) }, ISSUER, web);
    expect(u.verdict, show(u.r)).toBe('indeterminate');
  });

  it('a kid the issuer embeds with unreadable material is judged by that entry, not by what the kid\'s URL serves', async () => {
    const [k, issuerKey] = await Promise.all([makeKey('ES256'), makeKey('ES256')]);
    const KID = 'https://keys.test/k9';
    const web = new FakeWeb()
      .json(KID, pubOf(k.jwk))
      .json(ISSUER, { id: ISSUER, type: ['Profile'], verificationMethod: [method(KID, malformed(issuerKey))], assertionMethod: [KID] });
    const v = await run(k, { kid: KID }, ISSUER, web);
    expect(v.verdict, show(v.r)).toBe('indeterminate');
  });

  it('a Multikey or publicKeyBase58 of the wrong length, or a PEM, is unread too: the Ed25519 twin is unsettled, a P-256 stranger not listed', async () => {
    const [k, pStranger] = await Promise.all([makeKey('EdDSA'), makeKey('ES256')]);
    const raw = Buffer.from(k.jwk.x!, 'base64url');
    const long = Buffer.concat([raw, Buffer.of(0)]);
    const entries = [
      { type: 'Multikey', publicKeyMultibase: `z${base58btc(Buffer.concat([Buffer.of(0xed, 0x01), long]))}` },
      { type: 'Ed25519VerificationKey2018', publicKeyBase58: base58btc(long) },
      { type: 'Ed25519VerificationKey2018', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----' },
    ];
    for (const entry of entries) {
      const web = new FakeWeb().json(DID_URL, { id: DID, verificationMethod: [{ id: '#k', controller: DID, ...entry }], assertionMethod: ['#k'] });
      const twin = await run(k, { jwk: pubOf(k.jwk) }, DID, web);
      expect(twin.verdict, `${entry.type}\n${show(twin.r)}`).toBe('indeterminate');
      const stranger = await run(pStranger, { jwk: pubOf(pStranger.jwk) }, DID, web);
      expect([stranger.issuerKey, stranger.verdict], show(stranger.r)).toEqual(['fail', 'invalid']);
    }
  });
});
