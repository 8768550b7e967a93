/** Ob3Client against the in-process test backpack: discovery, registration, the PKCE flow, refresh, revocation, paged credentials, every error. */
import { beforeAll, describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import type { TokenSet } from '../../src/backpack/oauth.ts';
import type { ClientMetadata, RegisteredClient } from '../../src/backpack/registration.ts';
import { OB3_SCOPES, Ob3Client, type Ob3Credential, type Ob3Service } from '../../src/backpack/ob3.ts';
import { codeChallengeS256 } from '../../src/backpack/pkce.ts';
import { REDIRECT_HOST, REDIRECT_URI, submitAuthorizationForm, useBackpack } from '../backpack/helpers.ts';
import { ADA } from '../backpack/seed-data.ts';

const ctx = useBackpack({ badges: 20 });
const META: ClientMetadata = {
  clientName: 'Lanyard',
  clientUri: `https://${REDIRECT_HOST}/`,
  logoUri: `https://${REDIRECT_HOST}/icon.png`,
  tosUri: `https://${REDIRECT_HOST}/terms.html`,
  policyUri: `https://${REDIRECT_HOST}/privacy.html`,
  softwareId: 'lanyard',
  softwareVersion: '0.1.0',
  redirectUris: [REDIRECT_URI],
  scope: [OB3_SCOPES.credentialReadonly, OB3_SCOPES.profileReadonly, 'offline_access'],
};
const ob3 = new Ob3Client({ fetch });
let service: Ob3Service;
let client: RegisteredClient;
let tokens: TokenSet;

const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

/** The whole sign-in: authorization request, the form (what launchWebAuthFlow shows), the redirect, the exchange. */
async function signIn(): Promise<TokenSet> {
  const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
  const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
  return ob3.completeAuthorization(service, client, req, location!);
}

const idOf = (c: Ob3Credential): string => (c.kind === 'json' ? String(c.credential.id) : JSON.parse(Buffer.from(c.jws.split('.')[1]!, 'base64url').toString()).jti);

beforeAll(async () => {
  service = await ob3.discover(ctx.bp.baseUrl);
  client = await ob3.register(service, META);
  tokens = await signIn();
});

describe('discovery and registration', () => {
  it('reads the service description, and the revocation endpoint from RFC 8414 metadata', async () => {
    const b = ctx.bp.baseUrl;
    expect(service).toMatchObject({
      apiBase: `${b}/ims/ob/v3p0`,
      termsOfService: `${b}/terms`,
      privacyPolicyUrl: `${b}/privacy`,
      registrationUrl: `${b}/oauth/register`,
      authorizationUrl: `${b}/oauth/authorize`,
      tokenUrl: `${b}/oauth/token`,
      refreshUrl: `${b}/oauth/token`,
      revocationUrl: `${b}/oauth/revoke`,
    });
    expect(service.scopes).toContain(OB3_SCOPES.credentialReadonly);
    expect((await ob3.discover(`${b}/ims/ob/v3p0`)).tokenUrl).toBe(service.tokenUrl);
  });

  it('reads the name and terms from the OAuth2ACG scheme, as api.html\'s sample service description has them', async () => {
    const b = ctx.bp.baseUrl;
    const scheme = {
      type: 'oauth2',
      'x-imssf-name': 'Example Provider',
      'x-imssf-privacyPolicyUrl': `${b}/privacy`,
      'x-imssf-registrationUrl': `${b}/oauth/register`,
      'x-imssf-termsOfServiceUrl': `${b}/terms`,
      flows: { authorizationCode: { tokenUrl: `${b}/oauth/token`, authorizationUrl: `${b}/oauth/authorize`, refreshUrl: `${b}/oauth/token`, scopes: { [OB3_SCOPES.credentialReadonly]: '...' } } },
    };
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: { openapi: '3.0.1', components: { securitySchemes: { OAuth2ACG: scheme } } } });
    expect(await ob3.discover(b)).toMatchObject({ title: 'Example Provider', termsOfService: `${b}/terms`, privacyPolicyUrl: `${b}/privacy`, apiBase: `${b}/ims/ob/v3p0` });
  });

  it('resolves relative URLs as OpenAPI 3.0 does: the server URL against the document, its {variables} by their defaults, the flow URLs against the server URL', async () => {
    const b = ctx.bp.baseUrl;
    const flows = { authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token', refreshUrl: '../../../oauth/token', scopes: { [OB3_SCOPES.credentialReadonly]: '...' } } };
    const scheme = { type: 'oauth2', 'x-imssf-registrationUrl': '/oauth/register', flows };
    const info = { title: 'Relative', version: '3.0', termsOfService: `${b}/terms`, 'x-imssf-privacyPolicyUrl': `${b}/privacy` };
    const expected = { apiBase: `${b}/ims/ob/v3p0`, registrationUrl: `${b}/oauth/register`, authorizationUrl: `${b}/oauth/authorize`, tokenUrl: `${b}/oauth/token`, refreshUrl: `${b}/oauth/token` };
    for (const servers of [[{ url: '/ims/ob/v3p0' }], [{ url: '/{prefix}/v3p0', variables: { prefix: { default: 'ims/ob', enum: ['ims/ob'] } } }]]) {
      ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: { openapi: '3.0.1', info, servers, components: { securitySchemes: { OAuth2ACG: scheme } } } });
      expect(await ob3.discover(b)).toMatchObject(expected);
    }
    // No servers: the API is where the description was read, {base}/ims/ob/v3p0 (security.html).
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: { openapi: '3.0.1', info, components: { securitySchemes: { OAuth2ACG: { ...scheme, 'x-imssf-registrationUrl': `${b}/oauth/register`, flows: { authorizationCode: { ...flows.authorizationCode, authorizationUrl: `${b}/oauth/authorize`, tokenUrl: `${b}/oauth/token`, refreshUrl: `${b}/oauth/token` } } } } } } });
    expect(await ob3.discover(b)).toMatchObject(expected);
  });

  it('reads URLs written without a scheme as api.html\'s sample does ("provider.example.com/token") as on the server\'s own host, never another', async () => {
    const b = ctx.bp.baseUrl;
    const host = new URL(b).host;
    const flows = { authorizationCode: { authorizationUrl: `${host}/oauth/authorize`, tokenUrl: `${host}/oauth/token`, refreshUrl: `${host}/oauth/token`, scopes: { [OB3_SCOPES.credentialReadonly]: '...' } } };
    const body = { openapi: '3.0.1', info: { title: 'Sample', version: '3.0' }, components: { securitySchemes: { OAuth2ACG: { type: 'oauth2', 'x-imssf-registrationUrl': `${host}/oauth/register`, flows } } } };
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body });
    expect(await ob3.discover(b)).toMatchObject({ registrationUrl: `${b}/oauth/register`, authorizationUrl: `${b}/oauth/authorize`, tokenUrl: `${b}/oauth/token`, refreshUrl: `${b}/oauth/token` });
    // Another host so written is a path beneath the server, as OpenAPI resolves it: never that host.
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: { ...body, components: { securitySchemes: { OAuth2ACG: { type: 'oauth2', 'x-imssf-registrationUrl': 'provider.example.com/registration', flows } } } } });
    expect((await ob3.discover(b)).registrationUrl).toBe(`${b}/ims/ob/provider.example.com/registration`);
  });

  it('discovery errors: UNREACHABLE, INSECURE_URL, PROTOCOL, SERVER_ERROR', async () => {
    expect((await failure(ob3.discover('http://127.0.0.1:1'))).code).toBe(C.UNREACHABLE);
    expect((await failure(ob3.discover('http://badges.example'))).code).toBe(C.INSECURE_URL);
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: { openapi: '3.0.1' } });
    expect((await failure(ob3.discover(ctx.bp.baseUrl))).code).toBe(C.PROTOCOL);
    ctx.bp.control.failNext({ status: 500, path: '/ims/ob/v3p0/discovery' });
    expect((await failure(ob3.discover(ctx.bp.baseUrl))).code).toBe(C.SERVER_ERROR);
  });

  it('registers with every URL on the redirect host; REGISTRATION_REFUSED when the host rule is broken', async () => {
    expect(client.clientId).toEqual(expect.any(String));
    expect(client.registration.client_secret_expires_at).toBe(0);
    const e = await failure(ob3.register(service, { ...META, logoUri: 'https://cdn.example/logo.png' }));
    expect(e).toMatchObject({ code: C.REGISTRATION_REFUSED, status: 400, detail: 'invalid_client_metadata' });
    const r = await failure(ob3.register(service, { ...META, redirectUris: ['http://127.0.0.1:5000/cb'] }));
    expect(r).toMatchObject({ code: C.REGISTRATION_REFUSED, detail: 'invalid_redirect_uri' });
  });
});

describe('the authorization-code flow', () => {
  it('builds the request with PKCE S256, state and the scopes', async () => {
    const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
    const q = new URL(req.url).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({ response_type: 'code', client_id: client.clientId, redirect_uri: REDIRECT_URI, state: req.state, code_challenge_method: 'S256' });
    expect(q.get('code_challenge')).toBe(await codeChallengeS256(req.codeVerifier));
    expect(q.get('scope')!.split(' ')).toContain(OB3_SCOPES.credentialReadonly);
  });

  it('exchanges the code for tokens', () => {
    expect(tokens).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect(tokens.expiresAt! - Date.now()).toBeGreaterThan(3500_000);
  });

  it('AUTHORIZATION_FAILED: a wrong state, an error redirect, another address, a reused code', async () => {
    const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
    const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
    const forged = location!.replace(`state=${encodeURIComponent(req.state)}`, 'state=forged');
    expect(await failure(ob3.completeAuthorization(service, client, req, forged))).toMatchObject({ code: C.AUTHORIZATION_FAILED, detail: 'state_mismatch' });
    await ob3.completeAuthorization(service, client, req, location!);
    expect(await failure(ob3.completeAuthorization(service, client, req, location!))).toMatchObject({ code: C.AUTHORIZATION_FAILED, detail: 'invalid_grant' });
    const denied = await submitAuthorizationForm(req.url, '', '', 'deny');
    expect(await failure(ob3.completeAuthorization(service, client, req, denied.location!))).toMatchObject({ code: C.AUTHORIZATION_FAILED, detail: 'access_denied' });
    expect((await failure(ob3.completeAuthorization(service, client, req, 'https://elsewhere.example/cb?code=x'))).code).toBe(C.AUTHORIZATION_FAILED);
  });

  it('reads a token answer as RFC 6749 §5.1 allows it: token_type in any case, expires_in as a string, no refresh token; refuses a token type it cannot use (§7.1)', async () => {
    const answer = async (body: Record<string, unknown>) => {
      const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
      const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
      ctx.bp.control.failNext({ status: 200, path: '/oauth/token', body });
      return ob3.completeAuthorization(service, client, req, location!);
    };
    const before = Date.now();
    const t = await answer({ access_token: 'at-1', token_type: 'bearer', expires_in: '3600' });
    expect(t).toMatchObject({ accessToken: 'at-1', tokenType: 'bearer' });
    expect(t.refreshToken).toBeUndefined();
    expect(t.expiresAt! - before).toBeGreaterThanOrEqual(3600_000);
    expect(await failure(answer({ access_token: 'at-2', token_type: 'DPoP', expires_in: 3600 }))).toMatchObject({ code: C.PROTOCOL });
    // token_type is REQUIRED (§5.1), but one left out is taken as the only type the APIs use.
    expect(await answer({ access_token: 'at-3', expires_in: 3600 })).toMatchObject({ accessToken: 'at-3', tokenType: 'Bearer' });
  });

  it('a PKCE mismatch is refused by the server (AUTHORIZATION_FAILED)', async () => {
    const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
    const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
    const e = await failure(ob3.completeAuthorization(service, client, { ...req, codeVerifier: `${req.codeVerifier}x` }, location!));
    expect(e).toMatchObject({ code: C.AUTHORIZATION_FAILED, detail: 'invalid_grant' });
  });

  it('UNAUTHORIZED (invalid_client) when the client secret is not the server\'s any more', async () => {
    const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
    const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
    const e = await failure(ob3.completeAuthorization(service, { ...client, clientSecret: 'stale' }, req, location!));
    expect(e).toMatchObject({ code: C.UNAUTHORIZED, detail: 'invalid_client', status: 401 });
  });
});

describe('refresh and revocation', () => {
  it('refreshes with rotation; the old refresh token is then UNAUTHORIZED', async () => {
    const t = await signIn();
    const next = await ob3.refresh(service, client, t.refreshToken!);
    expect(next.accessToken).not.toBe(t.accessToken);
    expect(await failure(ob3.refresh(service, client, t.refreshToken!))).toMatchObject({ code: C.UNAUTHORIZED, detail: 'invalid_grant' });
  });

  it('a server that revokes refresh tokens only (RFC 7009 §2.2.1 unsupported_token_type for the access token) has still ended the session', async () => {
    const t = await signIn();
    ctx.bp.control.stateForTests.refreshTokenRevocationOnly = true;
    try {
      expect(await ob3.revoke(service, client, t)).toBe(true);
      expect(ctx.bp.control.isTokenLive(t.refreshToken!)).toBe(false);
    } finally {
      ctx.bp.control.stateForTests.refreshTokenRevocationOnly = false;
    }
  });

  it('a token endpoint that is down says when to come back (Retry-After on a 503): the wait is kept', async () => {
    const t = await signIn();
    ctx.bp.control.failNext({ status: 503, path: '/oauth/token', retryAfter: 120 });
    expect(await failure(ob3.refresh(service, client, t.refreshToken!))).toMatchObject({ code: C.SERVER_ERROR, status: 503, retryAfterSeconds: 120 });
  });

  it('revokes both tokens on the server; the API then answers UNAUTHORIZED', async () => {
    const t = await signIn();
    expect(await ob3.revoke(service, client, t)).toBe(true);
    expect(ctx.bp.control.isTokenLive(t.accessToken)).toBe(false);
    expect(ctx.bp.control.isTokenLive(t.refreshToken!)).toBe(false);
    expect((await failure(ob3.credentialsPage(service, t.accessToken))).code).toBe(C.UNAUTHORIZED);
    const { revocationUrl: _, ...withoutRevocation } = service;
    expect(await ob3.revoke(withoutRevocation, client, t)).toBe(false);
  });
});

describe('credentials', () => {
  it('follows Link rel="next" through every page', async () => {
    const ids: string[] = [];
    let pages = 0;
    let total: number | undefined;
    for await (const page of ob3.credentials(service, tokens.accessToken, { limit: 7 })) {
      pages += 1;
      total = page.total;
      ids.push(...page.items.map(idOf));
    }
    expect(total).toBe(25);
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(25);
    expect(ids).toContain(`${ctx.bp.baseUrl}/ob3/credentials/ob3-ada-di`);
  });

  it('reads one page, JSON and JWS apart, and filters with since', async () => {
    const page = await ob3.credentialsPage(service, tokens.accessToken, { since: new Date('2026-06-01T00:00:00Z') });
    expect(page.items.map((c) => c.kind).sort()).toEqual(['json', 'jws', 'jws']);
    expect(page.next).toBeUndefined();
    expect(page.total).toBe(3);
  });

  it('says what an Imsx_StatusInfo error body says (imsx_description), with its code minor as the detail', async () => {
    const e = await failure(ob3.credentialsPage(service, 'not-a-token'));
    expect(e).toMatchObject({ code: C.UNAUTHORIZED, status: 401, detail: 'unauthorisedrequest' });
    expect(e.message).toContain('The access token is missing, expired or revoked.');
    expect(e.message).not.toContain('imsx_');
    const body = { imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_description: 'limit must be a positive integer', imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'invalid_query_parameter' }] } };
    ctx.bp.control.failNext({ status: 400, path: '/ims/ob/v3p0/credentials', body });
    expect(await failure(ob3.credentialsPage(service, tokens.accessToken))).toMatchObject({ code: C.REJECTED, status: 400, detail: 'invalid_query_parameter', message: expect.stringContaining(': limit must be a positive integer') });
  });

  it('errors: THROTTLED with Retry-After, SERVER_ERROR, UNREACHABLE, PROTOCOL for a next page on another origin', async () => {
    ctx.bp.control.failNext({ status: 429, path: '/ims/ob/v3p0/credentials', retryAfter: 9 });
    expect(await failure(ob3.credentialsPage(service, tokens.accessToken))).toMatchObject({ code: C.THROTTLED, retryAfterSeconds: 9 });
    ctx.bp.control.failNext({ status: 500, path: '/ims/ob/v3p0/credentials' });
    expect((await failure(ob3.credentialsPage(service, tokens.accessToken))).code).toBe(C.SERVER_ERROR);
    ctx.bp.control.failNext({ drop: true, path: '/ims/ob/v3p0/credentials' });
    expect((await failure(ob3.credentialsPage(service, tokens.accessToken))).code).toBe(C.UNREACHABLE);
    const evil: Fetch = async (u, init) => {
      const res = await fetch(u, init);
      return new Response(await res.text(), { status: res.status, headers: { 'content-type': 'application/json', link: '<https://evil.example/steal?offset=7>; rel="next"' } });
    };
    expect((await failure(new Ob3Client({ fetch: evil }).credentialsPage(service, tokens.accessToken, { limit: 7 }))).code).toBe(C.PROTOCOL);
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/credentials', body: ['not', 'an', 'object'] });
    expect((await failure(ob3.credentialsPage(service, tokens.accessToken))).code).toBe(C.PROTOCOL);
  });

  it('reads the profile', async () => {
    expect(await ob3.profile(service, tokens.accessToken)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
  });
});
