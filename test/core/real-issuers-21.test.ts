/**
 * A twenty-first round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md): a Comprehensive Learner Record 1.0 that Open Credential Publisher (RANDA
 * Solutions, the IMS CLR 1.0 pilot platform) signed for Wilton High School, North Dakota, and the signed
 * assertion inside it. CLR 1.0 borrows OB 2.0's JWS verification, so both reach the OB 2.0 signed
 * verifier; judged as Open Badges they read invalid ("Missing or malformed: Assertion badge") though
 * their RS512 signatures verify under the publisher's key. Nothing is fetched.
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
