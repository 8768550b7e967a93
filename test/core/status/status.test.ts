import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { bitAt, decodeList } from '../../../src/core/status/bitstring.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const LIST = 'https://issuer.example/status/1';
let issuer: Ed25519Signer;
let other: Ed25519Signer;
beforeAll(async () => {
  [issuer, other] = await Promise.all([generateSigner(), generateSigner()]);
});

/** A 16 KB list (W3C Bitstring Status List §4.1 minimum) with `set` bits on, MSB first. */
function bits(set: number[]): Uint8Array {
  const b = new Uint8Array(16 * 1024);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return b;
}
const encode = (b: Uint8Array, multibase = true) => (multibase ? 'u' : '') + Buffer.from(gzipSync(b)).toString('base64url');

async function listCredential(signer: Ed25519Signer, set: number[], opts: { purpose?: string; issuerDid?: string; kind?: 'bitstring' | '2021' } = {}) {
  const kind = opts.kind ?? 'bitstring';
  const vc = {
    '@context': kind === 'bitstring' ? ['https://www.w3.org/ns/credentials/v2'] : ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    id: LIST,
    type: ['VerifiableCredential', kind === 'bitstring' ? 'BitstringStatusListCredential' : 'StatusList2021Credential'],
    issuer: opts.issuerDid ?? signer.did,
    ...(kind === 'bitstring' ? { validFrom: '2024-01-01T00:00:00Z' } : { issuanceDate: '2024-01-01T00:00:00Z' }),
    credentialSubject: { id: `${LIST}#list`, type: kind === 'bitstring' ? 'BitstringStatusList' : 'StatusList2021', statusPurpose: opts.purpose ?? 'revocation', encodedList: encode(bits(set), kind === 'bitstring') },
  };
  return signCredential(vc, signer, kind === 'bitstring' ? {} : { type: 'Ed25519Signature2020' });
}

const entry = (index: number | string, purpose = 'revocation', type = 'BitstringStatusListEntry') => ({
  credentialStatus: { id: `${LIST}#${index}`, type, statusPurpose: purpose, statusListIndex: index, statusListCredential: LIST },
});

describe('BitstringStatusList', () => {
  it('decodes MSB first, index 0 first', async () => {
    const b = await decodeList(encode(bits([0, 9, 23])), true);
    expect([0, 1, 9, 10, 23, 24].map((i) => bitAt(b, i))).toEqual([1, 0, 1, 0, 1, 0]);
    expect(bitAt(await decodeList(encode(bits([9]), false), false), 9)).toBe(1);
    await expect(decodeList(encode(bits([]), false), true)).rejects.toThrow(/multibase/);
  });
  it('fails a credential whose bit is set, passes one whose bit is not', async () => {
    const web = new FakeWeb().json(LIST, await listCredential(issuer, [23]));
    expect(await checkCredentialStatus(credential(issuer.did, entry(23)), context(web))).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect(await checkCredentialStatus(credential(issuer.did, entry('22')), context(web))).toMatchObject({ outcome: 'pass' });
  });
  it('fails SUSPENDED for a suspension bit', async () => {
    const web = new FakeWeb().json(LIST, await listCredential(issuer, [5], { purpose: 'suspension' }));
    expect(await checkCredentialStatus(credential(issuer.did, entry(5, 'suspension')), context(web))).toMatchObject({ outcome: 'fail', code: ErrorCodes.SUSPENDED });
  });
  it('is indeterminate when the list is unreachable, never pass', async () => {
    expect(await checkCredentialStatus(credential(issuer.did, entry(1)), context())).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
  });
  it('is indeterminate when the list answers 404', async () => {
    const web = new FakeWeb().status(LIST, 404);
    expect((await checkCredentialStatus(credential(issuer.did, entry(1)), context(web))).outcome).toBe('indeterminate');
  });
  it('does not trust a list whose proof fails, or that another issuer publishes', async () => {
    const forged = { ...(await listCredential(issuer, [])), id: 'https://issuer.example/status/other' };
    expect((await checkCredentialStatus(credential(issuer.did, entry(1)), context(new FakeWeb().json(LIST, forged)))).outcome).toBe('indeterminate');
    const foreign = await listCredential(other, []);
    const r = await checkCredentialStatus(credential(issuer.did, entry(1)), context(new FakeWeb().json(LIST, foreign)));
    expect(r).toMatchObject({ outcome: 'indeterminate' });
    expect(r.message).toMatch(/not by the credential's issuer/);
  });
  it('is indeterminate when the purposes differ', async () => {
    const web = new FakeWeb().json(LIST, await listCredential(issuer, [1], { purpose: 'suspension' }));
    expect((await checkCredentialStatus(credential(issuer.did, entry(1)), context(web))).outcome).toBe('indeterminate');
  });
  it('checks every entry of a list', async () => {
    const web = new FakeWeb().json(LIST, await listCredential(issuer, [7]));
    const two = { credentialStatus: [entry(1).credentialStatus, entry(7).credentialStatus] };
    expect((await checkCredentialStatus(credential(issuer.did, two), context(web))).outcome).toBe('fail');
  });
  it('reads StatusList2021 lists (no multibase prefix)', async () => {
    const web = new FakeWeb().json(LIST, await listCredential(issuer, [3], { kind: '2021' }));
    expect((await checkCredentialStatus(credential(issuer.did, entry(3, 'revocation', 'StatusList2021Entry')), context(web))).outcome).toBe('fail');
    expect((await checkCredentialStatus(credential(issuer.did, entry(4, 'revocation', 'StatusList2021Entry')), context(web))).outcome).toBe('pass');
  });
});

describe('1EdTechRevocationList and the rest', () => {
  const url = 'https://issuer.example/revocations';
  const status = { credentialStatus: { id: url, type: '1EdTechRevocationList' } };
  it('passes a credential naming no status', async () => {
    expect(await checkCredentialStatus(credential(issuer.did), context())).toMatchObject({ outcome: 'pass', message: expect.stringMatching(/names no status/) });
  });
  it('fails a listed credential, passes an unlisted one or one marked revoked: false', async () => {
    const vc = credential(issuer.did, status);
    const listed = new FakeWeb().json(url, { revokedCredential: [{ id: vc.id, revocationReason: 'Issued in error' }] });
    expect(await checkCredentialStatus(vc, context(listed))).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    const reinstated = new FakeWeb().json(url, { revokedCredential: [{ id: vc.id, revoked: false }] });
    expect((await checkCredentialStatus(vc, context(reinstated))).outcome).toBe('pass');
    expect((await checkCredentialStatus(vc, context(new FakeWeb().json(url, { revokedCredential: [] })))).outcome).toBe('pass');
  });
  it('is indeterminate when the list is unreachable, or the status type unknown', async () => {
    expect((await checkCredentialStatus(credential(issuer.did, status), context())).outcome).toBe('indeterminate');
    expect((await checkCredentialStatus(credential(issuer.did, { credentialStatus: { id: url, type: 'SomeStatus' } }), context())).outcome).toBe('indeterminate');
  });
});
