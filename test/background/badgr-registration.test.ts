/**
 * Badge Connect sign-in to a Badgr, whose registration follows badgr-server's own rule (the test
 * backpack's `badgrRegistration`, test/backpack/api/badgr-register.ts): `logo_uri` required, https,
 * on the one netloc of every client URL and redirect URI; then Badgr GETs the logo. Lanyard's
 * request meets the rule; the logo lives on the browser's redirect host, which only the browser
 * knows, so when Badgr's fetch of it fails (HTTP 500) Lanyard says so and offers the password sign-in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_CONNECT_SCOPES } from '../../src/backpack/badge-connect.ts';
import { clientMetadata } from '../../src/background/services/oauth-client.ts';
import { failure, harness, REDIRECT_ORIGIN, useBackpack } from './harness.ts';

const ctx = useBackpack();
const BADGR_SCOPES = [BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.assertionCreate, BADGE_CONNECT_SCOPES.profileReadonly];

/** Badgr's manifest (badgr-server apps/backpack/badge_connect_api.py badge_connect_api_info): three scopes, no tokenRevocationUrl. */
function serveBadgrManifest(): void {
  const b = ctx.bp.baseUrl;
  ctx.bp.control.failNext({
    status: 200,
    path: '/.well-known/badgeconnect.json',
    body: {
      '@context': 'https://w3id.org/openbadges/badgeconnect/v1',
      id: `${b}/.well-known/badgeconnect.json`,
      badgeConnectAPI: [{ name: 'Badgr', apiBase: `${b}/ims/ob/v2p1`, version: 'v1p0', termsOfServiceUrl: `${b}/terms`, privacyPolicyUrl: `${b}/privacy`, scopesOffered: BADGR_SCOPES, registrationUrl: `${b}/oauth/register`, authorizationUrl: `${b}/oauth/authorize`, tokenUrl: `${b}/oauth/token` }],
    },
  });
}

function asBadgr(fetchLogo: (url: string) => Promise<{ status: number; body: Buffer }>): void {
  const state = ctx.bp.control.stateForTests;
  state.registrableScopes = BADGR_SCOPES;
  state.badgrRegistration = { fetchLogo };
}

afterEach(() => {
  const state = ctx.bp.control.stateForTests;
  state.registrableScopes = undefined;
  state.badgrRegistration = undefined;
  ctx.bp.control.clearFaults();
});

const register = (body: Record<string, unknown>) => fetch(`${ctx.bp.baseUrl}/oauth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const lanyard = () => {
  const m = clientMetadata(`${REDIRECT_ORIGIN}/oauth2`, '0.1.0', [BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.profileReadonly]);
  return { client_name: m.clientName, client_uri: m.clientUri, logo_uri: m.logoUri, tos_uri: m.tosUri, policy_uri: m.policyUri, software_id: m.softwareId, software_version: m.softwareVersion, redirect_uris: m.redirectUris, scope: m.scope.join(' '), token_endpoint_auth_method: 'client_secret_basic', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] };
};

describe('badgr-server’s registration rule (the test backpack enforces it)', () => {
  it('wants logo_uri, https, one netloc (host and port as written) for every client URL and redirect URI', async () => {
    asBadgr(async () => ({ status: 404, body: Buffer.alloc(0) }));
    const { logo_uri: _, ...noLogo } = lanyard();
    const cases: [Record<string, unknown>, string][] = [
      [noLogo, 'logo_uri: This field is required.'],
      [{ ...lanyard(), logo_uri: `http://${new URL(REDIRECT_ORIGIN).host}/icon-128.png` }, 'logo_uri: Must be a valid HTTPS URI'],
      [{ ...lanyard(), logo_uri: 'data:image/png;base64,iVBORw0KGgo=' }, 'logo_uri: Enter a valid URL.'],
      [{ ...lanyard(), logo_uri: `${REDIRECT_ORIGIN}:443/icon-128.png` }, 'non_field_errors: client_uri, logo_uri, tos_uri, policy_uri, redirect_uris do not match domain.'],
      [{ ...lanyard(), logo_uri: 'https://lanyard.example/icon-128.png' }, 'non_field_errors: client_uri, logo_uri, tos_uri, policy_uri, redirect_uris do not match domain.'],
    ];
    for (const [body, error] of cases) {
      const res = await register(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error });
    }
  });

  it('fetches the logo: a fetch that fails is a 500, a 200 that is not PNG or SVG a 400, any other answer registers without a logo', async () => {
    asBadgr(async () => {
      throw new Error('getaddrinfo ENOTFOUND');
    });
    expect((await register(lanyard())).status).toBe(500);
    asBadgr(async () => ({ status: 200, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]) })); // a JPEG
    expect((await register(lanyard())).status).toBe(400);
    asBadgr(async () => ({ status: 200, body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') }));
    expect((await register(lanyard())).status).toBe(201);
    asBadgr(async () => ({ status: 404, body: Buffer.alloc(0) }));
    expect((await register(lanyard())).status).toBe(201);
  });
});

describe('Lanyard signing in to Badgr through Badge Connect', () => {
  it('its registration request meets the rule: the logo on the redirect host, fetched there by Badgr', async () => {
    const asked: string[] = [];
    asBadgr(async (url) => {
      asked.push(url);
      return { status: 404, body: Buffer.alloc(0) };
    });
    serveBadgrManifest();
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(view).toMatchObject({ kind: 'badge-connect', providerName: 'Badgr', user: 'ada@example.org' });
    expect(asked).toEqual([`${REDIRECT_ORIGIN}/icon-128.png`]);
  });

  it('signs out of a Badgr that offers no revocation (no tokenRevocationUrl, no RFC 8414 metadata): forgets everything here and says the session lives on there', async () => {
    asBadgr(async () => ({ status: 404, body: Buffer.alloc(0) }));
    serveBadgrManifest();
    ctx.bp.control.failNext({ status: 404, path: '/.well-known/oauth-authorization-server' });
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(view.id);
    expect(await h.db.badges.countByAccount(view.id)).toBeGreaterThan(0);
    const access = h.platform.session.map.get(view.id)!.accessToken;
    const refresh = await h.db.secrets.get(`refresh:${view.id}`);
    const before = ctx.bp.control.requests.length;
    expect(await h.app.accounts.signOut(view.id)).toEqual({ signedOut: true, revoked: 'not-offered', kept: 0 });
    // Nothing was sent anywhere to guess a revocation endpoint.
    expect(ctx.bp.control.requests.slice(before)).toEqual([]);
    // Honest: Badgr still accepts the tokens; Lanyard no longer has them.
    expect(ctx.bp.control.isTokenLive(access)).toBe(true);
    expect(h.platform.session.map.has(view.id)).toBe(false);
    expect(refresh?.kind).toBe('refresh');
    expect(await h.db.secrets.get(`refresh:${view.id}`)).toBeUndefined();
    expect(await h.db.accounts.get(view.id)).toBeUndefined();
    expect(await h.db.badges.countByAccount(view.id)).toBe(0);
  });

  it('a Badge Connect manifest without tokenRevocationUrl: the RFC 8414 revocation_endpoint ends the session, as for OB 3.0', async () => {
    asBadgr(async () => ({ status: 404, body: Buffer.alloc(0) }));
    serveBadgrManifest();
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const access = h.platform.session.map.get(view.id)!.accessToken;
    expect(await h.app.accounts.signOut(view.id)).toEqual({ signedOut: true, revoked: 'revoked', kept: 0 });
    expect(ctx.bp.control.isTokenLive(access)).toBe(false);
  });

  it('when Badgr cannot fetch that logo (HTTP 500), says so and offers the password sign-in, instead of a bare server error', async () => {
    asBadgr(async () => {
      throw new Error('getaddrinfo ENOTFOUND');
    });
    serveBadgrManifest();
    const h = await harness();
    const e = await failure(h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl }));
    expect(e.code).toBe('REGISTRATION_REFUSED');
    expect(e.message).toMatch(/logo/);
    expect(e.message).toMatch(/Sign in with your e-mail address and password instead/);
    expect(await h.db.accounts.all()).toEqual([]);
  });
});
