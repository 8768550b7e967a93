/**
 * A baked image is one badge to every reader, or it is not judged (OB 2.0 §Baking: at most one
 * `openbadges` iTXt; OB 3.0 §5.3.1 Baked Badge: one `openbadgecredential`).
 *
 * 1. A badge chunk Lanyard cannot read strictly may still be read by another reader: PNG §11.3.4.5
 *    makes an iTXt compression flag other than 0 or 1, or a method other than 0, invalid, but Java
 *    ImageIO's PNGImageReader reads any flag but 1 as uncompressed text and inflates whatever the
 *    method, and 1EdTech's validator (DCPV inspector-vc PngParser, key OB20 allowsInconsistentItXt)
 *    reads such an iTXt as the raw UTF-8 text after its keyword, trimmed as Java's String.trim does;
 *    both decode bad UTF-8 as U+FFFD rather than refusing it. Lanyard passed such a chunk over and
 *    judged the chunk after it: a tampered copy in front rode along, read by the validator as the badge.
 * 2. Two texts with the same id but different content are two badges (a genuine badge and a tampered
 *    copy claiming its id): Lanyard judged the first, another reader may take the other.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { readBakedPng } from '../../../src/core/input/png.ts';
import { readBakedSvg } from '../../../src/core/input/svg.ts';
import { makeJws } from './make-jws.ts';
import { deflateSync } from 'node:zlib';
import { buildPng, chunk, concat, itxt, ztxt } from './png-builder.ts';

const URL = 'https://issuer.example/assertions/1';
const ob2 = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: URL, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: 'https://issuer.example/badge', verify: { type: 'hosted', url: URL }, issuedOn: '2020-01-01' };
const tampered = { ...ob2, recipient: { type: 'email', hashed: false, identity: 'mallory@example.org' } };
const genuine = JSON.stringify(ob2);
const enc = (s: string) => new TextEncoder().encode(s);
/** An iTXt with the given header bytes after the keyword's NUL, then `body`. */
const rawItxt = (keyword: string, header: number[], body: Uint8Array) => chunk('iTXt', concat(enc(keyword), Uint8Array.of(0, ...header), body));

const refusal = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UnsupportedCredentialError);
  expect((e as Error).message).toMatch(/carries two different badges/);
};

describe('a badge chunk another reader reads though Lanyard cannot', () => {
  it('an iTXt with compression flag 2 (ImageIO: uncompressed text) in front of the genuine one', async () => {
    await refusal(readBakedPng(buildPng(rawItxt('openbadges', [2, 0, 0, 0], enc(JSON.stringify(tampered))), itxt('openbadges', genuine))));
    await refusal(readBakedPng(buildPng(itxt('openbadges', genuine), rawItxt('openbadges', [7, 0, 0, 0], enc(JSON.stringify({ ...ob2, id: 'https://issuer.example/assertions/2' }))))));
  });

  it('an iTXt written as tEXt (no flag, method or tags: the validator reads the text after the keyword)', async () => {
    await refusal(readBakedPng(buildPng(chunk('iTXt', concat(enc('openbadges'), Uint8Array.of(0), enc(JSON.stringify(tampered)))), itxt('openbadges', genuine))));
  });

  it('an iTXt compressed with method 8 (ImageIO inflates whatever the method) or a zTXt with method 1', async () => {
    await refusal(readBakedPng(buildPng(rawItxt('openbadges', [1, 8, 0, 0], new Uint8Array(deflateSync(enc(JSON.stringify(tampered))))), itxt('openbadges', genuine))));
    const z = chunk('zTXt', concat(enc('openbadges'), Uint8Array.of(0, 1), new Uint8Array(deflateSync(enc(JSON.stringify(tampered))))));
    await refusal(readBakedPng(buildPng(z, itxt('openbadges', genuine))));
  });

  it('an iTXt whose text is not UTF-8 (read with U+FFFD by the others)', async () => {
    const bytes = enc(JSON.stringify({ ...tampered, name: 'X' }));
    bytes[bytes.lastIndexOf(0x58)] = 0xff; // the X of the name: a byte that is never UTF-8
    await refusal(readBakedPng(buildPng(rawItxt('openbadges', [0, 0, 0, 0], bytes), itxt('openbadges', genuine))));
  });

  it('such a chunk carrying the same badge, or nothing readable, changes nothing', async () => {
    expect((await readBakedPng(buildPng(rawItxt('openbadges', [2, 0, 0, 0], enc(genuine)), itxt('openbadges', genuine)))).text).toBe(genuine);
    expect((await readBakedPng(buildPng(rawItxt('openbadges', [1, 0, 0, 0], Uint8Array.of(1, 2, 3)), itxt('openbadges', genuine)))).text).toBe(genuine);
    expect((await readBakedPng(buildPng(itxt('openbadges', genuine), rawItxt('openbadges', [2, 0, 0, 0], enc('not a badge'))))).text).toBe(genuine);
  });

  it('alone, it is still refused as the corrupt chunk it is (never judged as a badge)', async () => {
    await expect(readBakedPng(buildPng(rawItxt('openbadges', [2, 0, 0, 0], enc(genuine))))).rejects.toThrow(/compression flag 2/);
  });
});

describe('the same id with different content is two badges', () => {
  it('two iTXt JSON texts, one with another recipient', async () => {
    await refusal(readBakedPng(buildPng(itxt('openbadges', genuine), itxt('openbadges', JSON.stringify(tampered)))));
    await refusal(readBakedPng(buildPng(itxt('openbadgecredential', genuine), ztxt('openbadges', JSON.stringify(tampered)))));
  });

  it('a JWS beside a JSON claiming its id but saying something else', async () => {
    const jws = makeJws({ alg: 'RS256' }, ob2);
    await refusal(readBakedPng(buildPng(itxt('openbadges', jws), itxt('openbadges', JSON.stringify(tampered)))));
    await refusal(readBakedPng(buildPng(itxt('openbadgecredential', makeJws({ alg: 'EdDSA' }, { jti: 'urn:uuid:1', vc: {} })), itxt('openbadgecredential', JSON.stringify({ id: 'urn:uuid:1', type: ['VerifiableCredential'] })))));
  });

  it('a VC-JWT beside its decoded credential (VC DM 1.1 §6.3.1: jti, iss, nbf, sub) is one badge', async () => {
    const vc = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: 'did:example:1', name: 'I' }, credentialSubject: { type: ['AchievementSubject'] } };
    const jws = makeJws({ alg: 'EdDSA' }, { iss: 'did:example:1', jti: 'urn:uuid:9', nbf: 1577836800, sub: 'did:example:s', vc });
    const decoded = { ...vc, id: 'urn:uuid:9', issuanceDate: '2020-01-01T00:00:00Z', credentialSubject: { ...vc.credentialSubject, id: 'did:example:s' } };
    for (const json of [vc, decoded]) {
      expect((await readBakedPng(buildPng(itxt('openbadgecredential', jws), itxt('openbadgecredential', JSON.stringify(json))))).text).toBe(jws);
    }
    await refusal(readBakedPng(buildPng(itxt('openbadgecredential', jws), itxt('openbadgecredential', JSON.stringify({ ...decoded, issuanceDate: '2021-01-01T00:00:00Z' })))));
  });

  it('SVG: two elements, or a body beside its verify JWS, with one id and different content', () => {
    const svg = (...inner: string[]) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">${inner.join('')}</svg>`;
    const el = (attrs: string, body: string) => `<openbadges:assertion ${attrs}><![CDATA[${body}]]></openbadges:assertion>`;
    expect(() => readBakedSvg(svg(el('', genuine), el('', JSON.stringify(tampered))))).toThrow(/two different badges/);
    expect(() => readBakedSvg(svg(el(`verify="${makeJws({ alg: 'RS256' }, ob2)}"`, JSON.stringify(tampered))))).toThrow(/two different badges/);
    expect(readBakedSvg(svg(el(`verify="${URL}"`, genuine))).text).toBe(genuine);
    const jws = makeJws({ alg: 'RS256' }, ob2);
    expect(readBakedSvg(svg(el(`verify="${jws}"`, JSON.stringify(ob2, null, 2)))).text).toBe(jws);
  });
});
