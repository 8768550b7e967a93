/**
 * One key, spelled several ways: a genuine credential whose signing key and the issuer's listed key
 * differ only in how they are written is never called forged (DESIGN.md issuer-key rule; jwk.ts).
 * RSA n and e are integers (RFC 7518 §6.3.1.1): a leading zero byte is the same number. EC and
 * Ed25519 members are octet strings of the curve's size (RFC 7518 §6.2.1.2, RFC 8037 §2): base64url
 * whose unused low bits are set (RFC 4648 §3.5 lets a decoder ignore them) is the same octets. A
 * Multikey, a JWK and a did:key of one key are one key. A different key is still another key.
 */
import { describe, expect, it } from 'vitest';
import type { JWK } from 'jose';
import { FakeWeb } from '../../support/fake-web.ts';
import { readPublicJwk } from '../../../src/core/keys/jwk.ts';
import { credential, makeKey, runJwt, show, sign, type TestKey } from './jwt-fixtures.ts';

const ISSUER = 'https://issuer.test/issuers/1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same octets in base64url with a leading zero byte: the same RSA integer. */
const zeroPrefixed = (b64: string): string => Buffer.concat([Buffer.of(0), Buffer.from(b64, 'base64url')]).toString('base64url');

/** The same octets, its last character's unused low bits set (a decoder that ignores them reads the same bytes). */
function strayBits(b64: string): string {
  const unused = b64.length % 4 === 2 ? 4 : b64.length % 4 === 3 ? 2 : 0;
  if (unused === 0) throw new Error('no unused bits in this length');
  const last = ALPHABET.indexOf(b64.at(-1)!);
  const odd = `${b64.slice(0, -1)}${ALPHABET[last | 1]}`;
  expect(Buffer.from(odd, 'base64url')).toEqual(Buffer.from(b64, 'base64url'));
  expect(odd).not.toBe(b64);
  return odd;
}

const profile = (method: Record<string, unknown>) => ({ id: ISSUER, type: ['Profile'], verificationMethod: [{ id: '#k', controller: ISSUER, ...method }], assertionMethod: ['#k'] });
const jwkMethod = (jwk: JWK) => ({ type: 'JsonWebKey', publicKeyJwk: jwk });
const pubOf = ({ kty, crv, x, y, n, e }: JWK): JWK => JSON.parse(JSON.stringify({ kty, crv, x, y, n, e })) as JWK;

/** A credential signed by `k` with `header`, its issuer's profile listing `listed`: the verdict and issuer-key outcome. */
async function verdict(k: TestKey, header: Record<string, unknown>, listed: Record<string, unknown>) {
  const web = new FakeWeb().json(ISSUER, profile(listed));
  const r = await runJwt(await sign(credential(ISSUER), k, header), { fetch: web.fetch, identities: ['ada@example.org'] });
  return { r, verdict: r.verdict, issuerKey: r.check('issuer-key')?.outcome, signature: r.check('signature')?.outcome };
}

describe('a key compared by its value, not its spelling', () => {
  it('RSA: n or e with a leading zero byte in the jwk header or in the issuer\'s list is the listed key', async () => {
    const k = await makeKey('RS256');
    const plain = pubOf(k.jwk);
    const padded = { ...plain, n: zeroPrefixed(plain.n!), e: zeroPrefixed(plain.e!) };
    for (const [header, listed] of [[padded, plain], [plain, padded], [{ ...plain, n: zeroPrefixed(zeroPrefixed(plain.n!)) }, padded]] as const) {
      const v = await verdict(k, { jwk: header }, jwkMethod(listed));
      expect(v.verdict, show(v.r)).toBe('valid');
    }
  });

  it('Ed25519 and P-256: x or y with stray low bits is the same key as its JWK, its Multikey and its did:key', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      const k = await makeKey(alg);
      const plain = pubOf(k.jwk);
      const odd = alg === 'EdDSA' ? { ...plain, x: strayBits(plain.x!) } : { ...plain, x: strayBits(plain.x!), y: strayBits(plain.y!) };
      for (const [header, listed] of [
        [{ jwk: odd }, jwkMethod(plain)],
        [{ jwk: plain }, jwkMethod(odd)],
        [{ jwk: odd }, { type: 'Multikey', publicKeyMultibase: k.multibase }],
        [{ kid: `${k.did}#${k.multibase}` }, jwkMethod(odd)],
      ] as const) {
        const v = await verdict(k, header, listed);
        expect(v.verdict, `${alg} ${JSON.stringify(header)}\n${show(v.r)}`).toBe('valid');
      }
    }
  });

  it('never takes another key for the listed one, however either is spelled', async () => {
    for (const alg of ['RS256', 'EdDSA', 'ES256'] as const) {
      const [k, other] = await Promise.all([makeKey(alg), makeKey(alg)]);
      const mine = pubOf(k.jwk);
      const theirs = pubOf(other.jwk);
      const odd = alg === 'RS256' ? { ...mine, n: zeroPrefixed(mine.n!) } : { ...mine, x: strayBits(mine.x!) };
      const oddTheirs = alg === 'RS256' ? { ...theirs, n: zeroPrefixed(theirs.n!) } : { ...theirs, x: strayBits(theirs.x!) };
      for (const listed of [theirs, oddTheirs]) {
        const v = await verdict(k, { jwk: odd }, jwkMethod(listed));
        expect([v.signature, v.issuerKey, v.verdict], show(v.r)).toEqual(['pass', 'fail', 'invalid']);
      }
    }
  });

  it('an EC coordinate is a big-endian number: written with a zero octet more, it is the listed key, in the header or the list', async () => {
    const k = await makeKey('ES256');
    const plain = pubOf(k.jwk);
    const long = { ...plain, x: zeroPrefixed(plain.x!), y: zeroPrefixed(zeroPrefixed(plain.y!)) };
    for (const [header, listed] of [[long, plain], [plain, long]] as const) {
      const v = await verdict(k, { jwk: header }, jwkMethod(listed));
      expect(v.verdict, show(v.r)).toBe('valid');
    }
  });

  it('an EC coordinate longer than the curve\'s size that is no zero-padded number (RFC 7518 §6.2.1.2) is no key to check with, not a forgery', async () => {
    const k = await makeKey('ES256');
    const plain = pubOf(k.jwk);
    const long = { ...plain, x: Buffer.concat([Buffer.of(1), Buffer.from(plain.x!, 'base64url')]).toString('base64url') };
    const v = await verdict(k, { jwk: long }, jwkMethod(plain));
    expect(v.verdict, show(v.r)).toBe('indeterminate');
  });
});

describe('readPublicJwk keeps one spelling per value', () => {
  const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64url');
  it('RSA members: every first octet, with and without zero octets before it', () => {
    for (let first = 0; first < 256; first++) {
      const value = [first, 0x5a, 0xc3];
      const expected = b64(first === 0 ? value.slice(1) : value);
      for (const written of [value, [0, ...value], [0, 0, ...value]]) {
        expect(readPublicJwk({ kty: 'RSA', n: b64(written), e: 'AQAB' }), `${written}`).toEqual({ kty: 'RSA', n: expected, e: 'AQAB' });
      }
    }
    expect(readPublicJwk({ kty: 'RSA', n: 'AAAA', e: 'AQAB' })).toMatchObject({ error: 'its n is zero' });
  });

  it('coordinates: the canonical spelling is kept, stray bits dropped, a wrong length refused as unusable', () => {
    for (let last = 0; last < 256; last++) {
      const x = b64([...new Array<number>(31).fill(7), last]);
      expect(readPublicJwk({ kty: 'OKP', crv: 'Ed25519', x })).toEqual({ kty: 'OKP', crv: 'Ed25519', x });
      const odd = x.slice(0, -1) + ALPHABET[ALPHABET.indexOf(x.at(-1)!) | 3];
      expect(readPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: odd })).toEqual({ kty: 'OKP', crv: 'Ed25519', x });
    }
    expect(readPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: b64(new Array<number>(31).fill(7)) })).toMatchObject({ unsupported: true });
    expect(readPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: 'A' })).toMatchObject({ error: 'its x is not base64url' });
  });

  it('EC coordinates short of their leading zero octets (the integer\'s minimum octets) are read at the full size; Ed25519 x is not', () => {
    const full = [0, 0, ...new Array<number>(30).fill(9)];
    const y = b64(new Array<number>(32).fill(5));
    for (const written of [full.slice(1), full.slice(2), full, [0, ...full]]) {
      expect(readPublicJwk({ kty: 'EC', crv: 'P-256', x: b64(written), y }), `${written.length}`).toEqual({ kty: 'EC', crv: 'P-256', x: b64(full), y });
    }
    expect(readPublicJwk({ kty: 'EC', crv: 'P-384', x: b64([7]), y: b64(new Array<number>(48).fill(5)) })).toEqual({ kty: 'EC', crv: 'P-384', x: b64([...new Array<number>(47).fill(0), 7]), y: b64(new Array<number>(48).fill(5)) });
    expect(readPublicJwk({ kty: 'EC', crv: 'P-256', x: b64([1, ...full]), y })).toMatchObject({ unsupported: true });
    expect(readPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: b64(full.slice(1)) })).toMatchObject({ unsupported: true });
  });
});
