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
  it('16 entries: each list expanded one at a time, the credential still settled (not revoked)', async () => {
    const encodedList = `u${Buffer.from(gzipSync(new Uint8Array(16 * 1024 * 1024 - 1), { level: 9 })).toString('base64url')}`;
    expect(encodedList.length).toBeLessThan(40_000);
    const list = await signedStatusList(issuer, LIST, encodedList);
    const entries = Array.from({ length: 16 }, (_, i) => ({ id: `${LIST}#${i}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i * 1000), statusListCredential: LIST }));
    const r = await checkCredentialStatus(credential(issuer.did, { credentialStatus: entries }), context(new FakeWeb().json(LIST, list)));
    expect(r.outcome).toBe('pass');
    expect(decoding.calls).toBe(16);
    expect(decoding.max).toBe(1);
  }, 60_000);

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('an entry of type %j is an unknown status type (not Object taken for a list kind)', async (type) => {
    const web = new FakeWeb();
    const r = await checkCredentialStatus(credential(issuer.did, { credentialStatus: { id: `${LIST}#1`, type, statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: LIST } }), context(web));
    expect(r).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(r.message).toMatch(/is not one Lanyard checks/);
  });
});
