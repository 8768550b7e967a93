/**
 * An OB 3.0 getProfile answered with an Imsx_StatusInfo whose code minor is `unknownobject` (the 1EdTech
 * Imsx_CodeMinorFieldValue for "the object is not known": ob_v3p0.lines getProfile, Response 404
 * Imsx_StatusInfo, "did not find a current representation for the target resource"). Under a 404 it was
 * already no profile (optionalProfile); under HTTP 200 (ob3.ts refusedUnder2xx: REJECTED, the code minor the
 * detail) it was an error, a failed sign-in, where Badge Connect's NOT_FOUND envelope under a 200 is no
 * profile (badge-connect-profile-status.test.ts). Any other code minor is still the server's refusal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { TokenSet } from '../../src/backpack/oauth.ts';
import { OB3_SCOPES, Ob3Client, type Ob3Service } from '../../src/backpack/ob3.ts';
import { optionalProfile } from '../../src/background/services/providers/oauth-provider.ts';
import { CLIENT_METADATA, REDIRECT_URI, submitAuthorizationForm, useBackpack } from '../backpack/helpers.ts';
import { ADA } from '../backpack/seed-data.ts';
import { failure } from './failure.ts';

const ctx = useBackpack();
const ob3 = new Ob3Client({ fetch });
let service: Ob3Service;
let tokens: TokenSet;
const PROFILE = '/ims/ob/v3p0/profile';

const imsx = (minor: string) => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: 'No profile is available for this access token.',
  imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: minor }] },
});

beforeAll(async () => {
  service = await ob3.discover(ctx.bp.baseUrl);
  const m = CLIENT_METADATA;
  const client = await ob3.register(service, { clientName: m.client_name, clientUri: m.client_uri, logoUri: m.logo_uri, tosUri: m.tos_uri, policyUri: m.policy_uri, softwareId: m.software_id, softwareVersion: m.software_version, redirectUris: [REDIRECT_URI], scope: [OB3_SCOPES.credentialReadonly, OB3_SCOPES.profileReadonly, 'offline_access'] });
  const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
  const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
  tokens = await ob3.completeAuthorization(service, client, req, location!);
});

describe('an OB 3.0 profile answered with Imsx_StatusInfo unknownobject', () => {
  it('under HTTP 200 is no profile to give, as under the 404 the same server answers', async () => {
    ctx.bp.control.failNext({ status: 200, path: PROFILE, body: imsx('unknownobject') });
    expect(await optionalProfile(ob3.profile(service, tokens.accessToken))).toBeUndefined();
    ctx.bp.control.failNext({ status: 404, path: PROFILE, body: imsx('unknownobject') });
    expect(await optionalProfile(ob3.profile(service, tokens.accessToken))).toBeUndefined();
  });

  it('another code minor under HTTP 200 is still the server\'s refusal, and a profile is read as before', async () => {
    ctx.bp.control.failNext({ status: 200, path: PROFILE, body: imsx('server_busy') });
    const e = await failure(optionalProfile(ob3.profile(service, tokens.accessToken)));
    expect(e.code).toBe(C.REJECTED);
    expect(e.detail).toBe('server_busy');
    expect(await optionalProfile(ob3.profile(service, tokens.accessToken))).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
  });
});
