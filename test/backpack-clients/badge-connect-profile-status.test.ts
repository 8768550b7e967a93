/**
 * A Badge Connect profile answer whose HTTP status says 200 while its own status envelope says no
 * (OB 2.1 JSON binding, StatusDType: `statusCode` required, `error` and `statusText` optional). The
 * assertions list already read it as the server's refusal (envelope-failure.test.ts); the profile
 * called it PROTOCOL ("has no profile"), a backpack that does not speak the API, and a NOT_FOUND
 * there (OB 2.1 getProfile 404: no profile for this token) was an error, not an account without one.
 * The OB 3.0 profile reads its Imsx_StatusInfo under a 2xx the same way (ob3.ts refusedUnder2xx).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BADGE_CONNECT_SCOPES, BadgeConnectClient, type BadgeConnectService } from '../../src/backpack/badge-connect.ts';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { TokenSet } from '../../src/backpack/oauth.ts';
import { optionalProfile } from '../../src/background/services/providers/oauth-provider.ts';
import { CLIENT_METADATA, REDIRECT_URI, submitAuthorizationForm, useBackpack } from '../backpack/helpers.ts';
import { ADA } from '../backpack/seed-data.ts';
import { failure } from './failure.ts';

const ctx = useBackpack();
const bc = new BadgeConnectClient({ fetch });
let service: BadgeConnectService;
let tokens: TokenSet;
const PROFILE = '/ims/ob/v2p1/profile';

beforeAll(async () => {
  service = await bc.discover(ctx.bp.baseUrl);
  const m = CLIENT_METADATA;
  const client = await bc.register(service, { clientName: m.client_name, clientUri: m.client_uri, logoUri: m.logo_uri, tosUri: m.tos_uri, policyUri: m.policy_uri, softwareId: m.software_id, softwareVersion: m.software_version, redirectUris: [REDIRECT_URI], scope: [BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.profileReadonly, 'offline_access'] });
  const req = await bc.authorizationRequest(service, client, REDIRECT_URI);
  const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
  tokens = await bc.completeAuthorization(service, client, req, location!);
});

describe('a Badge Connect profile whose status envelope fails under HTTP 200', () => {
  it('is the server\'s refusal in its words, with or without `error`, not a PROTOCOL error', async () => {
    for (const status of [{ statusCode: 500, statusText: 'SERVER_ERROR', error: 'The profile store is down' }, { statusCode: 400, statusText: 'REQUEST_VALIDATION_ERROR', error: null }]) {
      ctx.bp.control.failNext({ status: 200, path: PROFILE, body: { status } });
      const e = await failure(bc.profile(service, tokens.accessToken));
      expect(e.code).toBe(C.REJECTED);
      expect(e.detail).toBe(status.statusText);
      if (status.error) expect(e.message).toContain(status.error);
    }
  });

  it('NOT_FOUND is no profile to give, as the 404 the same server answers is', async () => {
    ctx.bp.control.failNext({ status: 200, path: PROFILE, body: { status: { statusCode: 404, statusText: 'NOT_FOUND', error: 'No profile is available for this access token.' } } });
    expect(await optionalProfile(bc.profile(service, tokens.accessToken))).toBeUndefined();
    ctx.bp.control.stateForTests.profileNotFound = true;
    try {
      expect(await optionalProfile(bc.profile(service, tokens.accessToken))).toBeUndefined();
    } finally {
      ctx.bp.control.stateForTests.profileNotFound = false;
    }
  });

  it('an envelope saying 404 or 403 by its statusCode alone (statusText is optional in StatusDType) is no profile, as NOT_FOUND and PERMISSION_DENIED are', async () => {
    for (const status of [{ statusCode: 404, error: 'No profile is available for this access token.' }, { statusCode: 403 }]) {
      ctx.bp.control.failNext({ status: 200, path: PROFILE, body: { status } });
      expect(await optionalProfile(bc.profile(service, tokens.accessToken))).toBeUndefined();
    }
    // Another failure said by its code alone is still the server's refusal, not an account without a profile.
    ctx.bp.control.failNext({ status: 200, path: PROFILE, body: { status: { statusCode: 500 } } });
    expect((await failure(optionalProfile(bc.profile(service, tokens.accessToken)))).code).toBe(C.REJECTED);
  });

  it('a profile with an OK envelope, and one without any `profile`, are read as before', async () => {
    expect(await bc.profile(service, tokens.accessToken)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
    ctx.bp.control.failNext({ status: 200, path: PROFILE, body: { status: { statusCode: 200, statusText: 'OK', error: null } } });
    expect((await failure(bc.profile(service, tokens.accessToken))).code).toBe(C.PROTOCOL);
  });
});
