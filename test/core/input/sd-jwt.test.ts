/**
 * SD-JWTs (RFC 9901 §4: issuer-signed JWT, then `~`-separated disclosures, then an optional key-binding
 * JWT) that are no W3C credential (an IETF SD-JWT VC, `vct`) are read as a credential Lanyard does not
 * verify: indeterminate, never "unreadable" (invalid). W3C ones are verified (test/core/formats/sd-jwt.test.ts).
 * Text that only looks like one, its JWT not JSON, stays unreadable.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { unpack } from '../../../src/core/input/index.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (header: unknown, payload: unknown) => `${b64(header)}.${b64(payload)}.${Buffer.from('sig').toString('base64url')}`;
const disclosure = b64(['salt', 'name', 'Ada']);
const issuerJwt = jwt({ alg: 'ES256', typ: 'dc+sd-jwt' }, { iss: 'https://issuer.test', vct: 'https://credentials.test/badge', _sd: ['x'] });
const kb = jwt({ alg: 'ES256', typ: 'kb+jwt' }, { nonce: 'n' });

describe('SD-JWT inputs', () => {
  it.each([
    ['with the final ~', `${issuerJwt}~${disclosure}~`],
    ['with a key-binding JWT', `${issuerJwt}~${disclosure}~${kb}`],
    ['without the final ~ (older drafts, walt.id)', `${issuerJwt}~${disclosure}`],
    ['with no disclosures', `${issuerJwt}~`],
  ])('reads one %s as a credential it does not verify: indeterminate', async (_, text) => {
    await expect(unpack(text)).rejects.toBeInstanceOf(UnsupportedCredentialError);
    // Not every SD-JWT is refused now (formats/sd-jwt.ts): the refusal says which kind is verified.
    await expect(unpack(text)).rejects.toThrow(/of a kind Lanyard does not verify yet \(it verifies W3C credentials/);
    const r = await verify(text, { now: new Date('2026-01-01T00:00:00Z') });
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'parse')).toMatchObject({ outcome: 'pass' });
    expect(r.checks.find((c) => c.id === 'parse')?.message).toContain('typ dc+sd-jwt');
    expect(r.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
  });

  it('still calls text unreadable when the JWT before the ~ is not JSON, or the shape is not an SD-JWT', async () => {
    for (const text of ['abc.def.ghi~xyz~', `${issuerJwt}~a~b.c`, `${issuerJwt}~~~${disclosure}.`]) {
      const r = await verify(text, { now: new Date('2026-01-01T00:00:00Z') });
      expect(r.verdict, text).toBe('invalid');
      expect(r.checks.find((c) => c.id === 'parse')?.outcome, text).toBe('fail');
    }
  });
});

describe('an SD-JWT behind a URL', () => {
  it('is indeterminate too, not "does not serve a badge"', async () => {
    const text = `${issuerJwt}~${disclosure}~`;
    const fetch = async () => new Response(text, { status: 200, headers: { 'content-type': 'application/dc+sd-jwt' } });
    const r = await verify('https://issuer.test/credentials/1', { fetch, now: new Date('2026-01-01T00:00:00Z') });
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
    expect(r.checks.filter((c) => c.outcome === 'fail')).toEqual([]);
  });
});

describe('an SD-JWT wrapped across lines (an e-mail at 76 columns; adversarial review, session 19)', () => {
  it('is the SD-JWT its characters spell, as a wrapped compact JWS is', async () => {
    const w3c = jwt({ alg: 'ES256', typ: 'vc+sd-jwt' }, { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], _sd: ['x'] });
    const whole = `${w3c}~${disclosure}~`;
    const u = await unpack(whole.replace(/(.{76})/g, '$1\r\n'));
    expect(u.credential).toEqual({ type: 'jws', text: whole });
    // An IETF SD-JWT VC wrapped is still that SD-JWT: named and not verified, not "unreadable".
    await expect(unpack(`${issuerJwt}~${disclosure}~`.replace(/(.{50})/g, '$1\n'))).rejects.toBeInstanceOf(UnsupportedCredentialError);
  });
});
