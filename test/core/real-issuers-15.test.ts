/**
 * A fifteenth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): Blockcerts v3 certificates from the Blockcerts verifier's test suite that
 * earlier rounds left out (one signed only with EcdsaSecp256k1Signature2019 by a key in the issuer's
 * profile, one anchored in Ethereum Sepolia, a tampered one), two Blockcerts presentations (one with its
 * holder rewritten), and the W3C VC 2.0 test suite's presentation signed for authentication that the
 * verifier's eddsa-rdfc-2022 test checks; then hostile copies of them. What Lanyard says of each
 * offline, and why. Nothing is fetched but the issuer's profile, from the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { generateSigner, signCredential } from '../../src/core/proofs/sign.ts';
import type { Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const BC = 'blockcerts-cert-verifier-js';
const offline = offlineFetch();
/** The Blockcerts sample issuer's profile (and status list) served at www.blockcerts.org from the repository. */
const served = offlineFetch([{ prefix: 'https://www.blockcerts.org/', dir: path.join(REAL, 'hosts/www.blockcerts.org') }]);
const run = (input: string | Uint8Array, fetch: Fetch = offline) => verify(input, { fetch, now: NOW, identities: [] });
const json = (file: string) => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, any>;

/**
 * Hyland's sample whose only proof is an EcdsaSecp256k1Signature2019 by a JsonWebKey2020 in the
 * issuer's profile (`…/issuer-blockcerts.json#secp256k1-verification-public-key`): no MerkleProof2019
 * anchor. Lanyard checks no secp256k1 signature and a Blockcerts certificate is vouched for by its
 * anchor: unsettled, and the message says what the certificate does carry (it said it "carries none
 * that Lanyard can read", as if it had no proof at all).
 */
describe('Blockcerts: a certificate signed only with EcdsaSecp256k1Signature2019 by a key in the issuer profile', () => {
  const FILE = `${BC}/v3_testnet-v3-verification-method-issuer-profile.json`;

  it.each([['offline', offline], ['with the issuer\'s profile served', served]] as const)('is indeterminate %s, its message naming the proof it carries', async (_, fetch) => {
    const r = await run(bytes(FILE), fetch);
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    expect(check(r, 'signature')?.message).toContain('carries none');
    expect(check(r, 'signature')?.message).toContain('EcdsaSecp256k1Signature2019');
    expect(check(r, 'signature')?.message).not.toContain('none that Lanyard can read');
    expect(r.badge?.name).toBe('Master of Puppets');
  });

  it('with one byte of its signed claim changed, it is never valid', async () => {
    const text = readFileSync(path.join(REAL, FILE), 'utf8').replace('Master of Puppets', 'Master of Puppetz');
    const r = await run(text, served);
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'signature')?.outcome).not.toBe('pass');
  });
});

/**
 * Anchored certificates: one in Ethereum Sepolia (2022-11-02), and the verifier's "tampered" copy of a
 * testnet certificate (its claim edited after anchoring; cert-verifier-js finds the Merkle leaf no
 * longer matches). Lanyard reads no receipt: both unsettled, never valid; the tampered one is not
 * told apart (left undone: comparing the receipt's targetHash with the certificate's own hash).
 */
describe('Blockcerts: anchored certificates, genuine and tampered', () => {
  it.each([
    [`${BC}/v3_ethereum-sepolia-v3.json`, 'MerkleProof2019'],
    [`${BC}/v3_testnet-v3--tampered.json`, 'MerkleProof2019'],
  ])('%s is indeterminate: its anchor is not checked', async (file, anchor) => {
    const r = await run(bytes(file));
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    expect(check(r, 'signature')?.message).toContain(anchor);
  });

  it('with its issuer swapped for another, it is still never valid', async () => {
    const cert = json(`${BC}/v3_ethereum-sepolia-v3.json`);
    cert.issuer = 'https://issuer.example/forger.json';
    const r = await run(JSON.stringify(cert), served);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
  });
});

/**
 * Two Blockcerts certificates in one presentation (its proof a merkle-proof-2019 by the issuer, not the
 * holder's), and the verifier's copy with the holder rewritten. Lanyard checks one badge at a time:
 * unsettled, each to be checked on its own; the rewritten one no more than the other.
 */
describe('Blockcerts: a presentation of two certificates', () => {
  it.each(['v3_mocknet-verifiable-presentation.json', 'v3_mocknet-verifiable-presentation-tampered.json'])('%s is indeterminate: check each on its own', async (file) => {
    const r = await run(bytes(`${BC}/${file}`));
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'parse')?.message).toContain('holding 2 credentials');
    expect(check(r, 'signature')?.message).toContain('check each credential on its own');
  });
});

/**
 * The W3C VC 2.0 test suite's presentation (2025-07-25): no credential, only an eddsa-rdfc-2022 proof
 * for authentication (challenge and domain) by a did:key. It proves who presented, and holds no badge:
 * not a badge, said so. Hostile uses of its proof: on a badge by the same key (a proof over another
 * document, and for another purpose), and with a badge slipped inside it.
 */
describe('W3C VC 2.0 test suite: a presentation signed for authentication, holding nothing', () => {
  const FILE = `${BC}/v3_vp-eddsa-rdfc-2022.json`;
  const vp = () => json(FILE);
  const KEY = 'did:key:z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj';
  const badge = (issuer: string) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:6a0f2ab4-7c0e-4df1-9f5e-2d8a1f1c9e01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Forged Issuer' },
    validFrom: '2025-07-25T00:00:00Z',
    name: 'Forged badge',
    credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'urn:uuid:0c1f6f3e-5b1d-4d7e-9a51-b6f0f1d2c3a4', type: ['Achievement'], name: 'Forged', description: 'Forged', criteria: { narrative: 'None' } } },
  });

  it('is not a badge: a presentation holding no credential', async () => {
    const r = await run(bytes(FILE));
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'parse')).toMatchObject({ outcome: 'fail', code: ErrorCodes.PARSE_UNRECOGNISED });
    expect(check(r, 'parse')?.message).toBe('The input is a Verifiable Presentation holding no credential');
  });

  it('its proof moved onto a badge by the same key is refused: it was made over another document', async () => {
    const r = await run(JSON.stringify({ ...badge(KEY), proof: vp().proof }));
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
    expect(check(r, 'signature')?.message).toBe('The proof\'s purpose is "authentication", not assertionMethod');
    // Its purpose rewritten to the one a badge needs, the signature is checked, and holds over nothing here.
    const moved = await run(JSON.stringify({ ...badge(KEY), proof: { ...vp().proof, proofPurpose: 'assertionMethod' } }));
    expect(moved.verdict).toBe('invalid');
    expect(check(moved, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(moved, 'signature')?.message).toContain(KEY);
  });

  it('with an unsigned badge slipped inside it, the badge is never valid', async () => {
    const r = await run(JSON.stringify({ ...vp(), verifiableCredential: [badge(KEY)] }));
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'signature')?.outcome).not.toBe('pass');
  });
});

/**
 * A status list pointing at itself: a badge genuinely signed by its issuer whose
 * BitstringStatusListEntry names the badge's own URL as its list, served there. What answers is a
 * badge, not a BitstringStatusListCredential (Bitstring Status List §2.2, §3.2 validate the list's
 * type): it cannot say the badge is not revoked, so the badge is never valid.
 */
describe('hostile: a status list that is the credential itself', () => {
  it('is refused as a status list; the badge is not valid', async () => {
    const signer = await generateSigner();
    const url = 'https://issuer.example/badges/self.json';
    const unsigned = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: url,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: signer.did, type: ['Profile'], name: 'Self-referring Issuer' },
      validFrom: '2025-01-01T00:00:00Z',
      name: 'Self-referring badge',
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'urn:uuid:5d1a7c2e-8f3b-4c6d-9e0a-1b2c3d4e5f60', type: ['Achievement'], name: 'Self', description: 'Self', criteria: { narrative: 'None' } } },
      credentialStatus: { id: `${url}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: url },
    };
    const signed = await signCredential(unsigned, signer);
    const fetch: Fetch = async (u) => (u === url
      ? new Response(JSON.stringify(signed), { headers: { 'content-type': 'application/json' } })
      : new Response('not found', { status: 404 }));
    const r = await run(JSON.stringify(signed), fetch);
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(r.verdict).not.toBe('valid');
    expect(check(r, 'revocation')?.outcome).not.toBe('pass');
    expect(check(r, 'revocation')?.message).toContain(url);
  });
});
