/**
 * A service description or manifest answered 401: "Access to the discovery endpoint MUST NOT be
 * protected" (OB 3.0 api.html, security.html "Request the Service Description Document"), and OB 2.1
 * serves its manifest to anyone who asks (§"Discovery"). Lanyard sent no token (there is none before
 * the sign-in), yet the 401 was read as a token refused (UNAUTHORIZED), which the popup says as "Your
 * sign-in has expired. Sign in again." to someone signing in for the first time. It is the backpack's
 * refusal (REJECTED, HTTP 401 kept), saying that the document asks for a sign-in it must not ask for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BadgeConnectClient } from '../../src/backpack/badge-connect.ts';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { Ob3Client } from '../../src/backpack/ob3.ts';
import { useBackpack } from '../backpack/helpers.ts';
import { failure } from './failure.ts';

const ctx = useBackpack();
afterEach(() => ctx.bp.control.clearFaults());

describe('a discovery document that asks for a sign-in', () => {
  it('OB 3.0: a 401 with a Bearer challenge is REJECTED, not a sign-in that expired', async () => {
    ctx.bp.control.failNext({ status: 401, path: '/ims/ob/v3p0/discovery', challenge: 'invalid_token' });
    const e = await failure(new Ob3Client({ fetch }).discover(ctx.bp.baseUrl));
    expect(e.code).toBe(C.REJECTED);
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/must not ask for/);
  });

  it('Badge Connect: the manifest answered 401 (a gateway page) is REJECTED too', async () => {
    ctx.bp.control.failNext({ status: 401, path: '/.well-known/badgeconnect.json', html: '<h1>Sign in to continue</h1>' });
    const e = await failure(new BadgeConnectClient({ fetch }).discover(ctx.bp.baseUrl));
    expect(e.code).toBe(C.REJECTED);
    expect(e.status).toBe(401);
  });

  it('a 401 to a request that carried a token is still a token refused', async () => {
    ctx.bp.control.failNext({ status: 401, path: '/ims/ob/v3p0/profile', challenge: 'invalid_token' });
    const service = await new Ob3Client({ fetch }).discover(ctx.bp.baseUrl);
    expect((await failure(new Ob3Client({ fetch }).profile(service, 'some-token'))).code).toBe(C.UNAUTHORIZED);
  });
});
