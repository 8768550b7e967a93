/**
 * The ecdsa-sd-2023 building blocks against the W3C vc-di-ecdsa intermediate values (employ
 * example): the parsed derived proof, the relabelled N-Quads, and the CBOR decoder's refusals.
 */
import { describe, expect, it } from 'vitest';
import { CborError, decodeCbor } from '../../../src/core/proofs/cbor.ts';
import { canonizeWith } from '../../../src/core/proofs/canonize-hash.ts';
import { parseDerivedProofValue, relabel } from '../../../src/core/proofs/ecdsa-sd.ts';
import { unsecured } from '../../../src/core/proofs/suites.ts';
import { fixture, SD_EMPLOY, vectorContexts } from './suite-vectors.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ecdsa-sd-2023 derived proof (W3C employ vector)', () => {
  const expected = fixture<{ baseSignature: string; signatures: string[]; nonMandatory: string[] }>('vc-di-ecdsa_ecdsa-sd-2023_employ_verifyCreateVerifyData.json');

  it('parses into the published base signature and signatures', () => {
    const d = parseDerivedProofValue((SD_EMPLOY.proof as { proofValue: string }).proofValue);
    if ('error' in d) throw new Error(d.error);
    expect(hex(d.baseSignature)).toBe(expected.baseSignature);
    expect(d.signatures.map(hex)).toEqual(expected.signatures);
    expect(d.ephemeral).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect([...d.labelMap.keys()].every((k) => /^c14n\d+$/.test(k))).toBe(true);
  });

  it('relabels the disclosed credential into exactly the published N-Quads', async () => {
    const d = parseDerivedProofValue((SD_EMPLOY.proof as { proofValue: string }).proofValue);
    if ('error' in d) throw new Error(d.error);
    const canon = await canonizeWith(unsecured(SD_EMPLOY), 'SHA-256', vectorContexts);
    expect(relabel(canon, d.labelMap)).toEqual(fixture<string[]>('vc-di-ecdsa_ecdsa-sd-2023_employ_verifyNQuads.json'));
  });

  it('relabels only blank nodes, never text that looks like one', () => {
    const canon = '_:c14n0 <http://ex.org/_:c14n0> "say _:c14n0 \\" _:c14n0" .\n';
    expect(relabel(canon, new Map([['c14n0', 'uXYZ']]))).toEqual(['_:uXYZ <http://ex.org/_:c14n0> "say _:c14n0 \\" _:c14n0" .\n']);
    expect(relabel(canon, new Map())).toBeNull();
  });

  it('refuses malformed values', () => {
    for (const pv of ['zabc', 'u!!', 'u2V0C', 'u2V0B', `u${Buffer.from([0xd9, 0x5d, 0x01, 0x80]).toString('base64url')}`]) {
      expect(parseDerivedProofValue(pv), pv).toHaveProperty('error');
    }
  });
});

describe('CBOR decoder', () => {
  it('reads integers, strings, arrays and maps', () => {
    expect(decodeCbor(Uint8Array.from([0x83, 0x01, 0x20, 0x43, 1, 2, 3]))).toEqual([1, -1, Uint8Array.from([1, 2, 3])]);
    expect(decodeCbor(Uint8Array.from([0xa1, 0x00, 0x61, 0x61]))).toEqual(new Map([[0, 'a']]));
    expect(decodeCbor(Uint8Array.from([0x19, 0x01, 0x00]))).toBe(256);
  });
  it.each([
    ['a tag', [0xc2, 0x40]],
    ['a float', [0xf9, 0x3c, 0x00]],
    ['an indefinite array', [0x9f, 0xff]],
    ['a truncated byte string', [0x45, 1, 2]],
    ['trailing bytes', [0x01, 0x02]],
    ['an array claiming more elements than bytes', [0x9a, 0xff, 0xff, 0xff, 0xff]],
    ['a duplicate map key', [0xa2, 0x00, 0x00, 0x00, 0x01]],
  ])('refuses %s', (_n, bytes) => {
    expect(() => decodeCbor(Uint8Array.from(bytes))).toThrow(CborError);
  });
  it('refuses deep nesting', () => {
    expect(() => decodeCbor(Uint8Array.from([...new Array(20).fill(0x81), 0x00]))).toThrow(CborError);
  });
});
