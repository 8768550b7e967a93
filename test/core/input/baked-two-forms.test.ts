/**
 * The same badge baked twice in two forms is one badge, not "two different badges" (review of the
 * session 19 change, which refused genuine images): an OB 2.0 `openbadges` URL beside the iTXt JSON
 * of that assertion, pretty-printed beside compact JSON, a legacy tEXt URL left by a re-baker, a
 * compact JWS beside its credential's JSON, a corrupt extra chunk. Two readable texts that name
 * different badges are still refused (the second badge would ride along unchecked).
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { readBakedPng } from '../../../src/core/input/png.ts';
import { readBakedSvg } from '../../../src/core/input/svg.ts';
import { badgeName, namesOtherBadge } from '../../../src/core/input/same-badge.ts';
import { makeJws } from './make-jws.ts';
import { buildPng, chunk, concat, itxt, text, ztxt } from './png-builder.ts';

const URL = 'https://issuer.example/assertions/1';
const ob2 = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: URL, recipient: { type: 'email', hashed: false, identity: 'a@example.org' }, badge: 'https://issuer.example/badge', verify: { type: 'hosted', url: URL }, issuedOn: '2020-01-01' };
const ob3 = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:uuid:1', type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: 'did:example:1' } };
const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const reordered = (v: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(v).reverse()));
/** An iTXt chunk whose compressed text is not zlib: it cannot be decoded. */
const corrupt = chunk('iTXt', concat(new TextEncoder().encode('openbadgecredential'), Uint8Array.of(0, 1, 0, 0, 0, 1, 2, 3)));

const refusal = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UnsupportedCredentialError);
  expect((e as Error).message).toMatch(/carries two different badges/);
};

describe('a baked PNG holding one badge in two forms is that badge', () => {
  it('an openbadges URL beside the iTXt JSON of that assertion (its id, its verify.url)', async () => {
    expect(await readBakedPng(buildPng(text('openbadges', URL), itxt('openbadgecredential', JSON.stringify(ob2))))).toEqual({ chunk: 'tEXt', keyword: 'openbadges', text: URL });
    const onlyVerify = { ...ob2, id: 'urn:uuid:a' };
    expect((await readBakedPng(buildPng(itxt('openbadges', JSON.stringify(onlyVerify)), text('openbadges', URL)))).text).toBe(JSON.stringify(onlyVerify));
  });

  it('a legacy tEXt URL left by a re-baker beside the new iTXt JSON', async () => {
    const json = JSON.stringify(ob2);
    expect((await readBakedPng(buildPng(itxt('openbadges', json, { compressed: true }), text('openbadges', URL)))).text).toBe(json);
  });

  it('pretty-printed beside compact JSON, and keys in another order', async () => {
    const compact = JSON.stringify(ob3);
    expect((await readBakedPng(buildPng(itxt('openbadgecredential', compact), itxt('openbadgecredential', pretty(ob3))))).text).toBe(compact);
    const noId = { ...ob3, id: undefined };
    expect((await readBakedPng(buildPng(itxt('openbadgecredential', JSON.stringify(noId)), ztxt('openbadgecredential', reordered(noId))))).text).toBe(JSON.stringify(noId));
  });

  it('a compact JWS beside its credential JSON (the payload itself, its vc, its vc with id from jti)', async () => {
    for (const payload of [ob3, { jti: 'urn:uuid:1', vc: { ...ob3, id: undefined } }, { vc: ob3 }]) {
      const jws = makeJws({ alg: 'EdDSA' }, payload);
      expect((await readBakedPng(buildPng(itxt('openbadgecredential', jws), itxt('openbadges', JSON.stringify(ob3))))).text).toBe(jws);
    }
  });

  it('a corrupt extra chunk is passed over, before or after the badge', async () => {
    const json = JSON.stringify(ob3);
    expect((await readBakedPng(buildPng(itxt('openbadgecredential', json), corrupt))).text).toBe(json);
    expect(await readBakedPng(buildPng(corrupt, itxt('openbadgecredential', json)))).toMatchObject({ chunk: 'iTXt', keyword: 'openbadgecredential', text: json });
    expect((await readBakedPng(buildPng(itxt('openbadges', 'not a badge at all'), text('openbadges', URL)))).text).toBe(URL);
  });

  it('still refuses two readable texts that name different badges', async () => {
    await refusal(readBakedPng(buildPng(itxt('openbadgecredential', JSON.stringify(ob3)), text('openbadges', URL))));
    await refusal(readBakedPng(buildPng(text('openbadges', URL), itxt('openbadges', JSON.stringify({ ...ob2, id: 'https://issuer.example/assertions/2', verify: { type: 'hosted', url: 'https://issuer.example/assertions/2' } })))));
    await refusal(readBakedPng(buildPng(itxt('openbadgecredential', makeJws({ alg: 'EdDSA' }, ob3)), corrupt, itxt('openbadges', makeJws({ alg: 'EdDSA' }, { ...ob3, id: 'urn:uuid:2' })))));
    await refusal(readBakedPng(buildPng(itxt('openbadgecredential', JSON.stringify({ ...ob3, id: undefined })), itxt('openbadgecredential', JSON.stringify({ ...ob3, id: undefined, issuer: 'did:example:2' })))));
  });
});

describe('a baked SVG holding one badge in two forms is that badge', () => {
  const svg = (...inner: string[]) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">${inner.join('')}</svg>`;
  it('an assertion URL element beside one holding its JSON; an unreadable element passed over', () => {
    const json = JSON.stringify(ob2);
    expect(readBakedSvg(svg(`<openbadges:assertion verify="${URL}"/>`, `<openbadges:assertion><![CDATA[${pretty(ob2)}]]></openbadges:assertion>`)).text).toBe(URL);
    expect(readBakedSvg(svg(`<openbadges:assertion>{broken</openbadges:assertion>`, `<openbadges:assertion><![CDATA[${json}]]></openbadges:assertion>`)).text).toBe(json);
  });
  it('still refuses two elements that name different badges', () => {
    expect(() => readBakedSvg(svg(`<openbadges:assertion verify="${URL}"/>`, `<openbadges:assertion verify="https://issuer.example/assertions/2"/>`))).toThrow(UnsupportedCredentialError);
  });
});

describe('namesOtherBadge', () => {
  it('an unreadable text names nothing', () => {
    expect(badgeName('{broken')).toBeUndefined();
    expect(badgeName('hello')).toBeUndefined();
    expect(badgeName('["a"]')).toBeUndefined();
  });
  it('objects key order does not matter, nor the order of a set; a list keeps its order (same-badge-jsonld.test.ts)', () => {
    const n = (v: unknown) => badgeName(JSON.stringify(v))!;
    expect(namesOtherBadge(n({ a: [1, 2], b: { c: 1, d: 2 } }), n({ b: { d: 2, c: 1 }, a: [1, 2] }))).toBe(false);
    expect(namesOtherBadge(n({ a: [1, 2] }), n({ a: [2, 1] }))).toBe(false);
    expect(namesOtherBadge(n({ a: { '@list': [1, 2] } }), n({ a: { '@list': [2, 1] } }))).toBe(true);
    expect(namesOtherBadge(n({ a: 1 }), n({ a: 1, b: 2 }))).toBe(true);
  });
});
