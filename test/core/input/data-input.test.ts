/**
 * A bare data: URL given as the input (pasted text, a file holding just it): read as what an
 * EnvelopedVerifiableCredential holding it would be (VC DM 2.0 §4.13; src/core/input/data-input.ts),
 * and JSON media types as the JSON they hold. It was refused: "The input is neither JSON, a compact
 * JWS nor an http(s) URL", while the same data: URL in an envelope was read.
 */
import { describe, expect, it } from 'vitest';
import { ParseError, UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { unpack } from '../../../src/core/input/index.ts';
import { makeJws } from './make-jws.ts';

const VC = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:example:1' };
const JWS = makeJws({ alg: 'EdDSA', typ: 'vc+jwt' }, VC);
const read = async (text: string | Uint8Array) => (await unpack(text)).credential;
const refusal = async (text: string) => unpack(text).then(() => undefined, (e: unknown) => e);

describe('a data: URL given as the input', () => {
  it('application/vc+jwt is the VC-JWT it holds, as text or as a file\'s bytes (with a newline)', async () => {
    expect(await read(`data:application/vc+jwt,${JWS}`)).toEqual({ type: 'jws', text: JWS });
    expect(await read(new TextEncoder().encode(`\uFEFFdata:application/vc+jwt;base64,${Buffer.from(JWS).toString('base64')}\n`))).toEqual({ type: 'jws', text: JWS });
  });

  it('application/vp+jwt is the presentation, whose credential is read as itself', async () => {
    const vp = makeJws({ alg: 'ES256', typ: 'vp+jwt' }, { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [JWS] });
    expect(await read(`data:application/vp+jwt,${vp}`)).toEqual({ type: 'jws', text: JWS });
  });

  it.each(['application/json', 'application/ld+json', 'application/vc', 'application/json;charset=utf-8'])('%s is the JSON credential it holds', async (type) => {
    const text = JSON.stringify(VC);
    expect(await read(`data:${type},${encodeURIComponent(text)}`)).toEqual({ type: 'json', text, json: VC });
    expect(await read(`data:${type};base64,${Buffer.from(text).toString('base64')}`)).toEqual({ type: 'json', text, json: VC });
  });

  it('JSON holding an envelope is the envelope\'s credential', async () => {
    const evc = { '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${JWS}` };
    expect(await read(`data:application/json,${encodeURIComponent(JSON.stringify(evc))}`)).toEqual({ type: 'jws', text: JWS });
  });

  it('a W3C credential secured as an SD-JWT is that SD-JWT (verified: formats/sd-jwt.ts), as in an envelope', async () => {
    expect(await read(`data:application/vc+sd-jwt,${JWS}~`)).toEqual({ type: 'jws', text: `${JWS}~` });
  });

  it('COSE, and an SD-JWT labelled as a plain VC-JWT, are named, not verified (indeterminate), as in an envelope', async () => {
    for (const url of ['data:application/vc+cose;base64,0oREoQE4IqA=', `data:application/vc+jwt,${JWS}~WyJzYWx0IiwibmFtZSIsIkFkYSJd~`]) {
      expect(await refusal(url), url).toBeInstanceOf(UnsupportedCredentialError);
    }
  });

  it('another media type is no credential Lanyard reads, named', async () => {
    const e = await refusal('data:text/html,<b>hi</b>');
    expect(e).toBeInstanceOf(UnsupportedCredentialError);
    expect((e as UnsupportedCredentialError).what).toBe('a data: URL of media type text/html');
  });

  it.each([
    ['no comma', 'data:application/vc+jwt'],
    ['base64 that is not', 'data:application/vc+jwt;base64,***'],
    ['a JWT media type over text that is no JWS', 'data:application/vc+jwt,hello'],
    ['a JSON media type over text that is no JSON object', 'data:application/json,hello'],
    ['a JSON media type over another data: URL', `data:application/json,data:application/vc+jwt,${JWS}`],
    ['JSON that is broken', 'data:application/json,{"a":'],
  ])('a broken one is unreadable: %s', async (_, url) => {
    const e = await refusal(url);
    expect(e, url).toBeInstanceOf(ParseError);
    expect(e).not.toBeInstanceOf(UnsupportedCredentialError);
  });
});
