/**
 * Badgr's user endpoints: `GET /v2/users/self` (apps/badgeuser/serializers_v2.py
 * BadgeUserSerializerV2), token management `GET /v2/auth/tokens[/{id}]` and `DELETE
 * /v2/auth/tokens/{id}` (apps/badgeuser/api.py AccessTokenList/Detail: 204), and the v1 address
 * API (apps/badgeuser/api_v1.py, serializers_v1.py EmailSerializerV1) with its bare JSON and rules:
 * only a verified address becomes primary (otherwise silently ignored), re-sending is limited to
 * once in five minutes (429), the primary or only address cannot be removed (400 `{error}`), adding
 * is `throttleable` (throttleable.ts: a refused add lengthens a backoff keyed by the client's IP, as
 * a failed login without a username does), an address with capitals gets its lower-case spelling as
 * a variant (models.py CachedEmailAddress.save), and another user's address is 404 to GET
 * (BadgeUserEmailDetail.get) but 403 to PUT and DELETE.
 */
import { empty, json, jsonBody, type Reply, type Req } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, EmailRecord, Json, TokenRecord } from '../state.ts';
import { authenticate } from './auth.ts';
import { envelope, v2Auth, v2Error } from './badgr-v2.ts';
import { throttleable, type ThrottleOptions } from './throttleable.ts';

const RESEND_LIMIT_MS = 5 * 60_000;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const emailV1 = (e: EmailRecord): Json => ({ id: e.id, email: e.email, verified: e.verified, primary: e.primary, variants: e.variants });

/** DRF's default v1 errors. */
const notAuthenticated = (): Reply => json(401, { detail: 'Authentication credentials were not provided.' }, { 'www-authenticate': 'Bearer realm="api"' });

function tokenEntity(state: BackpackState, t: TokenRecord): Json {
  const client = state.clients.get(t.clientId);
  return {
    entityType: 'AccessToken',
    entityId: t.entityId,
    application: { name: String(client?.metadata.client_name ?? t.clientId), image: null, website_url: client?.metadata.client_uri ?? null, clientId: t.clientId },
    scope: t.scope.join(' '),
    expires: new Date(t.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    created: new Date(t.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

export function badgrUserRoutes(router: Router, state: BackpackState, throttle: ThrottleOptions): void {
  router.on('GET', '/v2/users/self', (req) => {
    const auth = v2Auth(state, req, ['r:profile', 'rw:profile']);
    if ('reply' in auth) return auth.reply;
    const a = state.accounts.get(auth.token.userId)!;
    const emails = state.emailsOf(a.entityId);
    const primary = emails.find((e) => e.primary);
    return envelope([
      {
        entityType: 'BadgeUser',
        entityId: a.entityId,
        firstName: a.firstName,
        lastName: a.lastName,
        emails: emails.map((e) => ({ email: e.email, verified: e.verified, primary: e.primary, caseVariants: e.variants })),
        url: [],
        telephone: [],
        agreedTermsVersion: 1,
        hasAgreedToLatestTermsVersion: true,
        latestTermsVersion: 1,
        marketingOptIn: false,
        badgrDomain: new URL(state.urls.base).host,
        hasPasswordSet: true,
        recipient: primary ? { type: 'email', identity: primary.email } : null,
      },
    ]);
  });

  const liveTokensOf = (userId: string): TokenRecord[] => [...state.tokens.values()].filter((t) => t.userId === userId && !t.revoked && t.expiresAt > state.now());

  router.on('GET', '/v2/auth/tokens', (req) => {
    const auth = v2Auth(state, req, ['rw:profile']);
    if ('reply' in auth) return auth.reply;
    return envelope(liveTokensOf(auth.token.userId).map((t) => tokenEntity(state, t)));
  });

  router.on('GET', '/v2/auth/tokens/:id', (req) => {
    const auth = v2Auth(state, req, ['rw:profile']);
    if ('reply' in auth) return auth.reply;
    const t = liveTokensOf(auth.token.userId).find((x) => x.entityId === req.params.id);
    return t ? envelope([tokenEntity(state, t)]) : v2Error(404, 'entity not found or insufficient privileges');
  });

  router.on('DELETE', '/v2/auth/tokens/:id', (req) => {
    const auth = v2Auth(state, req, ['rw:profile']);
    if ('reply' in auth) return auth.reply;
    const t = liveTokensOf(auth.token.userId).find((x) => x.entityId === req.params.id);
    if (!t) return v2Error(404, 'entity not found or insufficient privileges');
    t.revoked = true;
    return empty(204);
  });

  // v1: IsAuthenticated only, no scope check.
  const v1User = (req: Req): string | undefined => {
    const r = authenticate(state, req, []);
    return 'token' in r ? r.token.userId : undefined;
  };

  router.on('GET', '/v1/user/emails', (req) => {
    const userId = v1User(req);
    return userId ? json(200, state.emailsOf(userId).map(emailV1)) : notAuthenticated();
  });

  // DRF authenticates before the handler runs: an unauthenticated add is never counted by the backoff.
  router.on('POST', '/v1/user/emails', (req) => {
    const userId = v1User(req);
    return userId ? throttleable(state, throttle, req.ip, () => addEmail(req, userId)) : notAuthenticated();
  });

  const addEmail = (req: Req, userId: string): Reply => {
    const body = (jsonBody(req) ?? {}) as Json;
    const address = typeof body.email === 'string' ? body.email.trim() : '';
    if (!address) return json(400, { email: ['This field is required.'] });
    if (!EMAIL.test(address)) return json(400, { email: ['Enter a valid email address.'] });
    const existing = state.emailRecord(address);
    if (existing?.verified) {
      if (existing.userId !== userId) return json(400, ['Could not register email address.']);
      if (existing.email !== address && !existing.variants.includes(address)) {
        existing.variants.push(address);
        return json(400, ['Matching address already exists. New case variant registered.']);
      }
      return json(400, ['Could not register email address.']);
    }
    // An unverified record (anyone's) is cleared and the current user may try.
    if (existing) state.emails.splice(state.emails.indexOf(existing), 1);
    // CachedEmailAddress.save: an address with capitals gets its lower-case spelling as a variant.
    const rec: EmailRecord = { id: state.nextEmailId(), userId, email: address, verified: false, primary: false, variants: address === address.toLowerCase() ? [] : [address.toLowerCase()] };
    state.emails.push(rec);
    return json(201, emailV1(rec));
  };

  /** PUT and DELETE answer 403 for another user's address; GET answers 404 as for none (`others`). */
  const ownEmail = (req: Req, others = 403): { rec: EmailRecord } | { reply: Reply } => {
    const userId = v1User(req);
    if (!userId) return { reply: notAuthenticated() };
    const rec = state.emails.find((e) => String(e.id) === req.params.id);
    if (!rec) return { reply: empty(404) };
    if (rec.userId !== userId) return { reply: empty(others) };
    return { rec };
  };

  router.on('GET', '/v1/user/emails/:id', (req) => {
    const r = ownEmail(req, 404);
    return 'reply' in r ? r.reply : json(200, emailV1(r.rec));
  });

  router.on('PUT', '/v1/user/emails/:id', (req) => {
    const r = ownEmail(req);
    if ('reply' in r) return r.reply;
    const { rec } = r;
    const body = (jsonBody(req) ?? {}) as Json;
    if (rec.verified) {
      if (body.primary === true || body.primary === 'true') {
        for (const e of state.emailsOf(rec.userId)) e.primary = e === rec;
      }
    } else if (body.resend === true || body.resend === 'true') {
      const now = state.now();
      if (rec.lastResendAt !== undefined && now - rec.lastResendAt <= RESEND_LIMIT_MS) {
        const left = Math.ceil((RESEND_LIMIT_MS - (now - rec.lastResendAt)) / 1000);
        return json(429, `Will be able to re-send verification email in ${Math.floor(left / 60) % 60} minutes and ${left % 60} seconds.`);
      }
      rec.lastResendAt = now;
    }
    return json(200, emailV1(rec));
  });

  // Badgr answers `Response(status.HTTP_200_OK)`: a 200 whose body is the number 200.
  router.on('DELETE', '/v1/user/emails/:id', (req) => {
    const r = ownEmail(req);
    if ('reply' in r) return r.reply;
    if (r.rec.primary) return json(400, { error: 'Can not remove primary email address' });
    if (state.emailsOf(r.rec.userId).length === 1) return json(400, { error: 'Can not remove only email address' });
    state.emails.splice(state.emails.indexOf(r.rec), 1);
    return json(200, 200);
  });
}
