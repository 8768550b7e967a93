/**
 * Hostile round 34: one verification's status list work, bounded. A 130 KB credential with 16 status
 * entries and 32 embedded endorsements with 16 entries each, all naming one list that gunzips to its
 * 16 MB cap, made Lanyard expand that list 528 times and check its proof 528 times: about two minutes
 * of one core (measured with the pipeline, 117.5 s; 1.3 s after). Now a list is expanded and trusted
 * once per verification (src/core/status/list-memo.ts), and all its lists together expand to at most
 * LISTS_MAX_BYTES: past that an entry is unsettled, never a pass. What the bits say is read as before.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { LISTS_MAX_BYTES } from '../../../src/core/status/list-memo.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential, generateSigner, signCredential, signedStatusList, type Ed25519Signer } from '../proofs/support.ts';

const decoding = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../../src/core/status/bitstring.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/status/bitstring.ts')>();
  return {
    ...real,
    decodeList: (...args: Parameters<typeof real.decodeList>) => {
      decoding.calls++;
      return real.decodeList(...args);
    },
  };
});

const LIST = 'https://endorser.example/status/1';
const encode = (bits: Uint8Array): string => `u${Buffer.from(gzipSync(bits, { level: 9 })).toString('base64url')}`;
const entry = (url: string, index: number) => ({ id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: url });

let signer: Ed25519Signer;
beforeAll(async () => {
  signer = await generateSigner();
});

describe('status lists in one verification', () => {
  it('33 credentials × 16 entries naming one list: expanded once, and the badge and its endorsements still verified', async () => {
    const web = new FakeWeb().json(LIST, await signedStatusList(signer, LIST, encode(new Uint8Array(1024 * 1024))));
    const entries = Array.from({ length: 16 }, (_, i) => entry(LIST, i * 1000));
    const base = credential(signer.did, { credentialStatus: entries });
    const endorsements = [];
    for (let i = 0; i < 32; i++) {
      endorsements.push(
        await signCredential(
          { '@context': base['@context'], id: `urn:uuid:endorsement-${i}`, type: ['VerifiableCredential', 'EndorsementCredential'], issuer: { id: signer.did, type: ['Profile'], name: 'Endorser' }, validFrom: '2024-01-01T00:00:00Z', name: 'Endorsement', credentialSubject: { id: base.id, type: ['EndorsementSubject'], endorsementComment: 'ok' }, credentialStatus: entries },
          signer,
        ),
      );
    }
    const signed = await signCredential({ ...base, endorsement: endorsements }, signer);
    decoding.calls = 0;
    const r = await verify(JSON.stringify(signed), { fetch: web.fetch, now: new Date('2026-11-26T00:00:00Z'), identities: [] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.checks.find((c) => c.id === 'endorsement')).toMatchObject({ outcome: 'pass', message: '32 endorsements verified' });
    expect(decoding.calls).toBe(1);
  }, 60_000);

  it('entries sharing a list still read their own bits: one set among them revokes', async () => {
    const bits = new Uint8Array(16 * 1024);
    bits[5] = 0x80; // bit 40
    const web = new FakeWeb().json(LIST, await signedStatusList(signer, LIST, encode(bits)));
    decoding.calls = 0;
    const clean = await checkCredentialStatus(credential(signer.did, { credentialStatus: [entry(LIST, 39), entry(LIST, 41)] }), context(web));
    expect(clean.outcome, clean.message).toBe('pass');
    const revoked = await checkCredentialStatus(credential(signer.did, { credentialStatus: [entry(LIST, 39), entry(LIST, 40), entry(LIST, 41)] }), context(web));
    expect(revoked).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    // Once per verification, not once for all time: each check expanded it again.
    expect(decoding.calls).toBe(2);
  });

  it(`lists that together expand past ${LISTS_MAX_BYTES} bytes: the entry past the bound is unsettled, never a pass`, async () => {
    const web = new FakeWeb();
    const urls = [0, 1, 2].map((i) => `https://endorser.example/status/big-${i}`);
    for (const [i, url] of urls.entries()) {
      const bits = new Uint8Array(16 * 1024 * 1024 - 1);
      bits[bits.length - 1] = i; // three lists, three texts
      web.json(url, await signedStatusList(signer, url, encode(bits)));
    }
    const r = await checkCredentialStatus(credential(signer.did, { credentialStatus: urls.map((u) => entry(u, 7)) }), context(web));
    expect(r).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(r.message).toMatch(/status lists/);
    // Two of them are within the bound, and read.
    const two = await checkCredentialStatus(credential(signer.did, { credentialStatus: urls.slice(0, 2).map((u) => entry(u, 7)) }), context(web));
    expect(two.outcome, two.message).toBe('pass');
  }, 60_000);
});
