/**
 * RFC 7591 §3: "The client registration endpoint MAY be designed to allow open registration or MAY
 * require an initial access token"; a server that requires one refuses a request without it as a
 * protected resource does (RFC 6750 §3.1: 401, `invalid_token`; or 403). Lanyard has no initial access
 * token, so that is a refusal to register it, said as one (REGISTRATION_REFUSED: the popup then offers
 * the password sign-in where there is one). It was UNAUTHORIZED, "refused the token", though
 * Lanyard had sent none, and a new sign-in could never help.
 */
import { describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { failure } from './failure.ts';
import { registerClient, type ClientMetadata } from '../../src/backpack/registration.ts';

const META: ClientMetadata = {
  clientName: 'Lanyard',
  clientUri: 'https://ext.chromiumapp.org/',
  logoUri: 'https://ext.chromiumapp.org/icon.png',
  tosUri: 'https://ext.chromiumapp.org/terms.html',
  policyUri: 'https://ext.chromiumapp.org/privacy.html',
  softwareId: 'lanyard',
  softwareVersion: '1.0.0',
  redirectUris: ['https://ext.chromiumapp.org/oauth2'],
  scope: ['https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly'],
};

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => async (): Promise<Response> =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('a registration endpoint that requires an initial access token', () => {
  it('401 invalid_token (RFC 6750 §3.1) is REGISTRATION_REFUSED, with the server\'s word as the detail', async () => {
    const e = await failure(registerClient({ fetch: answer(401, { error: 'invalid_token', error_description: 'An initial access token is required' }, { 'www-authenticate': 'Bearer error="invalid_token"' }) }, 'https://bp.example/register', META));
    expect(e.code).toBe(C.REGISTRATION_REFUSED);
    expect(e.status).toBe(401);
    expect(e.detail).toBe('invalid_token');
    expect(e.message).toContain('An initial access token is required');
    expect(e.message).not.toMatch(/token \(HTTP/);
  });

  it('a bare 403 is REGISTRATION_REFUSED too', async () => {
    const e = await failure(registerClient({ fetch: answer(403, undefined) }, 'https://bp.example/register', META));
    expect(e.code).toBe(C.REGISTRATION_REFUSED);
    expect(e.status).toBe(403);
  });

  it('a 5xx stays a server failure to retry, a 429 a throttle', async () => {
    expect((await failure(registerClient({ fetch: answer(503, undefined) }, 'https://bp.example/register', META))).code).toBe(C.SERVER_ERROR);
    expect((await failure(registerClient({ fetch: answer(429, undefined, { 'retry-after': '5' }) }, 'https://bp.example/register', META))).code).toBe(C.THROTTLED);
  });
});
