/**
 * A small credential whose 16 status entries name a list that expands to its 16 MB cap (22 KB
 * gzip): the lists are expanded one at a time (src/core/status/check.ts), not 16 at once (about
 * 480 MB measured). And an entry whose type is an Object.prototype name is not a status list kind.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential, generateSigner, signedStatusList, type Ed25519Signer } from '../proofs/support.ts';

const decoding = vi.hoisted(() => ({ now: 0, max: 0, calls: 0 }));
vi.mock('../../../src/core/status/bitstring.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/status/bitstring.ts')>();
  return {
    ...real,
    decodeList: async (...args: Parameters<typeof real.decodeList>) => {
      decoding.calls++;
      decoding.max = Math.max(decoding.max, ++decoding.now);
      try {
        return await real.decodeList(...args);
      } finally {
        decoding.now--;
      }
    },
  };
});

const LIST = 'https://issuer.example/status/big';
let issuer: Ed25519Signer;
beforeAll(async () => {
  issuer = await generateSigner();
});

describe('status entries naming a huge list', () => {
  it('16 entries over 2 lists: each list expanded once and one at a time, the credential still settled (not revoked)', async () => {
    // Two lists at the 16 MB cap: as many as one verification expands (list-memo.ts LISTS_MAX_BYTES), each its own text.
    const web = new FakeWeb();
    for (let l = 0; l < 2; l++) {
      const bits = new Uint8Array(16 * 1024 * 1024 - 1);
      bits[bits.length - 1] = l;
      const encodedList = `u${Buffer.from(gzipSync(bits, { level: 9 })).toString('base64url')}`;
      expect(encodedList.length).toBeLessThan(40_000);
      web.json(`${LIST}/${l}`, await signedStatusList(issuer, `${LIST}/${l}`, encodedList));
    }
    const entries = Array.from({ length: 16 }, (_, i) => ({ id: `${LIST}/${i % 2}#${i}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i * 1000), statusListCredential: `${LIST}/${i % 2}` }));
    const r = await checkCredentialStatus(credential(issuer.did, { credentialStatus: entries }), context(web));
    expect(r.outcome, r.message).toBe('pass');
    expect(decoding.calls).toBe(2);
    expect(decoding.max).toBe(1);
  }, 60_000);

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('an entry of type %j is an unknown status type (not Object taken for a list kind)', async (type) => {
    const web = new FakeWeb();
    const r = await checkCredentialStatus(credential(issuer.did, { credentialStatus: { id: `${LIST}#1`, type, statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: LIST } }), context(web));
    expect(r).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(r.message).toMatch(/is not one Lanyard checks/);
  });
});
