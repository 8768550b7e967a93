/**
 * An SVGZ (SVG 1.1 §1.2: the SVG compressed with gzip) is read as the SVG it holds wherever bytes
 * reach the engine: the command line's files and what a link serves as it is. Only the popup's
 * files were read before (src/background/services/gzip-file.ts).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError } from '../../../src/core/errors.ts';
import { unpack } from '../../../src/core/input/index.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';

const SVG = new Uint8Array(readFileSync('test/fixtures/conformance/baking/ob30_simple-json.svg'));
const gz = (b: Uint8Array | string) => new Uint8Array(gzipSync(b));

async function parseError(p: Promise<unknown>): Promise<ParseError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ParseError);
  return e as ParseError;
}

describe('an SVGZ', () => {
  it('is unpacked as the SVG it holds, the same credential as the SVG', async () => {
    const plain = await unpack(SVG);
    const packed = await unpack(gz(SVG));
    expect(packed.kind).toBe('svg');
    expect(packed.credential).toEqual(plain.credential);
  });

  it('a gzip holding anything but an SVG, a gzip in a gzip, broken gzip and a gzip bomb are refused as ParseErrors with a sentence', async () => {
    const json = await parseError(unpack(gz('{"type":"Assertion"}')));
    expect(json.message).toMatch(/compressed \(gzip\) file that holds no SVG image/);
    expect((await parseError(unpack(gz(gz(SVG))))).code).toBe(ErrorCodes.PARSE_UNRECOGNISED);
    const cut = gz(SVG).subarray(0, 40);
    expect((await parseError(unpack(cut))).message).toMatch(/compressed \(gzip\) file whose content could not be read/);
    const bomb = new Uint8Array(gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }));
    expect((await parseError(unpack(bomb))).message).toMatch(/exceeds/);
  });

  it('served by a link as it is (no Content-Encoding) is read as the SVG', async () => {
    const url = 'https://issuer.example/badges/1.svgz';
    const fetch = async (u: string | URL | Request) => (String(u) === url ? new Response(gz(SVG), { headers: { 'content-type': 'image/svg+xml' } }) : new Response('', { status: 404 }));
    const r = await verify(url, { fetch: fetch as typeof globalThis.fetch, now: new Date('2026-01-01T00:00:00Z') } as never);
    expect(r.checks.find((c) => c.id === 'parse')?.outcome).toBe('pass');
    const plain = await verify(SVG, { fetch: fetch as typeof globalThis.fetch, now: new Date('2026-01-01T00:00:00Z') } as never);
    expect(r.format).toBe(plain.format);
    expect(r.badge?.name).toBe(plain.badge?.name);
    expect(r.checks.find((c) => c.id === 'structure')?.outcome).toBe(plain.checks.find((c) => c.id === 'structure')?.outcome);
  });
});
