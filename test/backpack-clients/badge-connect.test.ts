/** BadgeConnectClient against the in-process test backpack: manifest, the same OAuth flow, paged assertions, every error. */
import { beforeAll, describe, expect, it } from 'vitest';
import { BADGE_CONNECT_SCOPES, BadgeConnectClient, type BadgeConnectAssertion, type BadgeConnectService } from '../../src/backpack/badge-connect.ts';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import type { TokenSet } from '../../src/backpack/oauth.ts';
import type { RegisteredClient } from '../../src/backpack/registration.ts';
import { REDIRECT_HOST, REDIRECT_URI, submitAuthorizationForm, useBackpack } from '../backpack/helpers.ts';
import { ADA } from '../backpack/seed-data.ts';

const ctx = useBackpack({ badges: 12 });
const bc = new BadgeConnectClient({ fetch });
let service: BadgeConnectService;
let client: RegisteredClient;
let tokens: TokenSet;

const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

const idOf = (a: BadgeConnectAssertion): string => (a.kind === 'json' ? String(a.assertion.id) : JSON.parse(Buffer.from(a.jws.split('.')[1]!, 'base64url').toString()).id);

beforeAll(async () => {
  service = await bc.discover(ctx.bp.baseUrl);
  client = await bc.register(service, {
    clientName: 'Lanyard',
    clientUri: `https://${REDIRECT_HOST}/`,
    logoUri: `https://${REDIRECT_HOST}/icon.png`,
    tosUri: `https://${REDIRECT_HOST}/terms.html`,
    policyUri: `https://${REDIRECT_HOST}/privacy.html`,
    softwareId: 'lanyard',
    softwareVersion: '0.1.0',
    redirectUris: [REDIRECT_URI],
    scope: [BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.profileReadonly, 'offline_access'],
  });
  const req = await bc.authorizationRequest(service, client, REDIRECT_URI);
  const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
  tokens = await bc.completeAuthorization(service, client, req, location!);
});

describe('manifest and sign-in', () => {
  it('reads the manifest at /.well-known/badgeconnect.json', () => {
    const b = ctx.bp.baseUrl;
    expect(service).toMatchObject({ apiBase: `${b}/ims/ob/v2p1`, version: 'v2p1', registrationUrl: `${b}/oauth/register`, authorizationUrl: `${b}/oauth/authorize`, tokenUrl: `${b}/oauth/token`, tokenRevocationUrl: `${b}/oauth/revoke` });
    expect(service.scopesOffered).toContain(BADGE_CONNECT_SCOPES.assertionReadonly);
  });

  it('manifest errors: PROTOCOL without badgeConnectAPI, REJECTED on 404, UNREACHABLE, INSECURE_URL', async () => {
    ctx.bp.control.failNext({ status: 200, path: '/.well-known/badgeconnect.json', body: { badgeConnectAPI: [] } });
    expect((await failure(bc.discover(ctx.bp.baseUrl))).code).toBe(C.PROTOCOL);
    ctx.bp.control.failNext({ status: 404, path: '/.well-known/badgeconnect.json' });
    expect((await failure(bc.discover(ctx.bp.baseUrl))).code).toBe(C.REJECTED);
    expect((await failure(bc.discover('http://127.0.0.1:1'))).code).toBe(C.UNREACHABLE);
    expect((await failure(bc.discover('http://badges.example'))).code).toBe(C.INSECURE_URL);
  });

  it('reads a manifest written through JSON-LD compaction: its one badgeConnectAPI entry, and a one-scope scopesOffered, as their values', async () => {
    // JSON-LD 1.1 Processing Algorithms §6.1 (`compactArrays`): a one-item array is written as the item.
    const b = ctx.bp.baseUrl;
    const api = { name: 'Compacted', apiBase: `${b}/ims/ob/v2p1`, version: 'v2p1', scopesOffered: BADGE_CONNECT_SCOPES.assertionReadonly, registrationUrl: `${b}/oauth/register`, authorizationUrl: `${b}/oauth/authorize`, tokenUrl: `${b}/oauth/token` };
    ctx.bp.control.failNext({ status: 200, path: '/.well-known/badgeconnect.json', body: { '@context': 'https://purl.imsglobal.org/spec/ob/v2p1/context.json', id: `${b}/.well-known/badgeconnect.json`, badgeConnectAPI: api } });
    expect(await bc.discover(b)).toMatchObject({ name: 'Compacted', apiBase: `${b}/ims/ob/v2p1`, tokenUrl: `${b}/oauth/token`, scopesOffered: [BADGE_CONNECT_SCOPES.assertionReadonly] });
  });

  it('follows the 302 Badgr answers at /.well-known/badgeconnect.json (to /bcv1/manifest/{domain}) and keeps the manifest\'s own URL', async () => {
    // badgr-server apps/mainsite/urls.py: BadgeConnectManifestRedirectView (a RedirectView: 302).
    const b = ctx.bp.baseUrl;
    ctx.bp.control.failNext({ status: 302, path: '/.well-known/badgeconnect.json', redirectTo: `${b}/.well-known/badgeconnect.json?domain=badgr.io` });
    const s = await bc.discover(b);
    expect(s.discoveryUrl).toBe(`${b}/.well-known/badgeconnect.json?domain=badgr.io`);
    expect(s.tokenUrl).toBe(service.tokenUrl);
  });

  it('signs in through the same OAuth flow', () => {
    expect(tokens.scope).toContain(BADGE_CONNECT_SCOPES.assertionReadonly);
    expect(tokens.refreshToken).toEqual(expect.any(String));
  });

  it('refuses a registration that breaks the host rule', async () => {
    const e = await failure(bc.register(service, { clientName: 'x', clientUri: 'https://a.example/', logoUri: 'https://b.example/l.png', tosUri: 'https://a.example/t', policyUri: 'https://a.example/p', softwareId: 'x', softwareVersion: '1', redirectUris: [REDIRECT_URI], scope: [BADGE_CONNECT_SCOPES.assertionReadonly] }));
    expect(e.code).toBe(C.REGISTRATION_REFUSED);
  });

  it('refuses a registration whose answer names another redirect URI (RFC 7591 §3.2.1 "replace"): the sign-in could never come back', async () => {
    ctx.bp.control.stateForTests.replacedRedirectUris = ['https://elsewhere.example/cb'];
    try {
      const e = await failure(bc.register(service, { clientName: 'x', clientUri: `https://${REDIRECT_HOST}/`, logoUri: `https://${REDIRECT_HOST}/l.png`, tosUri: `https://${REDIRECT_HOST}/t`, policyUri: `https://${REDIRECT_HOST}/p`, softwareId: 'x', softwareVersion: '1', redirectUris: [REDIRECT_URI], scope: [BADGE_CONNECT_SCOPES.assertionReadonly] }));
      expect(e.code).toBe(C.REGISTRATION_REFUSED);
      expect(e.message).toMatch(/another address to come back to/);
      expect(e.detail).toBe('redirect_uri');
    } finally {
      ctx.bp.control.stateForTests.replacedRedirectUris = undefined;
    }
  });

  it('signs in to a Badgr-like provider that offers and registers no offline_access (badgr-server oauth2_api.py validate_scope)', async () => {
    // Badgr's manifest (apps/backpack/badge_connect_api.py badge_connect_api_info): three scopes, version v1p0.
    const b = ctx.bp.baseUrl;
    const badgrScopes = [BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.assertionCreate, BADGE_CONNECT_SCOPES.profileReadonly];
    const manifest = {
      '@context': 'https://w3id.org/openbadges/badgeconnect/v1',
      id: `${b}/.well-known/badgeconnect.json`,
      badgeConnectAPI: [{ name: 'Badgr', apiBase: `${b}/ims/ob/v2p1`, version: 'v1p0', termsOfServiceUrl: `${b}/terms`, privacyPolicyUrl: `${b}/privacy`, scopesOffered: badgrScopes, registrationUrl: `${b}/oauth/register`, authorizationUrl: `${b}/oauth/authorize`, tokenUrl: `${b}/oauth/token` }],
    };
    ctx.bp.control.failNext({ status: 200, path: '/.well-known/badgeconnect.json', body: manifest });
    const state = ctx.bp.control.stateForTests;
    state.registrableScopes = badgrScopes;
    try {
      const badgr = await bc.discover(b);
      const c = await bc.register(badgr, { clientName: 'Lanyard', clientUri: `https://${REDIRECT_HOST}/`, logoUri: `https://${REDIRECT_HOST}/icon.png`, tosUri: `https://${REDIRECT_HOST}/terms.html`, policyUri: `https://${REDIRECT_HOST}/privacy.html`, softwareId: 'lanyard', softwareVersion: '0.1.0', redirectUris: [REDIRECT_URI], scope: [BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.profileReadonly, 'offline_access'] });
      expect(String(c.registration.scope).split(' ')).toEqual([BADGE_CONNECT_SCOPES.assertionReadonly, BADGE_CONNECT_SCOPES.profileReadonly]);
      const req = await bc.authorizationRequest(badgr, c, REDIRECT_URI);
      expect(new URL(req.url).searchParams.get('scope')).toBe(`${BADGE_CONNECT_SCOPES.assertionReadonly} ${BADGE_CONNECT_SCOPES.profileReadonly}`);
      const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
      const t = await bc.completeAuthorization(badgr, c, req, location!);
      // Refresh tokens follow the registered grant types, not offline_access (Badgr issue_refresh_token).
      expect(t.refreshToken).toEqual(expect.any(String));
      expect((await bc.assertionsPage(badgr, t.accessToken, { limit: 2 })).items).toHaveLength(2);
    } finally {
      state.registrableScopes = undefined;
    }
  });

  it('refreshes and revokes', async () => {
    const next = await bc.refresh(service, client, tokens.refreshToken!);
    expect((await failure(bc.refresh(service, client, tokens.refreshToken!))).code).toBe(C.UNAUTHORIZED);
    tokens = next;
    const req = await bc.authorizationRequest(service, client, REDIRECT_URI);
    const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
    const spare = await bc.completeAuthorization(service, client, req, location!);
    expect(await bc.revoke(service, client, spare)).toBe(true);
    expect(ctx.bp.control.isTokenLive(spare.accessToken)).toBe(false);
    expect((await failure(bc.assertionsPage(service, spare.accessToken))).code).toBe(C.UNAUTHORIZED);
  });
});

describe('assertions', () => {
  it('follows Link rel="next" through every page: hosted JSON and signed JWS', async () => {
    const all: BadgeConnectAssertion[] = [];
    for await (const page of bc.assertions(service, tokens.accessToken, { limit: 4 })) all.push(...page.items);
    expect(all).toHaveLength(6 + 12);
    expect(all.filter((a) => a.kind === 'jws')).toHaveLength(2);
    expect(new Set(all.map(idOf)).size).toBe(18);
  });

  it('filters with since', async () => {
    const page = await bc.assertionsPage(service, tokens.accessToken, { since: '2026-04-01T00:00:00Z' });
    expect(page.items.map(idOf).sort()).toEqual([`${ctx.bp.baseUrl}/public/assertions/ada-notes-signed`, `${ctx.bp.baseUrl}/public/assertions/ada-poetical`]);
  });

  it('reads Badgr\'s `results` spelling and reports an error in the status envelope', async () => {
    const badgrStyle: Fetch = async () => new Response(JSON.stringify({ status: { error: null, statusCode: 200, statusText: 'OK' }, results: [{ id: 'https://b.example/a/1' }] }), { headers: { 'content-type': 'application/json' } });
    expect((await new BadgeConnectClient({ fetch: badgrStyle }).assertionsPage(service, 't')).items).toEqual([{ kind: 'json', assertion: { id: 'https://b.example/a/1' }, list: 1 }]);
    const failing: Fetch = async () => new Response(JSON.stringify({ status: { error: 'Bad limit', statusCode: 200, statusText: 'REQUEST_VALIDATION_ERROR' } }), { headers: { 'content-type': 'application/json' } });
    expect((await failure(new BadgeConnectClient({ fetch: failing }).assertionsPage(service, 't'))).code).toBe(C.REJECTED);
  });

  it('errors: UNAUTHORIZED, THROTTLED, SERVER_ERROR, UNREACHABLE', async () => {
    expect((await failure(bc.assertionsPage(service, 'not-a-token'))).code).toBe(C.UNAUTHORIZED);
    ctx.bp.control.failNext({ status: 429, path: '/ims/ob/v2p1/', retryAfter: 3 });
    expect(await failure(bc.assertionsPage(service, tokens.accessToken))).toMatchObject({ code: C.THROTTLED, retryAfterSeconds: 3 });
    ctx.bp.control.failNext({ status: 502, path: '/ims/ob/v2p1/' });
    expect((await failure(bc.assertionsPage(service, tokens.accessToken))).code).toBe(C.SERVER_ERROR);
    ctx.bp.control.failNext({ drop: true, path: '/ims/ob/v2p1/' });
    expect((await failure(bc.assertionsPage(service, tokens.accessToken))).code).toBe(C.UNREACHABLE);
  });

  it('a token without the scope: 401 PERMISSION_DENIED is REJECTED, not a session to refresh (badgr-server entity/views.py)', async () => {
    const c = await bc.register(service, { clientName: 'Lanyard', clientUri: `https://${REDIRECT_HOST}/`, logoUri: `https://${REDIRECT_HOST}/icon.png`, tosUri: `https://${REDIRECT_HOST}/terms.html`, policyUri: `https://${REDIRECT_HOST}/privacy.html`, softwareId: 'lanyard', softwareVersion: '0.1.0', redirectUris: [REDIRECT_URI], scope: [BADGE_CONNECT_SCOPES.profileReadonly] });
    const req = await bc.authorizationRequest(service, c, REDIRECT_URI, [BADGE_CONNECT_SCOPES.profileReadonly]);
    const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
    const t = await bc.completeAuthorization(service, c, req, location!);
    const e = await failure(bc.assertionsPage(service, t.accessToken));
    expect(e).toMatchObject({ code: C.REJECTED, status: 401, detail: 'PERMISSION_DENIED' });
    expect(e.message).toContain('lacks the scope');
    // An expired or unknown token stays UNAUTHORIZED (UNAUTHENTICATED): that one is refreshed.
    expect((await failure(bc.assertionsPage(service, 'not-a-token'))).code).toBe(C.UNAUTHORIZED);
  });

  it('reads the profile', async () => {
    expect(await bc.profile(service, tokens.accessToken)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
  });
});
