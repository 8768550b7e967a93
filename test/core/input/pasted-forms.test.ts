/**
 * Badges in the forms users paste or save them: a compact JWS wrapped across lines by an e-mail,
 * JSON saved as UTF-16 without a BOM ("Unicode" in Windows tools), a JSON list of badges.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError } from '../../../src/core/errors.ts';
import { unpack } from '../../../src/core/input/index.ts';

const JWT = readFileSync('test/fixtures/conformance/ob20/simple.jwt', 'utf8').trim();
const ASSERTION = readFileSync('test/fixtures/conformance/ob20/basic-assertion.json', 'utf8');

async function parseError(p: Promise<unknown>): Promise<ParseError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ParseError);
  return e as ParseError;
}

describe('a compact JWS wrapped across lines (RFC 7515 §7.1 has no white space; e-mail wraps at 76)', () => {
  it('is read as the JWS once the white space is left out', async () => {
    for (const wrapped of [JWT.match(/.{1,76}/g)!.join('\r\n'), JWT.match(/.{1,60}/g)!.join(' \n  '), `\n\t${JWT.replace('.', '.\n')}\n`]) {
      const u = await unpack(wrapped);
      expect(u.credential).toEqual({ type: 'jws', text: JWT });
    }
  });

  it('text with other characters is not joined: still refused with the same sentence', async () => {
    const e = await parseError(unpack(`> ${JWT.match(/.{1,60}/g)!.join('\n> ')}`));
    expect(e.message).toBe('The input is neither JSON, a compact JWS nor an http(s) URL');
    expect((await parseError(unpack('hello world'))).code).toBe(ErrorCodes.PARSE_UNRECOGNISED);
  });
});

describe('UTF-16 text without a BOM', () => {
  it('is read as UTF-16, little- or big-endian, as with a BOM', async () => {
    const le = new Uint8Array(Buffer.from(ASSERTION, 'utf16le'));
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    const plain = await unpack(new TextEncoder().encode(ASSERTION));
    expect((await unpack(le)).credential).toEqual(plain.credential);
    expect((await unpack(be)).credential).toEqual(plain.credential);
    expect((await unpack(new Uint8Array(Buffer.from(JWT, 'utf16le')))).credential).toEqual({ type: 'jws', text: JWT });
  });
});

describe('a JSON list of badges', () => {
  it('is refused with how many it holds and what to do', async () => {
    const e = await parseError(unpack(JSON.stringify([JSON.parse(ASSERTION), JSON.parse(ASSERTION), {}])));
    expect(e.message).toBe('The JSON is a list of 3 items, not one badge: Lanyard reads one badge at a time, so add each badge on its own');
    expect((await parseError(unpack('[]'))).message).toMatch(/^The JSON is a list of 0 items/);
  });
});
