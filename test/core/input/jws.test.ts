import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError } from '../../../src/core/errors.ts';
import { base64UrlDecode, decodeJwsUnverified, isCompactJws, peekJws, takeJws } from '../../../src/core/input/jws.ts';
import { fixtureText } from './fixtures.ts';
import { b64u, makeJws } from './make-jws.ts';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return (e as ParseError).code;
  }
  throw new Error('expected a ParseError');
};

describe('isCompactJws', () => {
  it.each([
    ['a.b.c', true],
    ['a..c', true],
    ['  eyJh.eyJw.sig\n', true],
    ['a.b', false],
    ['a.b.c.d', false],
    ['a.b.', true], // the shape of an unsecured JWS (alg none, RFC 7515 A.5): read, then fails `signature`
    ['a+b.c.d', false],
    ['a.b.c=', false],
    ['https://example.org/a.b.c', false],
  ])('%j → %s', (text, yes) => {
    expect(isCompactJws(text)).toBe(yes);
  });
});

describe('base64UrlDecode', () => {
  it('matches Buffer on every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 73 + n * 29) & 0xff);
      expect(base64UrlDecode(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    }
  });
  it('refuses an impossible length and characters outside the alphabet', () => {
    expect(codeOf(() => base64UrlDecode('abcde'))).toBe(ErrorCodes.PARSE_JWS);
    expect(codeOf(() => base64UrlDecode('ab+/'))).toBe(ErrorCodes.PARSE_JWS);
    expect(codeOf(() => base64UrlDecode('ab\u00e9c'))).toBe(ErrorCodes.PARSE_JWS);
  });
});

describe('decodeJwsUnverified', () => {
  it('decodes the OB 2.0 and OB 3.0 fixtures', () => {
    const ob2 = decodeJwsUnverified(fixtureText('ob20/simple.jwt'));
    expect(ob2.header).toEqual({ typ: 'JWT', alg: 'RS256' });
    expect(ob2.payload.id).toBe('https://example.org/beths-robotics-badge.json');
    const ob3 = decodeJwsUnverified(fixtureText('ob30/simple-jwt.extracted.jwt'));
    expect(ob3.header.alg).toBe('RS256');
    expect(ob3.payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  });

  it('decodes UTF-8 claims', () => {
    expect(decodeJwsUnverified(makeJws({ alg: 'ES256' }, { name: 'Ünïcødé ✓' })).payload.name).toBe('Ünïcødé ✓');
  });

  it.each([
    ['not a JWS', 'hello'],
    ['header not JSON', `${b64u('nope')}.${b64u({})}.sig`],
    ['payload not JSON', `${b64u({ alg: 'RS256' })}.${b64u('{oops')}.sig`],
    ['payload an array', `${b64u({ alg: 'RS256' })}.${b64u([1])}.sig`],
    ['payload empty (detached)', `${b64u({ alg: 'RS256' })}..sig`],
    ['header not UTF-8', `${Buffer.from([0xff, 0xfe]).toString('base64url')}.${b64u({})}.sig`],
    ['bad base64url length', `a.${b64u({})}.sig`],
  ])('%s → PARSE_JWS', (_, text) => {
    expect(codeOf(() => decodeJwsUnverified(text))).toBe(ErrorCodes.PARSE_JWS);
  });
});

describe('decodeJwsUnverified, the native decoder and the table one (issue 14)', () => {
  const messageOf = (text: string): string => {
    try {
      decodeJwsUnverified(text);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected a ParseError');
  };
  it('says what is wrong as the table decoder did: the length, or not UTF-8', () => {
    expect(messageOf(`a.${b64u({})}.sig`)).toBe('Invalid base64url length');
    expect(messageOf(`${Buffer.from([0xff, 0xfe]).toString('base64url')}.${b64u({})}.sig`)).toBe('The JWS header is not UTF-8');
  });
  it('reads non-ASCII UTF-8 and a leading byte order mark as before', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: 'Zoë' }))]).toString('base64url');
    expect(decodeJwsUnverified(`${b64u({ alg: 'RS256' })}.${bom}.sig`).payload).toEqual({ name: 'Zoë' });
  });
});

describe('takeJws', () => {
  it('hands a verifier the decoding peekJws kept, once: a later peek decodes afresh, shared with no one', () => {
    const text = makeJws({ alg: 'RS256' }, { id: 'urn:uuid:1', badge: 'https://example.org/b' });
    const peeked = peekJws(text);
    const taken = takeJws(text);
    expect(taken).toBe(peeked);
    expect(taken).toEqual(decodeJwsUnverified(text));
    taken.payload.id = 'changed by its owner';
    expect(peekJws(text).payload.id).toBe('urn:uuid:1');
    expect(takeJws(makeJws({ alg: 'RS256' }, { other: true })).payload).toEqual({ other: true });
  });
});
