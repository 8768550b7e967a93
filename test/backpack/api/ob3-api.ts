/**
 * The Open Badges 3.0 API (OB 3.0 §6): the unprotected service description at
 * `/ims/ob/v3p0/discovery` (a profiled OpenAPI 3.0 document: `info.termsOfService`,
 * `info.x-imssf-privacyPolicyUrl`, `components.securitySchemes.OAuth2ACG` with
 * `x-imssf-registrationUrl` and the authorizationCode flow), `GET /credentials` (paged; VC-JWTs in
 * `compactJwsString`, others in `credential`), `GET /profile`; errors as Imsx_StatusInfo. Also the
 * RFC 8414 authorization server metadata, which names the revocation endpoint.
 */
import { json, type Reply } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, BadgeRecord } from '../state.ts';
import { authenticate } from './auth.ts';
import { paginate } from './paging.ts';
import { OAUTH_SCOPES, OB3_SCOPES } from './oauth-register.ts';

const SCOPE_TEXT: Record<string, string> = {
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly': 'Permission to read AchievementCredentials for the authenticated entity.',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert': 'Permission to create or update AchievementCredentials for the authenticated entity.',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly': 'Permission to read the profile for the authenticated entity.',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update': 'Permission to update the profile for the authenticated entity.',
};

/** Imsx_StatusInfo (OB 3.0 §B.2.3), with an RFC 6750 challenge on 401. */
export function imsxError(status: number, minor: string, description: string): Reply {
  const body = {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: minor }] },
  };
  const challenge: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : status === 403 ? { 'www-authenticate': 'Bearer error="insufficient_scope"' } : {};
  return json(status, body, challenge);
}

export function ob3ApiRoutes(router: Router, state: BackpackState): void {
  const { urls } = state;

  router.on('GET', '/ims/ob/v3p0/discovery', () =>
    json(200, {
      openapi: '3.0.1',
      info: {
        title: 'Lanyard test backpack',
        description: 'A test implementation of the Open Badges 3.0 API.',
        version: '3.0',
        termsOfService: urls.terms(),
        'x-imssf-image': `${urls.base}/logo.png`,
        'x-imssf-privacyPolicyUrl': urls.privacy(),
      },
      servers: [{ url: urls.ob3Api(), description: 'The Lanyard test backpack' }],
      tags: [{ name: 'OpenBadgeCredentials' }, { name: 'Profile' }, { name: 'Discovery' }],
      paths: {
        '/credentials': { get: { operationId: 'getCredentials', tags: ['OpenBadgeCredentials'], security: [{ OAuth2ACG: [OB3_SCOPES[0]] }] } },
        '/profile': { get: { operationId: 'getProfile', tags: ['Profile'], security: [{ OAuth2ACG: [OB3_SCOPES[2]] }] } },
        '/discovery': { get: { operationId: 'getServiceDescription', tags: ['Discovery'] } },
      },
      components: {
        securitySchemes: {
          OAuth2ACG: {
            type: 'oauth2',
            description: 'OAuth 2.0 Authorization Code Grant with PKCE and dynamic client registration',
            'x-imssf-registrationUrl': urls.oauthRegister(),
            flows: { authorizationCode: { authorizationUrl: urls.oauthAuthorize(), tokenUrl: urls.oauthToken(), refreshUrl: urls.oauthToken(), scopes: SCOPE_TEXT } },
          },
        },
        schemas: {},
      },
    }),
  );

  router.on('GET', '/.well-known/oauth-authorization-server', () =>
    json(200, {
      issuer: urls.base,
      authorization_endpoint: urls.oauthAuthorize(),
      token_endpoint: urls.oauthToken(),
      registration_endpoint: urls.oauthRegister(),
      revocation_endpoint: urls.oauthRevoke(),
      scopes_supported: OAUTH_SCOPES,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    }),
  );

  const auth = (req: Parameters<typeof authenticate>[1], scope: string): { userId: string } | { reply: Reply } => {
    const r = authenticate(state, req, [scope]);
    if ('token' in r) return { userId: r.token.userId };
    return r.error === 'unauthenticated'
      ? { reply: imsxError(401, 'unauthorisedrequest', 'The access token is missing, expired or revoked.') }
      : { reply: imsxError(403, 'forbidden', `The access token lacks the scope ${scope}.`) };
  };

  router.on('GET', '/ims/ob/v3p0/credentials', (req) => {
    const a = auth(req, OB3_SCOPES[0]!);
    if ('reply' in a) return a.reply;
    const mine = state.badgesOf(a.userId).filter((b) => (b.kind === 'ob3-jwt' || b.kind === 'ob3-di') && !state.isPending(b));
    // OB 3.0 `since`: "Only include OpenBadgeCredentials issued after this timestamp" (ob_v3p0.lines getCredentials).
    const page = paginate(req, urls.base, mine, 'issuedOn', state.pagingIgnored, state.emptyPageOffsets, state.totalCountsPage);
    if ('error' in page) return imsxError(400, 'invaliddata', page.error);
    const inJson = (b: BadgeRecord): boolean => b.compact === undefined || (state.lastJwsInJsonList && b === page.items.at(-1));
    const jws = page.items.filter((b): b is BadgeRecord & { compact: string } => !inJson(b));
    const body = { credential: page.items.filter(inJson).map((b) => b.compact ?? b.json), compactJwsString: jws.map((b) => b.compact) };
    return json(200, body, { ...page.headers, 'content-type': 'application/ld+json' });
  });

  router.on('GET', '/ims/ob/v3p0/profile', (req) => {
    const a = auth(req, OB3_SCOPES[2]!);
    if ('reply' in a) return a.reply;
    // OB 3.0 getProfile: "404 ... did not find a current representation for the target resource or is not willing to disclose that one exists".
    if (state.profileNotFound) return imsxError(404, 'unknownobject', 'No profile is available for this access token.');
    const user = state.accounts.get(a.userId)!;
    const primary = state.emailsOf(a.userId).find((e) => e.primary);
    return json(200, {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `${urls.base}/users/${user.entityId}`,
      type: ['Profile'],
      name: `${user.firstName} ${user.lastName}`,
      givenName: user.firstName,
      familyName: user.lastName,
      ...(primary ? { email: primary.email } : {}),
    });
  });
}
