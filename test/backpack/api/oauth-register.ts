/**
 * Dynamic client registration for the OB 3.0 API and Badge Connect (RFC 7591; OB 3.0 §6.1 and
 * OB 2.1 §"Registration"): no initial access token; `client_name`, `client_uri`, `logo_uri`,
 * `tos_uri`, `policy_uri`, `software_id`, `software_version`, `redirect_uris` and `scope` are
 * required; "All URLs MUST use HTTPS ... and all URLs MUST have the same hostname"; only
 * `client_secret_basic`; grant types within authorization_code + refresh_token; response type `code`.
 * Success is 201 with `client_id`, `client_secret`, `client_id_issued_at`, `client_secret_expires_at`.
 */
import { randomBytes } from 'node:crypto';
import { contentType, json, type Reply } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, Json } from '../state.ts';
import { badgrFetchLogo, badgrValidate } from './badgr-register.ts';

export const OB3_SCOPES = [
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update',
];
export const BC_SCOPES = [
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
];
export const OAUTH_SCOPES = [...OB3_SCOPES, ...BC_SCOPES, 'offline_access'];

const REQUIRED = ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version', 'scope'] as const;
const URL_FIELDS = ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'] as const;

/** RFC 7591 §3.2.2 error response. */
const refuse = (error: 'invalid_client_metadata' | 'invalid_redirect_uri', description: string): Reply =>
  json(400, { error, error_description: description }, { 'cache-control': 'no-store' });

const httpsHost = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && !u.hash ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
};

export function oauthRegisterRoutes(router: Router, state: BackpackState): void {
  router.on('POST', '/oauth/register', async (req) => {
    if (contentType(req) !== 'application/json') return refuse('invalid_client_metadata', 'The registration request must be JSON');
    let body: unknown;
    try {
      body = JSON.parse(req.body.toString('utf8'));
    } catch {
      return refuse('invalid_client_metadata', 'The registration request is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('invalid_client_metadata', 'The registration request must be a JSON object');
    const m = body as Json;
    // Badgr's own rule first, with its words (badgr-register.ts); the logo is fetched once all else passed.
    const badgr = state.badgrRegistration;
    const badgrRefusal = badgr ? badgrValidate(m) : null;
    if (badgrRefusal) return badgrRefusal;
    const missing = REQUIRED.filter((k) => typeof m[k] !== 'string' || !(m[k] as string).trim());
    if (missing.length) return refuse('invalid_client_metadata', `Missing: ${missing.join(', ')}`);
    const hosts = new Set<string>();
    for (const k of URL_FIELDS) {
      const h = httpsHost(m[k]);
      if (!h) return refuse('invalid_client_metadata', `${k} must be an https URL`);
      hosts.add(h);
    }
    if (hosts.size > 1) return refuse('invalid_client_metadata', 'client_uri, logo_uri, tos_uri and policy_uri must have the same hostname');
    const [host] = hosts;
    const redirects = m.redirect_uris;
    if (!Array.isArray(redirects) || redirects.length === 0) return refuse('invalid_redirect_uri', 'redirect_uris is required');
    for (const r of redirects) {
      const h = httpsHost(r);
      if (!h) return refuse('invalid_redirect_uri', `${String(r)} is not an https URL without a fragment`);
      if (h !== host) return refuse('invalid_redirect_uri', `${String(r)} is not on ${host}, the hostname of the other client URLs`);
    }
    const auth = m.token_endpoint_auth_method ?? 'client_secret_basic';
    if (auth !== 'client_secret_basic') return refuse('invalid_client_metadata', 'token_endpoint_auth_method must be client_secret_basic');
    const grantTypes = (m.grant_types ?? ['authorization_code']) as unknown[];
    if (!Array.isArray(grantTypes) || !grantTypes.includes('authorization_code') || grantTypes.some((g) => g !== 'authorization_code' && g !== 'refresh_token')) {
      return refuse('invalid_client_metadata', 'grant_types must be authorization_code, optionally with refresh_token');
    }
    const responseTypes = (m.response_types ?? ['code']) as unknown[];
    if (!Array.isArray(responseTypes) || responseTypes.length !== 1 || responseTypes[0] !== 'code') {
      return refuse('invalid_client_metadata', 'response_types must be ["code"]');
    }
    // A scope the server does not register is refused, with Badgr's words (badgr-server
    // apps/mainsite/oauth2_api.py RegistrationSerializer.validate_scope raises a ValidationError:
    // 400 through entity/views.py exception_handler + Rfc7591ErrorSerializer, `{error, error_description}`).
    const registrable = state.registrableScopes ?? OAUTH_SCOPES;
    const scope = String(m.scope).split(/\s+/).filter(Boolean);
    const unknown = scope.find((s) => !registrable.includes(s));
    if (unknown !== undefined) return refuse('invalid_client_metadata', `scope: Scope ${unknown} not valid for automatic application registration. Badge Connect Scopes only`);
    if (badgr) {
      const logoRefusal = await badgrFetchLogo(String(m.logo_uri), badgr);
      if (logoRefusal) return logoRefusal;
    }
    const clientId = `client-${randomBytes(8).toString('hex')}`;
    const clientSecret = randomBytes(24).toString('base64url');
    const issuedAt = Math.floor(state.now() / 1000);
    // RFC 7591 §3.2.1: a server may replace what was asked; the answer says what it registered.
    const redirectUris = state.replacedRedirectUris ?? (redirects as string[]);
    const authMethod = state.registersPublic ? ('none' as const) : state.registersSecretPost ? ('client_secret_post' as const) : ('client_secret_basic' as const);
    // RFC 7591 §3.2.1: `client_secret` and its `client_secret_expires_at` only for a confidential client.
    const secret = authMethod === 'none' ? {} : { client_secret: clientSecret, client_secret_expires_at: 0 };
    const registered = {
      ...m,
      redirect_uris: redirectUris,
      token_endpoint_auth_method: authMethod,
      grant_types: grantTypes,
      response_types: ['code'],
      scope: scope.join(' '),
      client_id: clientId,
      ...secret,
      client_id_issued_at: issuedAt,
    };
    state.clients.set(clientId, { clientId, ...(authMethod === 'none' ? {} : { clientSecret }), metadata: registered, redirectUris, scope, grantTypes: grantTypes as string[], issuedAt, ...(authMethod === 'client_secret_basic' ? {} : { authMethod }) });
    return json(201, registered, { 'cache-control': 'no-store' });
  });
}
