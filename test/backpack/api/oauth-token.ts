/**
 * The token and revocation endpoints of the OB 3.0 / Badge Connect flow: `client_secret_basic`
 * only (OB 3.0 §6.2.3; RFC 6749 §2.3.1, 401 `invalid_client` otherwise, §5.2), the
 * authorization-code grant with the PKCE S256 check (RFC 7636 §4.6: a wrong verifier is
 * `invalid_grant`), refresh with rotation (RFC 6749 §6, OAuth 2.0 Security BCP §4.14), and RFC 7009
 * revocation (200 even for an unknown token). A reused code is refused and its tokens revoked (§4.1.2).
 * Both grants require `scope` in the form, as OB 3.0 (security.html "Access Token Request" and
 * "Token Refresh Request": scope Required) and OB 2.1 (§"Access Token Request": scope Yes) say;
 * a request without it is `invalid_request` (RFC 6749 §5.2: a required parameter is missing).
 */
import { createHash } from 'node:crypto';
import { empty, formBody, header, json, type Reply, type Req } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, ClientRecord } from '../state.ts';
import { OAUTH_TOKEN_SECONDS, issueToken, reissue, replayedPair, revokeByValue, rotate, tokenResponse } from './auth.ts';

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
const oauthError = (error: string, description?: string, status = 400, headers: Record<string, string> = {}): Reply =>
  json(status, { error, ...(description ? { error_description: description } : {}) }, { ...noStore, ...headers });

/**
 * RFC 6749 §2.3.1: the Basic credentials are form-urlencoded before base64; a client registered for
 * `client_secret_post` sends them in the form instead, and only there ("MUST NOT use more than one
 * authentication method in each request", §2.3); a public one (`none`) its `client_id` only.
 */
function basicClient(req: Req, state: BackpackState, form: URLSearchParams): ClientRecord | undefined {
  const h = header(req, 'authorization');
  const posted = state.clients.get(form.get('client_id') ?? '');
  if (posted?.authMethod === 'client_secret_post') return !h && posted.clientSecret !== undefined && form.get('client_secret') === posted.clientSecret ? posted : undefined;
  // A public client (RFC 7591 `none`) names itself by `client_id` alone (RFC 6749 §3.2.1, §4.1.3; RFC 7009 §2.1): no secret, no Basic header.
  if (posted?.authMethod === 'none') return !h && !form.has('client_secret') ? posted : undefined;
  if (!h?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(h.slice(6), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  const id = decodeURIComponent(decoded.slice(0, i).replace(/\+/g, ' '));
  const secret = decodeURIComponent(decoded.slice(i + 1).replace(/\+/g, ' '));
  const c = state.clients.get(id);
  return c?.clientSecret !== undefined && c.clientSecret === secret && c.authMethod !== 'client_secret_post' ? c : undefined;
}

const invalidClient = (): Reply => oauthError('invalid_client', 'Client authentication failed', 401, { 'www-authenticate': 'Basic realm="lanyard-test-backpack"' });

export const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export function oauthTokenRoutes(router: Router, state: BackpackState): void {
  router.on('POST', '/oauth/token', (req) => {
    const form = formBody(req);
    if (!form) return oauthError('invalid_request', 'The token request must be application/x-www-form-urlencoded');
    const client = basicClient(req, state, form);
    if (!client) return invalidClient();
    const grantType = form.get('grant_type');
    const withRefresh = client.grantTypes.includes('refresh_token') && !state.issuesNoRefreshToken;

    if (grantType === 'authorization_code') {
      const code = state.codes.get(form.get('code') ?? '');
      if (!code || code.clientId !== client.clientId || code.expiresAt <= state.now()) return oauthError('invalid_grant', 'The code is unknown or expired');
      if (code.used) {
        for (const t of state.tokens.values()) if (t.fromCode === code.code) t.revoked = true;
        return oauthError('invalid_grant', 'The code was already used');
      }
      if (form.get('redirect_uri') !== code.redirectUri) return oauthError('invalid_grant', 'redirect_uri does not match the authorization request');
      const asked = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
      if (!asked.length) return oauthError('invalid_request', 'scope is required');
      if (asked.some((s) => !code.scope.includes(s))) return oauthError('invalid_scope', 'The token request asks for a scope the user did not grant');
      const verifier = form.get('code_verifier');
      if (!verifier) return oauthError('invalid_request', 'code_verifier is required');
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== code.codeChallenge) return oauthError('invalid_grant', 'PKCE verification failed');
      code.used = true;
      const t = issueToken(state, code.userId, client.clientId, code.scope, state.oauthTokenSeconds ?? OAUTH_TOKEN_SECONDS, withRefresh);
      t.fromCode = code.code;
      return json(200, tokenResponse(t, state.oauthTokenSeconds ?? OAUTH_TOKEN_SECONDS), noStore);
    }

    if (grantType === 'refresh_token') {
      const old = state.tokenByRefresh(form.get('refresh_token') ?? '');
      const again = old?.clientId === client.clientId ? replayedPair(state, old) : undefined;
      if (again) return json(200, tokenResponse(again, state.oauthTokenSeconds ?? OAUTH_TOKEN_SECONDS), noStore);
      if (!old || old.revoked || old.clientId !== client.clientId) return oauthError('invalid_grant', 'The refresh token is unknown, used or revoked');
      const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
      if (!requested.length) return oauthError('invalid_request', 'scope is required');
      if (requested.some((s) => !old.scope.includes(s))) return oauthError('invalid_scope', 'A refresh cannot widen the scope');
      const t = state.keepRefreshToken ? reissue(state, old, state.oauthTokenSeconds ?? OAUTH_TOKEN_SECONDS, requested) : rotate(state, old, state.oauthTokenSeconds ?? OAUTH_TOKEN_SECONDS, requested);
      return json(200, tokenResponse(t, state.oauthTokenSeconds ?? OAUTH_TOKEN_SECONDS), noStore);
    }

    return oauthError('unsupported_grant_type');
  });

  router.on('POST', '/oauth/revoke', (req) => {
    const form = formBody(req);
    if (!form) return oauthError('invalid_request', 'The revocation request must be application/x-www-form-urlencoded');
    const client = basicClient(req, state, form);
    if (!client) return invalidClient();
    const hint = form.get('token_type_hint');
    if (hint && hint !== 'access_token' && hint !== 'refresh_token') return oauthError('unsupported_token_type');
    const token = form.get('token');
    if (!token) return oauthError('invalid_request', 'token is required');
    if (state.refreshTokenRevocationOnly && state.tokens.has(token)) return oauthError('unsupported_token_type', 'Only refresh tokens can be revoked here');
    revokeByValue(state, token, client.clientId);
    return empty(200);
  });
}
