/**
 * Pins (review24): how a Bitstring Status List entry's statusListIndex and purpose, and a list's
 * encodedList prefix, are read (W3C Bitstring Status List v1.0 §2.1: statusListIndex "an arbitrary
 * size integer greater than or equal to 0, expressed as a string in base 10"; §3.2 the entry's
 * purpose must be the list's; §2.2 encodedList is a Multibase base64url string, StatusList2021's a
 * bare one). Whatever cannot be read one way settles nothing: indeterminate, never a pass (a revoked
 * badge would read valid) and never a fail.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const LIST = 'https://issuer.example/status/9';
let issuer: Ed25519Signer;
beforeAll(async () => {
  issuer = await generateSigner();
});

const bits = (set: number[]): Uint8Array => {
  const b = new Uint8Array(16 * 1024);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return b;
};
const gz = (set: number[]) => gzipSync(bits(set)).toString('base64url');

function list(encodedList: string, purpose: unknown = 'revocation', kind: 'Bitstring' | '2021' = 'Bitstring') {
  return signCredential({
    '@context': kind === 'Bitstring' ? ['https://www.w3.org/ns/credentials/v2'] : ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    id: LIST,
    type: ['VerifiableCredential', kind === 'Bitstring' ? 'BitstringStatusListCredential' : 'StatusList2021Credential'],
    issuer: issuer.did,
    ...(kind === 'Bitstring' ? { validFrom: '2024-01-01T00:00:00Z' } : { issuanceDate: '2024-01-01T00:00:00Z' }),
    credentialSubject: { id: `${LIST}#list`, type: kind === 'Bitstring' ? 'BitstringStatusList' : 'StatusList2021', statusPurpose: purpose, encodedList },
  }, issuer, kind === 'Bitstring' ? {} : { type: 'Ed25519Signature2020' });
}
const entry = (statusListIndex: unknown, statusPurpose = 'revocation', type = 'BitstringStatusListEntry') => ({ id: `${LIST}#e`, type, statusPurpose, statusListIndex, statusListCredential: LIST });
const check = (doc: unknown, e: Record<string, unknown>) => checkCredentialStatus(credential(issuer.did, { credentialStatus: e }), context(new FakeWeb().json(LIST, doc)));

describe('statusListIndex forms', () => {
  it('base 10 with leading zeros, or a JSON number, is that index: bit 23 set is revoked', async () => {
    const doc = await list(`u${gz([23])}`);
    for (const index of ['23', '0023', 23]) expect(await check(doc, entry(index)), String(index)).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
  });

  it('a sign, hex, a fraction, an exponent, spaces or a negative number: unsettled, never a pass', async () => {
    const doc = await list(`u${gz([23])}`);
    for (const index of ['+23', '0x17', '23.0', '2.3e1', ' 23', '23 ', '-1', -1, 23.5, '', null, true, ['23', '24'], ['+23']]) {
      expect((await check(doc, entry(index))).outcome, JSON.stringify(index)).toBe('indeterminate');
    }
    // An array of its one value is that value (JSON-LD 1.1 §4.3; hostile32, status-entry-arrays.test.ts): bit 23 is set.
    expect((await check(doc, entry(['23']))).outcome).toBe('fail');
  });

  it('an index past the end of the list: unsettled', async () => {
    const doc = await list(`u${gz([23])}`);
    expect((await check(doc, entry(16 * 1024 * 8))).outcome).toBe('indeterminate');
    expect((await check(doc, entry(16 * 1024 * 8 - 1))).outcome).toBe('pass');
  });
});

describe('purposes', () => {
  it('a suspension entry against a revocation list (or the other way round): unsettled, the bit not read', async () => {
    expect((await check(await list(`u${gz([5])}`, 'revocation'), entry(5, 'suspension'))).outcome).toBe('indeterminate');
    expect((await check(await list(`u${gz([5])}`, 'suspension'), entry(5, 'revocation'))).outcome).toBe('indeterminate');
    expect(await check(await list(`u${gz([5])}`, 'suspension'), entry(5, 'suspension'))).toMatchObject({ outcome: 'fail', code: ErrorCodes.SUSPENDED });
    expect(await check(await list(`u${gz([5])}`, ['revocation', 'suspension']), entry(5, 'suspension'))).toMatchObject({ outcome: 'fail', code: ErrorCodes.SUSPENDED });
  });
});

describe('encodedList prefixes', () => {
  it('a Bitstring list without its multibase u, or a StatusList2021 list with one: unsettled, never a pass', async () => {
    expect((await check(await list(gz([5])), entry(5))).outcome).toBe('indeterminate');
    expect((await check(await list(`u${gz([5])}`, 'revocation', '2021'), entry(5, 'revocation', 'StatusList2021Entry'))).outcome).toBe('indeterminate');
    expect(await check(await list(gz([5]), 'revocation', '2021'), entry(5, 'revocation', 'StatusList2021Entry'))).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
  });
});
