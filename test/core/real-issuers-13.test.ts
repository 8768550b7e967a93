/**
 * A thirteenth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): OpenCerts certificates (Singapore's OpenAttestation documents, which
 * universities and polytechnics issue to their graduates), and a JFF Plugfest badge the VC
 * Playground issued with two proofs by a P-256 did:key. What Lanyard says of each and why that is
 * the right verdict. Nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const run = (file: string) => verify(bytes(file), { fetch: offlineFetch(), now: NOW, identities: [] });
const json = (file: string) => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, any>;
const edited = (file: string, edit: (vc: Record<string, any>) => void) => {
  const vc = json(file);
  edit(vc);
  return verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
};

/**
 * OpenCerts (OpenAttestation 2.0): the document's `data` is salted field by field and secured by
 * `signature`, a SHA3MerkleProof whose Merkle root the issuer writes to a document store contract on
 * Ethereum (or signs with a DID), its identity proved by a DNS TXT record. Lanyard checks Open Badges
 * only, and reads no blockchain: a genuine certificate is not a forgery for being another kind of
 * credential, and a tampered one is not valid. Read, and unsettled, saying what it is.
 */
describe('OpenCerts: OpenAttestation 2.0 certificates', () => {
  const OC = 'opencerts-website';

  it.each([
    ['nus-yale-2019_sample.opencert', 'the National University of Singapore\'s NUS Degree sample (opencerts/v1.5)'],
    ['demo_sepolia.opencert', 'the OpenCerts demo certificate on Sepolia (OpenAttestation 2.0 schema)'],
    ['sagatests_tampered.opencert', 'an ITE certificate altered after it was issued'],
  ])('%s (%s) is indeterminate: an OpenAttestation document, not verified, never called forged', async (file) => {
    const r = await run(`${OC}/${file}`);
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'parse')).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'parse')?.message).toContain('OpenAttestation');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'signature')?.message).toContain('SHA3MerkleProof');
  });

  it('renamed (the salted recipient name changed), it is still never valid', async () => {
    const r = await edited(`${OC}/nus-yale-2019_sample.opencert`, (doc) => {
      doc.data.recipient.name = doc.data.recipient.name.replace(/:string:.*$/, ':string:Someone Else');
    });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
  });

  it('a document that only borrows the envelope\'s names is not taken for one', async () => {
    const r = await verify(JSON.stringify({ data: { name: 'x' }, signature: { type: 'SHA3MerkleProof' } }), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: ErrorCodes.PARSE_UNRECOGNISED });
  });
});

/**
 * The JFF Plugfest 1 badge the VC Playground (vcplayground.org, Digital Bazaar) issued on 2024-08-07,
 * as Hushmesh's verifier tests keep it: an OpenBadgeCredential on VC 1.1 under the plugfest's own
 * context, by `did:key:zDnaeY8J…` (P-256), with two proofs: an ecdsa-rdfc-2019 proof and an
 * ecdsa-sd-2023 base proof. The first verifies with the issuer's key: valid, the base proof (meant for
 * the holder, who derives what a verifier sees) named as not checked.
 */
describe('VC Playground (kept by Hushmesh): a JFF Plugfest badge with ecdsa-rdfc-2019 and ecdsa-sd-2023 proofs', () => {
  const FILE = 'hushmesh-vcplayground/verify_jff-plugfest-1-ecdsa.json';

  it('is valid: the ecdsa-rdfc-2019 proof holds with the issuer\'s did:key', async () => {
    const r = await run(FILE);
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    expect(check(r, 'signature')?.message).toContain('ecdsa-rdfc-2019 proof verifies');
    expect(check(r, 'signature')?.message).toContain('proof 2 of 2 (ecdsa-sd-2023) was not checked');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'pass' });
    expect(r.badge?.name).toBe('Our Wallet Passed JFF Plugfest #1 2022');
    expect(r.badge?.issuer.name).toBe('Jobs for the Future (JFF)');
  });

  /**
   * Renamed, the issuer's ecdsa-rdfc-2019 proof no longer verifies, and the base proof beside it is
   * not checked: never valid. The set is unsettled rather than forged (a set is unordered and anyone
   * can add a proof, proof-set.ts), but the proof that fails is named, not only the one left unchecked.
   */
  it('renamed, it is never valid, and the proof that fails is named', async () => {
    const r = await edited(FILE, (vc) => {
      vc.credentialSubject.achievement.name = 'Our Wallet Failed JFF Plugfest #1 2022';
    });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
    expect(check(r, 'signature')?.message).toContain('Proof 1 of 2 (ecdsa-rdfc-2019) does not verify');
    expect(check(r, 'signature')?.message).toContain('ecdsa-sd-2023');
  });

  it('renamed with its ecdsa-rdfc-2019 proof alone, it is invalid', async () => {
    const r = await edited(FILE, (vc) => {
      vc.proof = [vc.proof[0]];
      vc.issuer.name = 'Jobs for the Past';
    });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});
