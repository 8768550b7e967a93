/**
 * The authorization endpoint (RFC 6749 §4.1.1–4.1.2; OB 3.0 §6.2.2; PKCE RFC 7636 §4.3, required
 * with S256 by OB 3.0): GET shows a sign-in form, POST checks the password and redirects to the
 * registered redirect_uri with `code`, `scope` and `state`. A bad client_id or redirect_uri is shown
 * on the page and never redirected to (§4.1.2.1); every other error redirects with `error` and
 * `state`; "Deny" answers `access_denied`. Codes are single-use and live 600 seconds. Every
 * redirect carries `iss`, the server's issuer identifier (RFC 9207 §2), as its metadata promises.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml, formBody, redirect, text, type Reply } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, ClientRecord } from '../state.ts';

const CODE_SECONDS = 600;
const PARAMS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method'] as const;
type Params = Partial<Record<(typeof PARAMS)[number], string>>;

const page = (status: number, body: string): Reply =>
  text(status, `<!doctype html><html><head><meta charset="utf-8"><title>Lanyard test backpack</title></head><body>${body}</body></html>`, 'text/html; charset=utf-8', {
    'cache-control': 'no-store',
  });

function back(issuer: string, redirectUri: string, values: Record<string, string | undefined>): Reply {
  const u = new URL(redirectUri);
  u.searchParams.set('iss', issuer);
  for (const [k, v] of Object.entries(values)) if (v !== undefined) u.searchParams.set(k, v);
  return redirect(u.toString());
}

type Checked = { client: ClientRecord; scope: string[]; p: Params } | { reply: Reply };

function check(state: BackpackState, p: Params): Checked {
  const client = p.client_id ? state.clients.get(p.client_id) : undefined;
  // Badgr's password-grant `public` app has no secret and is no OAuth client here; a registered public client (`none`) is.
  if (!client || (!client.clientSecret && client.authMethod !== 'none')) return { reply: page(400, '<h1>Unknown client</h1><p>The application asking for access is not registered here.</p>') };
  if (!p.redirect_uri || !client.redirectUris.includes(p.redirect_uri)) {
    return { reply: page(400, '<h1>Invalid redirect URI</h1><p>The redirect_uri is not one the application registered.</p>') };
  }
  const fail = (error: string, description: string): { reply: Reply } => ({ reply: back(state.urls.base, p.redirect_uri!, { error, error_description: description, state: p.state }) });
  if (p.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!p.state) return fail('invalid_request', 'state is required');
  if (!p.code_challenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
  if (p.code_challenge_method !== 'S256') return fail('invalid_request', 'transform algorithm not supported');
  if (!/^[A-Za-z0-9_-]{43}$/.test(p.code_challenge)) return fail('invalid_request', 'code_challenge is not a base64url SHA-256 hash');
  const requested = (p.scope ?? '').split(/\s+/).filter(Boolean);
  if (!requested.length || requested.some((s) => !client.scope.includes(s))) return fail('invalid_scope', 'The scope is missing or not registered for this client');
  return { client, scope: requested, p };
}

function form(p: Params, client: ClientRecord, message = ''): Reply {
  const hidden = PARAMS.map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k] ?? '')}">`).join('');
  return page(
    200,
    `<h1>Sign in to the Lanyard test backpack</h1><p><strong>${escapeHtml(String(client.metadata.client_name ?? client.clientId))}</strong> asks to read your badges.</p>` +
      (message ? `<p role="alert" id="error">${escapeHtml(message)}</p>` : '') +
      `<form method="post" action="/oauth/authorize">${hidden}` +
      `<label>E-mail <input name="username" id="username" type="email" autocomplete="username" required></label>` +
      `<label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>` +
      `<button type="submit" name="decision" value="allow" id="allow">Sign in and allow</button>` +
      `<button type="submit" name="decision" value="deny" id="deny" formnovalidate>Deny</button></form>`,
  );
}

export function oauthAuthorizeRoutes(router: Router, state: BackpackState): void {
  router.on('GET', '/oauth/authorize', (req) => {
    const p: Params = Object.fromEntries(PARAMS.map((k) => [k, req.url.searchParams.get(k) ?? undefined]));
    const c = check(state, p);
    return 'reply' in c ? c.reply : form(p, c.client);
  });

  router.on('POST', '/oauth/authorize', (req) => {
    const body = formBody(req) ?? new URLSearchParams();
    const p: Params = Object.fromEntries(PARAMS.map((k) => [k, body.get(k) || undefined]));
    const c = check(state, p);
    if ('reply' in c) return c.reply;
    if (body.get('decision') === 'deny') return back(state.urls.base, p.redirect_uri!, { error: 'access_denied', error_description: 'The user denied access', state: p.state });
    const account = state.accountByUsername(body.get('username') ?? '');
    if (!account || account.password !== body.get('password')) return form(p, c.client, 'The e-mail address or password is not right.');
    const code = randomBytes(24).toString('base64url');
    const granted = c.scope.filter((s) => !state.withheldScopes.includes(s));
    state.codes.set(code, {
      code,
      clientId: c.client.clientId,
      userId: account.entityId,
      redirectUri: p.redirect_uri!,
      scope: granted,
      codeChallenge: p.code_challenge!,
      expiresAt: state.now() + CODE_SECONDS * 1000,
      used: false,
    });
    return back(state.urls.base, p.redirect_uri!, { code, scope: granted.join(' '), state: p.state });
  });
}
