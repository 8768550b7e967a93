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
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { credential, generateSigner, signCredential, signedStatusList } from './proofs/support.ts';
import { statusEntry } from './proofs/sd-status.ts';
import { FakeWeb } from '../support/fake-web.ts';
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
  const badge = (issuer: string) => credential(issuer, { name: 'Forged badge' });

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
    const signed = await signCredential(credential(signer.did, { id: url, credentialStatus: statusEntry(url) }), signer);
    const r = await run(JSON.stringify(signed), new FakeWeb().json(url, signed).fetch);
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(check(r, 'revocation')?.message).toBe(`The document at ${url} is not a BitstringStatusListCredential`);
  });
});

/**
 * A status list whose own credentialStatus names the list itself (and a badge pointing at it): the
 * list is checked once, as a list; nothing loops, and the badge's status is read from its bits.
 */
describe('hostile: a status list that names itself as its own status', () => {
  it('settles the badge from its bits, the list fetched once', async () => {
    const signer = await generateSigner();
    const list = 'https://issuer.example/status/1';
    const bits = `u${gzipSync(new Uint8Array(16 * 1024)).toString('base64url')}`;
    const web = new FakeWeb().json(list, await signedStatusList(signer, list, bits, { credentialStatus: statusEntry(list, 7) }));
    const badge = await signCredential(credential(signer.did, { credentialStatus: statusEntry(list) }), signer);
    const r = await run(JSON.stringify(badge), web.fetch);
    expect(r.verdict).toBe('valid');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'pass', message: `Not revoked: bit 5 of the status list at ${list} is not set` });
    expect(web.requested).toEqual([list]);
  });
});
