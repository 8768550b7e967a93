/**
 * Open Badges 2.1 Badge Connect (OB 2.1 §"Discovery", §"Badge Connect API"): the manifest at
 * `/.well-known/badgeconnect.json`, the same OAuth flow as the OB 3.0 API, and under the apiBase
 * `GET /assertions` (paged; OB 2.0 JSON in `assertions`, JWS in `signedAssertions`) and `GET
 * /profile`, every answer in the `{status: {error, statusCode, statusText}}` envelope.
 */
import { json, type Reply } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, BadgeRecord } from '../state.ts';
import { authenticate } from './auth.ts';
import { isOb2 } from './badgr-backpack.ts';
import { BC_SCOPES } from './oauth-register.ts';
import { paginate } from './paging.ts';

type StatusText = 'OK' | 'REQUEST_VALIDATION_ERROR' | 'UNAUTHENTICATED' | 'PERMISSION_DENIED' | 'NOT_FOUND';

const status = (statusCode: number, statusText: StatusText, error: string | null) => ({ error, statusCode, statusText });

export const bcError = (code: number, text: StatusText, error: string): Reply =>
  json(code, { status: status(code, text, error) }, text === 'UNAUTHENTICATED' ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {});

export function badgeConnectRoutes(router: Router, state: BackpackState): void {
  const { urls } = state;

  router.on('GET', '/.well-known/badgeconnect.json', () =>
    json(200, {
      '@context': 'https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld',
      id: `${urls.base}/.well-known/badgeconnect.json`,
      badgeConnectAPI: [
        {
          name: 'Lanyard test backpack',
          image: `${urls.base}/logo.png`,
          apiBase: urls.badgeConnectApi(),
          version: 'v2p1',
          termsOfServiceUrl: urls.terms(),
          privacyPolicyUrl: urls.privacy(),
          scopesOffered: [...BC_SCOPES, 'offline_access'],
          registrationUrl: urls.oauthRegister(),
          authorizationUrl: urls.oauthAuthorize(),
          tokenUrl: urls.oauthToken(),
          tokenRevocationUrl: urls.oauthRevoke(),
        },
      ],
    }),
  );

  const auth = (req: Parameters<typeof authenticate>[1], scope: string): { userId: string } | { reply: Reply } => {
    const r = authenticate(state, req, [scope]);
    if ('token' in r) return { userId: r.token.userId };
    return r.error === 'unauthenticated'
      ? { reply: bcError(401, 'UNAUTHENTICATED', 'The access token is missing, expired or revoked.') }
      : // OB 2.1 lists no 403 (openapi3/imsob_v2p1.json); Badgr answers a DRF PermissionDenied on bcv1 with
        // 401 PERMISSION_DENIED (badgr-server apps/entity/views.py exception_handler).
        { reply: bcError(401, 'PERMISSION_DENIED', `The access token lacks the scope ${scope}.`) };
  };

  router.on('GET', '/ims/ob/v2p1/assertions', (req) => {
    const a = auth(req, BC_SCOPES[0]!);
    if ('reply' in a) return a.reply;
    const mine = state.badgesOf(a.userId).filter((b) => isOb2(b) && b.acceptance !== 'Rejected' && !state.isPending(b));
    const page = paginate(req, urls.base, mine, 'updatedAt', state.pagingIgnored, state.emptyPageOffsets, state.totalCountsPage);
    if ('error' in page) return bcError(400, 'REQUEST_VALIDATION_ERROR', page.error);
    const inJson = (b: BadgeRecord): boolean => b.compact === undefined || (state.lastJwsInJsonList && b === page.items.at(-1));
    const signed = page.items.filter((b): b is BadgeRecord & { compact: string } => !inJson(b));
    const body = {
      status: status(200, 'OK', null),
      assertions: page.items.filter(inJson).map((b) => b.compact ?? (b.revoked ? { ...b.json, revoked: true, revocationReason: b.revocationReason } : b.json)),
      signedAssertions: signed.map((b) => b.compact),
    };
    return json(200, body, page.headers);
  });

  router.on('GET', '/ims/ob/v2p1/profile', (req) => {
    const a = auth(req, BC_SCOPES[2]!);
    if ('reply' in a) return a.reply;
    if (state.profileNotFound) return bcError(404, 'NOT_FOUND', 'No profile is available for this access token.');
    const user = state.accounts.get(a.userId)!;
    const primary = state.emailsOf(a.userId).find((e) => e.primary);
    return json(200, {
      status: status(200, 'OK', null),
      profile: { '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', name: `${user.firstName} ${user.lastName}`, ...(primary ? { email: primary.email } : {}) },
    });
  });
}
