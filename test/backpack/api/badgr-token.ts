/**
 * Badgr's token endpoint (badgr-server apps/mainsite/oauth2_api.py TokenView, over
 * django-oauth-toolkit/oauthlib): `POST /o/token`, form body only, `grant_type=password` (the
 * default) with `client_id=public`, and `refresh_token` with rotation; login backoff from
 * apps/mainsite/utils.py `throttleable` (429 with `expires`, throttleable.ts). Also DOT's RFC 7009 `POST /o/revoke_token`.
 */
import { empty, formBody, header, json, redirect, type Reply, type Req } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState } from '../state.ts';
import { BADGR_TOKEN_SECONDS, issueToken, replayedPair, revokeByValue, rotate, tokenResponse } from './auth.ts';
import { throttleable, type ThrottleOptions } from './throttleable.ts';

/** Scopes of the `public` application (badgr-server README "Authentication Configuration"). */
export const BADGR_SCOPES = ['r:profile', 'rw:profile', 'r:backpack', 'rw:backpack', 'rw:issuer'];
const DEFAULT_SCOPES = ['r:profile'];
const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
const oauthError = (error: string, description?: string, status = 400): Reply =>
  json(status, { error, ...(description ? { error_description: description } : {}) }, noStore);

export function badgrTokenRoutes(router: Router, state: BackpackState, throttle: ThrottleOptions): void {
  router.on('POST', '/o/token', (req) => {
    const form = formBody(req) ?? new URLSearchParams();
    return throttleable(state, throttle, form.get('username') || req.ip, () => grant(req, form, state));
  });

  // django-oauth-toolkit RevokeTokenView (RFC 7009): 200 whether or not the token was known. Badgr
  // mounts DOT's own urls (apps/mainsite/urls.py `path('o/', include('oauth2_provider.urls'))`), whose
  // pattern is `^revoke_token/$` (DOT 1.3 oauth2_provider/urls.py): only the trailing-slash path
  // exists, and Django's CommonMiddleware (APPEND_SLASH) answers the other with a 301 to it.
  // (Badgr's own /o/token, /o/register, /o/authorize take both: `^o/token/?$`.)
  router.on('POST', '/o/revoke_token', (req) => {
    if (!req.url.pathname.endsWith('/')) return redirect(`${state.urls.base}/o/revoke_token/`, 301);
    const form = formBody(req) ?? new URLSearchParams();
    const client = clientOf(req, form, state);
    if ('error' in client) return oauthError('invalid_client', undefined, 401);
    const hint = form.get('token_type_hint');
    if (hint && hint !== 'access_token' && hint !== 'refresh_token') return oauthError('unsupported_token_type');
    const token = form.get('token');
    if (!token) return oauthError('invalid_request', 'Missing token parameter.');
    revokeByValue(state, token, client.clientId);
    return empty(200);
  });
}

type ClientOf = { clientId: string } | { error: Reply };

/** Basic `client_id:client_secret`, else `client_id` in the body, else Badgr's default `public`. */
function clientOf(req: Req, form: URLSearchParams, state: BackpackState): ClientOf {
  let clientId = form.get('client_id');
  let secret: string | null = null;
  const auth = header(req, 'authorization');
  if (auth?.startsWith('Basic ')) {
    const [id, s] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    clientId = id ?? null;
    secret = s ?? null;
  }
  clientId ||= 'public';
  const client = state.clients.get(clientId);
  if (!client) return { error: json(400, { error: 'invalid client_id' }) };
  if (secret && client.clientSecret !== secret) return { error: json(400, { error: 'invalid client_secret' }) };
  return { clientId };
}

function grant(req: Req, form: URLSearchParams, state: BackpackState): Reply {
  if ([...req.url.searchParams.keys()].length) {
    return json(400, { error: 'Token grant parameters must be sent in post body, not query parameters' });
  }
  const client = clientOf(req, form, state);
  if ('error' in client) return client.error;
  const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (requested.some((s) => !BADGR_SCOPES.includes(s))) return oauthError('invalid_scope');
  const grantType = form.get('grant_type') || 'password';
  if (grantType === 'password') {
    const username = form.get('username');
    const password = form.get('password');
    if (!username) return oauthError('invalid_request', 'Request is missing username parameter.');
    if (!password) return oauthError('invalid_request', 'Request is missing password parameter.');
    const account = state.accountByUsername(username);
    if (!account || account.password !== password) return oauthError('invalid_grant', 'Invalid credentials given.');
    const t = issueToken(state, account.entityId, client.clientId, requested.length ? requested : DEFAULT_SCOPES, BADGR_TOKEN_SECONDS);
    return json(200, tokenResponse(t, BADGR_TOKEN_SECONDS), noStore);
  }
  if (grantType === 'refresh_token') {
    const value = form.get('refresh_token');
    if (!value) return oauthError('invalid_request', 'Missing refresh token parameter.');
    const old = state.tokenByRefresh(value);
    const again = old?.clientId === client.clientId ? replayedPair(state, old) : undefined;
    if (again) return json(200, tokenResponse(again, BADGR_TOKEN_SECONDS), noStore);
    if (!old || old.revoked || old.clientId !== client.clientId) return oauthError('invalid_grant');
    if (requested.some((s) => !old.scope.includes(s))) return oauthError('invalid_scope');
    const t = rotate(state, old, BADGR_TOKEN_SECONDS, requested.length ? requested : old.scope);
    return json(200, tokenResponse(t, BADGR_TOKEN_SECONDS), noStore);
  }
  return oauthError('unsupported_grant_type');
}
