/**
 * A twenty-first round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md): a Comprehensive Learner Record 1.0 that Open Credential Publisher (RANDA
 * Solutions' CLR 1.0 publishing platform) signed for Wilton High School, North Dakota, and the signed
 * assertion inside it. CLR 1.0 borrows OB 2.0's JWS verification, so both reach the OB 2.0 signed
 * verifier; judged as Open Badges they read invalid ("Missing or malformed: Assertion badge") though
 * their RS512 signatures verify under the publisher's key. And badges the Open University's KMi issued
 * (QualiChain, Institute of Coding), which offline are rightly unsettled. Nothing is fetched.
 */
import { createPublicKey, verify as rsaVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes } from '../support/real-fixtures.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { ErrorCodes } from '../../src/core/errors.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const FILE = 'ocp-web-wallet/signed-vc_signedClrs-0.jws';
const jws = new TextDecoder().decode(bytes(FILE));
const part = (token: string, i: number) => token.split('.')[i]!;
const payloadOf = (token: string) => JSON.parse(Buffer.from(part(token, 1), 'base64url').toString('utf8')) as Record<string, any>;
const clr = payloadOf(jws);
const assertion: string = clr.signedAssertions[0];
const enc = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const run = (token: string) => verify(new TextEncoder().encode(token), { fetch: offlineFetch(), now: NOW, identities: [] });

/** RS512 (RFC 7518 §3.3) under the key the record's publisher names: the test's own check that both are genuine. */
function signedByPublisher(token: string): boolean {
  const key = createPublicKey(clr.publisher.publicKey.publicKeyPem as string);
  return rsaVerify('sha512', Buffer.from(`${part(token, 0)}.${part(token, 1)}`), key, Buffer.from(part(token, 2), 'base64url'));
}

describe('Open Credential Publisher: a signed CLR 1.0 is no Open Badge, and not a forged one', () => {
  it('the record and its signed assertion are what their publisher signed (RS512)', () => {
    expect(JSON.parse(Buffer.from(part(jws, 0), 'base64url').toString('utf8'))).toMatchObject({ alg: 'RS512', typ: 'JWT' });
    expect(clr).toMatchObject({ type: 'Clr', '@context': 'https://contexts.ward.guru/clr_v1p0.jsonld', publisher: { name: 'Wilton High School' } });
    expect(signedByPublisher(jws)).toBe(true);
    expect(signedByPublisher(assertion)).toBe(true);
  });

  it('the signed record is indeterminate: not an Open Badge, nothing in it failed', async () => {
    const r = await run(jws);
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NOT_OPEN_BADGE });
    expect(check(r, 'structure')?.message).toContain('Comprehensive Learner Record 1.0');
  });

  it('its signed assertion (an achievement where a badge class would be) is indeterminate too', async () => {
    expect(payloadOf(assertion)).toMatchObject({ achievement: { name: 'Transcript Document' }, verification: { type: 'Signed' } });
    expect(payloadOf(assertion).badge).toBeUndefined();
    const r = await run(assertion);
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
  });

  it('an altered record (another learner, the signature kept) is never valid', async () => {
    const altered = `${part(jws, 0)}.${enc({ ...clr, learner: { ...clr.learner, name: 'Mallory' } })}.${part(jws, 2)}`;
    expect(signedByPublisher(altered)).toBe(false);
    expect((await run(altered)).verdict).not.toBe('valid');
  });

  // CLR 1.0 §Verification allows hosted records too: the same record, its verification made hosted and read as JSON.
  it('the record as a hosted document is indeterminate, not a malformed hosted badge', async () => {
    const r = await verify(new TextEncoder().encode(JSON.stringify({ ...clr, verification: { type: 'hosted' } })), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.format).toBe('ob1.1-hosted');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
  });

  it('an OB 2.0 assertion with no badge class and no achievement still fails its structure', async () => {
    const { achievement: _, ...bare } = payloadOf(assertion);
    const r = await run(`${part(assertion, 0)}.${enc(bare)}.${part(assertion, 2)}`);
    expect(r.verdict).toBe('invalid');
    expect(outcomes(r).structure).toBe('fail');
  });
});

/**
 * The Open University's Knowledge Media Institute (KMi) issued Open Badges from its QualiChain and
 * Institute of Coding servers (2019-2020): OB 2.0 assertions on the Blockcerts v2 context whose
 * `signature` is an ERC721Token2018 (a token per badge on an Ethereum contract, its targetHash the
 * Keccak-256 of the URDNA2015 form), baked in PNGs; and an RS256 signed badge (`verification.type`
 * "signedBadge", its creator key on blockchain6.kmi.open.ac.uk). Offline, none can be settled: their
 * keys and anchors are out of reach. They must read indeterminate, never forged.
 */
describe('Open University KMi: QualiChain baked badges and an Institute of Coding signed badge', () => {
  const DIR = 'qualichain-verification';
  const runFile = (file: string) => verify(bytes(`${DIR}/${file}`), { fetch: offlineFetch(), now: NOW, identities: [] });

  it('the "Idea badge" (2020-06-12) is indeterminate, and says which token vouches for it', async () => {
    const r = await runFile('badges_0x2cafa24d12862ab794789c913bbf3ddd4d985e569a48d0ec2a4bae9aee25fb62.png');
    expect(r.format).toBe('blockcerts2');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'indeterminate', 'issuer-key': 'indeterminate', validity: 'pass' });
    // The signature is an ERC721Token2018, its key an ERC721TokenVerification2018: not the MerkleProof2017 the message named.
    expect(check(r, 'signature')?.message).toContain('its ERC721Token2018 signature, anchored in Ethereum');
    expect(check(r, 'issuer-key')?.message).toContain('(ERC721TokenVerification2018)');
    expect(r.badge).toMatchObject({ name: 'Idea badge', issuedOn: '2020-06-12T11:32:26.000Z', issuer: { name: 'QualiChain at OU' } });
  });

  it('"Coding Bootcamp" (its date written `issuedon`) leaves structure unsettled, not failed', async () => {
    const r = await runFile('badges_0x21439a3a8edef76edf6806a1f68d300933af0cbcfd8db31b7d0f8ebbbe3b36d9.png');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'indeterminate' });
    expect(check(r, 'structure')?.message).toContain('issuedOn');
  });

  it('the signed badge is indeterminate offline (no key, no badge class), and so is a copy with another recipient', async () => {
    const r = await runFile('models_badges_validatesigned.jws');
    expect(r.format).toBe('ob2.0-signed');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(r.badge?.recipients).toEqual([{ type: 'email', hashed: true, salt: 'iocbadges54937210087', identity: 'sha256$93808c4fa7b42b86a490eead4fd30005fbd58efb757d717af76b8149ca50cdcb' }]);
    const token = new TextDecoder().decode(bytes(`${DIR}/models_badges_validatesigned.jws`));
    const altered = `${part(token, 0)}.${enc({ ...payloadOf(token), recipient: { type: 'email', hashed: false, identity: 'mallory@example.org' } })}.${part(token, 2)}`;
    expect((await run(altered)).verdict).not.toBe('valid');
  });
});
