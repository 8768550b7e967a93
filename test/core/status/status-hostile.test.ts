/**
 * Status entries read the way the issuer wrote them (W3C Bitstring Status List v1.0 §2.1, §3.2):
 * an index past 2^31 was read through a 32-bit shift (`index >> 3`), so index 2^32 + 23 read bit 23
 * of the list, another credential's status, where the list has no such entry (§3.2 RANGE_ERROR); and
 * a bit set for a purpose Lanyard does not know (a capitalised "Revocation", or `message`, whose
 * meaning the issuer's statusMessage gives) was a pass, "does not invalidate the credential", where
 * §3.2 says a set status is not valid: only `refresh` is one that does not invalidate (§2.1).
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const LIST = 'https://issuer.example/status/7';
let issuer: Ed25519Signer;
beforeAll(async () => {
  issuer = await generateSigner();
});

/** A 16 KB list whose bits `set` are on, most significant bit first (§3.4). */
function bits(set: number[]): Uint8Array {
  const b = new Uint8Array(16 * 1024);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return b;
}

async function list(set: number[], purpose: unknown = 'revocation', encoded?: string, validFrom = '2024-01-01T00:00:00Z') {
  return signCredential({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: LIST,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom,
    credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList: encoded ?? `u${gzipSync(bits(set)).toString('base64url')}` },
  }, issuer);
}

const entry = (index: unknown, purpose = 'revocation', more: Record<string, unknown> = {}) => ({
  id: `${LIST}#e${String(index)}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: index, statusListCredential: LIST, ...more,
});
const check = async (web: FakeWeb, ...entries: Record<string, unknown>[]) =>
  checkCredentialStatus(credential(issuer.did, { credentialStatus: entries.length === 1 ? entries[0] : entries }), context(web));

describe('a status list index is read as the issuer wrote it', () => {
  it('an index of 2^32 + 23 is beyond a 16 KB list, not bit 23', async () => {
    const web = new FakeWeb().json(LIST, await list([23]));
    expect(await check(web, entry(23))).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    for (const index of ['4294967319', 4294967319, 2 ** 31 + 23, '2147483671']) {
      const r = await check(web, entry(index));
      expect(r, String(index)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
      expect(r.message).toMatch(/beyond/);
    }
  });

  it('an index that is not a base-10 integer settles nothing', async () => {
    const web = new FakeWeb().json(LIST, await list([1]));
    for (const index of [-1, '-1', 1.5, '1.5', '0x1', ' 1', '1e0', null, true, [1, 2], [], '', '99999999999999999999']) {
      expect((await check(web, entry(index))).outcome, JSON.stringify(index)).toBe('indeterminate');
    }
    expect((await check(web, entry('0001'))).outcome).toBe('fail');
    // An array of its one value is that value (JSON-LD 1.1 §4.3; hostile32, status-entry-arrays.test.ts).
    expect((await check(web, entry([1]))).outcome).toBe('fail');
  });

  it('a statusSize of 2 reads two bits: any value but 0 is not valid (§3.2)', async () => {
    const messages = { statusMessage: [{ status: '0x0', message: 'valid' }, { status: '0x1', message: 'revoked' }, { status: '0x2', message: 'x' }, { status: '0x3', message: 'y' }] };
    // entry 5 is bits 10-11, entry 6 bits 12-13
    const web = new FakeWeb().json(LIST, await list([11]));
    expect(await check(web, entry(5, 'revocation', { statusSize: 2, ...messages }))).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect((await check(web, entry(6, 'revocation', { statusSize: 2, ...messages }))).outcome).toBe('pass');
    for (const statusSize of [0, -1, '2', 2.5, 33]) {
      expect((await check(web, entry(5, 'revocation', { statusSize }))).outcome, String(statusSize)).toBe('indeterminate');
    }
  });

  it('a Bitstring list without its multibase u, or not gzip, settles nothing', async () => {
    const bare = gzipSync(bits([1])).toString('base64url');
    expect((await check(new FakeWeb().json(LIST, await list([], 'revocation', bare)), entry(1))).outcome).toBe('indeterminate');
    expect((await check(new FakeWeb().json(LIST, await list([], 'revocation', `u${Buffer.from(bits([1])).toString('base64url')}`)), entry(1))).outcome).toBe('indeterminate');
  });
});

describe('what a set status means depends on its purpose', () => {
  it('a set bit whose purpose Lanyard does not know is not a pass', async () => {
    const web = new FakeWeb().json(LIST, await list([3], ['Revocation', 'message', 'refresh', 'revoked']));
    for (const purpose of ['Revocation', 'revoked', 'message']) {
      const r = await check(web, entry(3, purpose));
      expect(r.outcome, purpose).toBe('indeterminate');
    }
    // §2.1: refresh "does not invalidate the verifiable credential".
    expect(await check(web, entry(3, 'refresh'))).toMatchObject({ outcome: 'pass' });
    // Unset, whatever the purpose, is unset.
    expect((await check(web, entry(4, 'message'))).outcome).toBe('pass');
  });

  it('a message status is not settled, and says its value (not the statusMessage text, §2.1: not for end users)', async () => {
    const web = new FakeWeb().json(LIST, await list([7], 'message'));
    const r = await check(web, entry(3, 'message', { statusSize: 2, statusMessage: [{ status: '0x0', message: 'pending' }, { status: '0x1', message: 'under review' }, { status: '0x2', message: 'a' }, { status: '0x3', message: 'b' }] }));
    expect(r.outcome).toBe('indeterminate');
    expect(r.message).toMatch(/set to 0x1 for the purpose message/);
    expect(r.message).not.toMatch(/under review/);
  });

  it('one revoked entry among several decides, whatever the others say', async () => {
    const web = new FakeWeb().json(LIST, await list([9], ['revocation', 'suspension']));
    const unreachable = { ...entry(1), statusListCredential: 'https://down.example/list' };
    expect(await check(web, entry(1, 'suspension'), unreachable, entry(9))).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect((await check(web, entry(1, 'suspension'), unreachable, entry(8))).outcome).toBe('indeterminate');
  });
});

describe('the status list\'s own dates', () => {
  // support.ts context(): now is 2026-11-26T00:00:00Z.
  it('a list published a minute ahead of this clock is read (clock skew, validity.ts CLOCK_SKEW_MS); an hour ahead is not yet valid', async () => {
    const soon = new FakeWeb().json(LIST, await list([2], 'revocation', undefined, '2026-11-26T00:01:00Z'));
    expect(await check(soon, entry(2))).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    const later = new FakeWeb().json(LIST, await list([2], 'revocation', undefined, '2026-11-26T01:00:00Z'));
    const r = await check(later, entry(2));
    expect(r.outcome).toBe('indeterminate');
    expect(r.message).toMatch(/not valid yet/);
  });
});
