/**
 * Enveloped credentials (VC DM 2.0 §4.13; VC-JOSE-COSE §3.1): `{ type: EnvelopedVerifiableCredential,
 * id: "data:application/vc+jwt,<JWS>" }`, alone or in a presentation, and an
 * EnvelopedVerifiablePresentation holding one. They were refused ("an enveloped credential, which
 * Lanyard does not verify yet"); the VC-JWT in the data: URL is now read as the credential, and only
 * it: nothing the envelope says is read. COSE envelopes, and SD-JWT ones that hold no W3C credential, stay indeterminate, named
 * (test/core/verify/enveloped-verify.test.ts verifies a W3C one).
 * Fixtures: the VC-JOSE-COSE examples (test/fixtures/w3c/vc-jose-cose/, provenance in
 * test/fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError, UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { dataText, readDataUrl } from '../../../src/core/input/data-url.ts';
import { unpack } from '../../../src/core/input/index.ts';
import { makeJws } from './make-jws.ts';

const SPEC = 'test/fixtures/w3c/vc-jose-cose';
const spec = (name: string) => readFileSync(`${SPEC}/${name}`, 'utf8');
const json = (name: string) => JSON.parse(spec(name)) as Record<string, unknown>;

const JWS = makeJws({ alg: 'EdDSA', typ: 'vc+jwt' }, { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:example:1' });
const evc = (id: string, extra: Record<string, unknown> = {}) => ({ '@context': 'https://www.w3.org/ns/credentials/v2', id, type: 'EnvelopedVerifiableCredential', ...extra });
const vpOf = (...vcs: unknown[]) => ({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: vcs });
const evp = (jws: string) => ({ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vp+jwt,${jws}`, type: 'EnvelopedVerifiablePresentation' });
const read = async (doc: unknown) => (await unpack(JSON.stringify(doc))).credential;
const refusal = async (doc: unknown) => unpack(JSON.stringify(doc)).then(() => undefined, (e: unknown) => e);

describe('an EnvelopedVerifiableCredential is read as the VC-JWT its data: URL holds', () => {
  it('given as the input', async () => {
    expect(await read(evc(`data:application/vc+jwt,${JWS}`))).toEqual({ type: 'jws', text: JWS });
  });

  it('inside a presentation: the VC-JOSE-COSE example (type as a list, its ES384 JWS)', async () => {
    const doc = json('example-vp-jose-enveloped-vc.json');
    const id = ((doc.verifiableCredential as Record<string, unknown>[])[0]!.id as string).slice('data:application/vc+jwt,'.length);
    expect(await read(doc)).toEqual({ type: 'jws', text: id });
  });

  it('inside a VP-JWT, as VC-JOSE-COSE secures a presentation', async () => {
    expect(await unpack(makeJws({ alg: 'ES256', typ: 'vp+jwt' }, vpOf(evc(`data:application/vc+jwt,${JWS}`))))).toMatchObject({ credential: { type: 'jws', text: JWS } });
  });

  it('inside an EnvelopedVerifiablePresentation, given as the input or a VC API request member', async () => {
    const outer = evp(makeJws({ alg: 'ES256', typ: 'vp+jwt' }, vpOf(evc(`data:application/vc+jwt,${JWS}`))));
    expect(await read(outer)).toEqual({ type: 'jws', text: JWS });
    expect(await read({ verifiablePresentation: outer })).toEqual({ type: 'jws', text: JWS });
  });

  it('inside an EnvelopedVerifiablePresentation whose VP-JWT holds the presentation in a `vp` claim (VC DM 1.1 §6.3.1.2)', async () => {
    expect(await read(evp(makeJws({ alg: 'ES256', typ: 'JWT' }, { iss: 'did:example:holder', vp: vpOf(evc(`data:application/vc+jwt,${JWS}`)) })))).toEqual({ type: 'jws', text: JWS });
  });

  it.each([
    ['base64', `data:application/vc+jwt;base64,${Buffer.from(JWS).toString('base64')}`],
    ['base64 without padding, percent-encoded', `data:application/vc+jwt;base64,${Buffer.from(JWS).toString('base64').replace(/=+$/, '').replace(/\+/g, '%2B').replace(/\//g, '%2F')}`],
    ['a charset parameter, upper-case type', `data:Application/VC+JWT;charset=utf-8,${JWS}`],
    ['percent-encoded characters', `data:application/vc+jwt,${JWS.replace(/\./g, '%2E')}`],
    ['the 2024-04 Candidate Recommendation name', `data:application/vc+ld+json+jwt,${JWS}`],
  ])('a data: URL with %s', async (_, id) => {
    expect(await read(evc(id))).toEqual({ type: 'jws', text: JWS });
  });

  it('reads nothing of the envelope itself: a credential written around it is not the credential', async () => {
    const decoy = { issuer: 'did:example:decoy', credentialSubject: { id: 'did:example:me' }, proof: { type: 'DataIntegrityProof' }, verifiableCredential: [{ type: 'VerifiableCredential' }] };
    expect(await read(evc(`data:application/vc+jwt,${JWS}`, { ...decoy, type: ['VerifiableCredential', 'EnvelopedVerifiableCredential'] }))).toEqual({ type: 'jws', text: JWS });
  });
});

describe('what Lanyard does not verify yet: indeterminate, named', () => {
  it('an SD-JWT envelope whose data is no SD-JWT as published (the VC-JOSE-COSE example: a space before its first ~)', async () => {
    const e = await refusal(json('example-vp-sd-jwt-enveloped-vc.json'));
    expect(e).toBeInstanceOf(UnsupportedCredentialError);
    expect((e as UnsupportedCredentialError).what).toContain('SD-JWT (application/vc+sd-jwt)');
    expect((e as Error).message).toContain('SD-JWT (selective disclosure, RFC 9901)');
  });

  it('an SD-JWT labelled vc+jwt is still an SD-JWT', async () => {
    const e = await refusal(evc(`data:application/vc+jwt,${JWS}~WyJzYWx0IiwibmFtZSIsIkFkYSJd~`));
    expect(e).toBeInstanceOf(UnsupportedCredentialError);
    expect((e as Error).message).toContain('SD-JWT');
  });

  it('a COSE envelope, credential or presentation (the VC-JOSE-COSE COSE presentation data: URL)', async () => {
    const cose = await refusal(evc('data:application/vc+cose;base64,0oREoQE4IqA='));
    expect(cose).toBeInstanceOf(UnsupportedCredentialError);
    expect((cose as Error).message).toContain('COSE');
    const vp = await refusal({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiablePresentation', id: spec('example-data-url-vp-cose.txt').trim() });
    expect(vp).toBeInstanceOf(UnsupportedCredentialError);
    expect((vp as Error).message).toContain('COSE');
  });

  it('another media type, or a presentation where a credential belongs', async () => {
    for (const id of ['data:application/json,{}', 'data:,hello', `data:application/vp+jwt,${JWS}`]) {
      const e = await refusal(evc(id));
      expect(e, id).toBeInstanceOf(UnsupportedCredentialError);
    }
    expect(((await refusal(evc('data:text/html,<b>hi</b>'))) as UnsupportedCredentialError).what).toBe('an enveloped credential of media type text/html');
  });

  it('several credentials, enveloped or not (the VC-JOSE-COSE presentation of three)', async () => {
    const e = await refusal(json('example-presentation-jose-sd-jwt-cose.json'));
    expect(e).toBeInstanceOf(UnsupportedCredentialError);
    expect((e as Error).message).toContain('holds 3 credentials');
  });

  it('an enveloped presentation inside a presentation', async () => {
    expect(await refusal(vpOf(evp(makeJws({ alg: 'ES256' }, vpOf(JWS)))))).toBeInstanceOf(UnsupportedCredentialError);
  });
});

describe('a broken envelope is unreadable', () => {
  it.each([
    ['an id that is no data: URL', evc('https://issuer.test/credentials/1')],
    ['no id', { type: 'EnvelopedVerifiableCredential' }],
    ['no comma', evc('data:application/vc+jwt')],
    ['a lone %', evc(`data:application/vc+jwt,${JWS}%4`)],
    ['base64 that is not', evc('data:application/vc+jwt;base64,***')],
    ['a JWT media type over text that is no JWS', evc('data:application/vc+jwt,hello')],
    ['a VP-JWT holding no presentation', evp(makeJws({ alg: 'ES256' }, { type: ['VerifiableCredential'] }))],
  ])('%s', async (_, doc) => {
    const e = await refusal(doc);
    expect(e).toBeInstanceOf(ParseError);
    expect(e).not.toBeInstanceOf(UnsupportedCredentialError);
  });

  it('the VC-JOSE-COSE enveloped presentation example, whose credential\'s data: URL is two joined by ";"', async () => {
    const e = await refusal(json('example-enveloped-vp-jose.json'));
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).code).toBe('ERR_PARSE_JWS');
  });
});

describe('readDataUrl (RFC 2397)', () => {
  it('reads the media type without its parameters, text/plain when none is given', () => {
    const read = (url: string) => {
      const { mediaType, bytes } = readDataUrl(url);
      return { mediaType, text: dataText(bytes) };
    };
    expect(read('data:application/vc+jwt;charset=US-ASCII;base64,YS5iLmM=')).toEqual({ mediaType: 'application/vc+jwt', text: 'a.b.c' });
    expect(read('data:;base64,YQ')).toEqual({ mediaType: 'text/plain', text: 'a' });
    expect(read('DATA:text/plain,a%20b')).toEqual({ mediaType: 'text/plain', text: 'a b' });
    expect(readDataUrl('data:application/vc+cose;base64,0oQ=').bytes).toEqual(Uint8Array.of(0xd2, 0x84));
  });

  it('refuses data that is not UTF-8 where text is read, and an envelope whose JWT is not', async () => {
    expect(() => dataText(readDataUrl('data:application/vc+jwt,%FF%FE').bytes)).toThrow(ParseError);
    expect(await refusal(evc('data:application/vc+jwt,%FF%FE'))).toBeInstanceOf(ParseError);
  });
});

describe('a hostile data: URL', () => {
  it('millions of percent escapes are read in one pass (seconds for a split-up decoder: under three), and refused as no JWS', async () => {
    const started = performance.now();
    const e = await refusal(evc(`data:application/vc+jwt,${'%41'.repeat(2_000_000)}`));
    expect(e).toBeInstanceOf(ParseError);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
