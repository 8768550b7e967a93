/**
 * decodeBase64urlText (keys/base64url.ts): a JWS's JSON header or payload decoded to its text, the
 * same answer (or the same refusal) as decoding its octets with decodeBase64url and a fatal UTF-8
 * TextDecoder, which verify-jws.ts did before (issue 14: the table decoder was most of a VC-JWT's
 * reading on Node 20; atob is native). atob's forgiveness (white space, padding) is not let in.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64url, decodeBase64urlText } from '../../../src/core/keys/base64url.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** What verify-jws.ts computed before: the octets, then UTF-8. */
const reference = (s: string): string => utf8.decode(decodeBase64url(s));
const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const outcome = (f: () => string): { text: string } | { threw: string } => {
  try {
    return { text: f() };
  } catch (e) {
    return { threw: (e as Error).name };
  }
};

describe('decodeBase64urlText', () => {
  it('decodes ASCII and multi-byte UTF-8 text as the octet decoder and TextDecoder do', () => {
    for (const text of ['', 'a', 'ab', 'abc', '{"name":"Forklift Safety"}', '{"name":"Économie circulaire — 2ᵉ niveau"}', '{"n":"日本語 🎓"}', '\u{FEFF}{"bom":1}', '\u0000\u007f']) {
      const s = b64u(new TextEncoder().encode(text));
      expect(decodeBase64urlText(s), text).toBe(reference(s));
    }
  });

  it('refuses what the octet decoder refuses: padding, white space, the + and / of base64, other characters, an impossible length', () => {
    for (const s of ['YWJj=', 'YWI=', 'YW Jj', 'YW\nJj', ' YWJj', 'YW+j', 'YW/j', 'YW.j', 'YWJjZ', 'Y', 'YWJj\u00e9']) {
      expect(outcome(() => reference(s)), s).toMatchObject({ threw: expect.any(String) });
      expect(outcome(() => decodeBase64urlText(s)), s).toMatchObject({ threw: expect.any(String) });
    }
  });

  it('refuses octets that are not UTF-8, as a fatal TextDecoder does', () => {
    for (const bytes of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x7b, 0x80, 0x7d], [0xc0, 0xaf]]) {
      const s = b64u(Uint8Array.from(bytes));
      expect(() => reference(s), s).toThrow();
      expect(() => decodeBase64urlText(s), s).toThrow();
    }
  });

  it('reads the unused low bits of the last character as the octet decoder does (ignored: RFC 4648 §3.5)', () => {
    for (const s of ['YR', 'YWJ', 'YWJjZB', 'eyJhIjoxfQ', 'eyJhIjoxfR']) {
      expect(outcome(() => decodeBase64urlText(s)), s).toEqual(outcome(() => reference(s)));
    }
  });

  it('agrees with the octet decoder on 2,000 random strings of the alphabet and random octets', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let k = 0; k < 1000; k++) {
      const s = Array.from({ length: rand(40) }, () => alphabet[rand(64)]).join('');
      expect(outcome(() => decodeBase64urlText(s)), s).toEqual(outcome(() => reference(s)));
      const bytes = Uint8Array.from({ length: rand(24) }, () => (rand(4) === 0 ? rand(256) : 0x20 + rand(0x5f)));
      expect(outcome(() => decodeBase64urlText(b64u(bytes))), b64u(bytes)).toEqual(outcome(() => reference(b64u(bytes))));
    }
  });
});
