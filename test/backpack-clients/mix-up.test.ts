/**
 * The OAuth mix-up defences of the clients, against two real test backpacks on 127.0.0.1: an
 * "honest" one and a "hostile" one whose service description borrows the honest one's endpoints.
 * Every endpoint must be on the description's own origin (endpoints.ts), the authorization
 * response's `iss` must name that server (RFC 9207), credential-bearing requests never follow a
 * redirect, and plain http is only for the loopback address the user typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadgeConnectClient } from '../../src/backpack/badge-connect.ts';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { checkEndpoints, checkIssuer } from '../../src/backpack/endpoints.ts';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import { OB3_SCOPES, Ob3Client, type Ob3Service } from '../../src/backpack/ob3.ts';
import { REDIRECT_URI, submitAuthorizationForm, CLIENT_METADATA } from '../backpack/helpers.ts';
import { ADA } from '../backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../backpack/server.ts';

let honest: Backpack;
let hostile: Backpack;
beforeAll(async () => {
  [honest, hostile] = await Promise.all([startBackpack({ port: 0 }), startBackpack({ port: 0 })]);
});
afterAll(async () => {
  await Promise.all([honest?.close(), hostile?.close()]);
});

const META = {
  clientName: 'Lanyard',
  clientUri: CLIENT_METADATA.client_uri,
  logoUri: CLIENT_METADATA.logo_uri,
  tosUri: CLIENT_METADATA.tos_uri,
  policyUri: CLIENT_METADATA.policy_uri,
  softwareId: 'lanyard',
  softwareVersion: '0.1.0',
  redirectUris: [REDIRECT_URI],
  scope: [OB3_SCOPES.credentialReadonly, OB3_SCOPES.profileReadonly, 'offline_access'],
};

const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

/** The paths a backpack was asked for since `from` requests. */
const pathsSince = (bp: Backpack, from: number): string[] => bp.control.requests.slice(from).map((r) => `${r.method} ${r.path}`);

type Json = Record<string, any>;
const discoveryOf = async (bp: Backpack): Promise<Json> => (await fetch(`${bp.baseUrl}/ims/ob/v3p0/discovery`)).json() as Promise<Json>;
const manifestOf = async (bp: Backpack): Promise<Json> => (await fetch(`${bp.baseUrl}/.well-known/badgeconnect.json`)).json() as Promise<Json>;

/** The hostile backpack's description: the honest one's registration and authorization, its own token endpoint and API. */
async function mixedDiscovery(): Promise<Json> {
  const d = await discoveryOf(honest);
  const acg = d.components.securitySchemes.OAuth2ACG;
  acg.flows.authorizationCode.tokenUrl = `${hostile.baseUrl}/oauth/token`;
  acg.flows.authorizationCode.refreshUrl = `${hostile.baseUrl}/oauth/token`;
  d.servers = [{ url: `${hostile.baseUrl}/ims/ob/v3p0` }];
  return d;
}

describe('a description that borrows another backpack\'s endpoints is refused (OAuth mix-up)', () => {
  it('OB 3.0: refused at discovery, naming the endpoint; nothing reaches either token endpoint', async () => {
    hostile.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: await mixedDiscovery() });
    const [h0, s0] = [honest.control.requests.length, hostile.control.requests.length];
    const e = await failure(new Ob3Client({ fetch }).discover(hostile.baseUrl));
    expect(e).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'registrationUrl' });
    expect(e.message).toContain(honest.baseUrl);
    expect(e.message).toContain(hostile.baseUrl);
    expect(pathsSince(honest, h0)).toEqual([]);
    expect(pathsSince(hostile, s0)).toEqual(['GET /ims/ob/v3p0/discovery']);
  });

  it('OB 3.0: the token endpoint alone on another site is refused too (detail tokenUrl)', async () => {
    const d = await discoveryOf(hostile);
    d.components.securitySchemes.OAuth2ACG.flows.authorizationCode.tokenUrl = `${honest.baseUrl}/oauth/token`;
    hostile.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: d });
    expect(await failure(new Ob3Client({ fetch }).discover(hostile.baseUrl))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'tokenUrl' });
  });

  it('Badge Connect: a manifest naming another site\'s authorize and register endpoints is refused', async () => {
    const m = await manifestOf(honest);
    m.badgeConnectAPI[0].apiBase = `${hostile.baseUrl}/ims/ob/v2p1`;
    m.badgeConnectAPI[0].tokenUrl = `${hostile.baseUrl}/oauth/token`;
    hostile.control.failNext({ status: 200, path: '/.well-known/badgeconnect.json', body: m });
    const h0 = honest.control.requests.length;
    expect(await failure(new BadgeConnectClient({ fetch }).discover(hostile.baseUrl))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'registrationUrl' });
    expect(pathsSince(honest, h0)).toEqual([]);
  });

  it('RFC 8414 metadata naming another site\'s issuer or revocation endpoint is refused', async () => {
    hostile.control.failNext({ status: 200, path: '/.well-known/oauth-authorization-server', body: { issuer: honest.baseUrl } });
    expect(await failure(new Ob3Client({ fetch }).discover(hostile.baseUrl))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'issuer' });
    hostile.control.failNext({ status: 200, path: '/.well-known/oauth-authorization-server', body: { issuer: hostile.baseUrl, revocation_endpoint: `${honest.baseUrl}/oauth/revoke` } });
    expect(await failure(new Ob3Client({ fetch }).discover(hostile.baseUrl))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'revocation_endpoint' });
  });

  it('RFC 8414 §3.3: metadata whose issuer is not the one its address was made from (another issuer on the same site, or none) is not used', async () => {
    const b = honest.baseUrl;
    for (const body of [
      { issuer: `${b}/tenant-b`, authorization_response_iss_parameter_supported: true, revocation_endpoint: `${b}/oauth/revoke` },
      { authorization_response_iss_parameter_supported: true, revocation_endpoint: `${b}/oauth/revoke` },
    ]) {
      honest.control.failNext({ status: 200, path: '/.well-known/oauth-authorization-server', body });
      const s = await new Ob3Client({ fetch }).discover(b);
      expect(s.issuer).toEqual({ origin: b, required: false });
      expect(s.revocationUrl).toBeUndefined();
    }
    // The root's own issuer, written with its trailing slash, is the same issuer (§3.1: the terminating "/" is removed).
    honest.control.failNext({ status: 200, path: '/.well-known/oauth-authorization-server', body: { issuer: `${b}/`, authorization_response_iss_parameter_supported: true } });
    expect((await new Ob3Client({ fetch }).discover(b)).issuer).toEqual({ issuer: `${b}/`, origin: b, required: true });
  });

  it('an honest description on one site passes, with the issuer and its promise to send iss', async () => {
    const s = await new Ob3Client({ fetch }).discover(honest.baseUrl);
    expect(s.issuer).toEqual({ issuer: honest.baseUrl, origin: honest.baseUrl, required: true });
    expect(s.discoveryUrl).toBe(`${honest.baseUrl}/ims/ob/v3p0/discovery`);
  });
});

describe('the authorization response must come from the chosen server (RFC 9207 iss)', () => {
  let ob3: Ob3Client;
  let service: Ob3Service;
  beforeAll(async () => {
    ob3 = new Ob3Client({ fetch });
    service = await ob3.discover(honest.baseUrl);
  });

  async function authorize(): Promise<{ req: Awaited<ReturnType<Ob3Client['authorizationRequest']>>; location: string; client: Awaited<ReturnType<Ob3Client['register']>> }> {
    const client = await ob3.register(service, META);
    const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
    const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
    return { req, location: location!, client };
  }

  it('an answer whose iss names another server is refused before the code is sent anywhere', async () => {
    const { req, location, client } = await authorize();
    expect(new URL(location).searchParams.get('iss')).toBe(honest.baseUrl);
    const u = new URL(location);
    u.searchParams.set('iss', hostile.baseUrl);
    const h0 = honest.control.requests.length;
    expect(await failure(ob3.completeAuthorization(service, client, req, u.toString()))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'issuer_mismatch' });
    expect(pathsSince(honest, h0)).toEqual([]);
    // The untouched answer still works.
    await expect(ob3.completeAuthorization(service, client, req, location)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('an answer without iss is refused when the server promises to send it', async () => {
    const { req, location, client } = await authorize();
    const u = new URL(location);
    u.searchParams.delete('iss');
    expect(await failure(ob3.completeAuthorization(service, client, req, u.toString()))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'issuer_missing' });
  });

  it('checkIssuer: without metadata, iss is optional and must be on the description\'s origin', () => {
    const origin = 'https://backpack.example';
    expect(() => checkIssuer(null, { origin, required: false })).not.toThrow();
    expect(() => checkIssuer('https://backpack.example/', { origin, required: false })).not.toThrow();
    expect(() => checkIssuer('https://honest.example', { origin, required: false })).toThrow(expect.objectContaining({ detail: 'issuer_mismatch' }));
    expect(() => checkIssuer('not a url', { origin, required: false })).toThrow(expect.objectContaining({ detail: 'issuer_mismatch' }));
    // With an issuer identifier, the comparison is exact (§2.4).
    expect(() => checkIssuer('https://backpack.example/', { origin, issuer: 'https://backpack.example', required: true })).toThrow(expect.objectContaining({ detail: 'issuer_mismatch' }));
  });
});

describe('requests that carry a secret never follow a redirect (307/308 would re-send the body)', () => {
  it('the code exchange (code, verifier, client secret) answered with 307 to another backpack: refused, nothing arrives there', async () => {
    const ob3 = new Ob3Client({ fetch });
    const service = await ob3.discover(honest.baseUrl);
    const client = await ob3.register(service, META);
    const req = await ob3.authorizationRequest(service, client, REDIRECT_URI);
    const { location } = await submitAuthorizationForm(req.url, ADA.username, ADA.password);
    honest.control.failNext({ status: 307, path: '/oauth/token', redirectTo: `${hostile.baseUrl}/oauth/token` });
    const s0 = hostile.control.requests.length;
    const e = await failure(ob3.completeAuthorization(service, client, req, location!));
    expect(e.code).toBe(C.UNREACHABLE);
    expect(e.message).toContain('redirect');
    expect(pathsSince(hostile, s0)).toEqual([]);
  });

  it('a refresh answered with 308, and a registration answered with 307: refused, nothing arrives', async () => {
    const ob3 = new Ob3Client({ fetch });
    const service = await ob3.discover(honest.baseUrl);
    const client = await ob3.register(service, META);
    const s0 = hostile.control.requests.length;
    honest.control.failNext({ status: 308, path: '/oauth/token', redirectTo: `${hostile.baseUrl}/oauth/token` });
    expect((await failure(ob3.refresh(service, client, 'a-refresh-token'))).code).toBe(C.UNREACHABLE);
    honest.control.failNext({ status: 307, path: '/oauth/register', redirectTo: `${hostile.baseUrl}/oauth/register` });
    expect((await failure(ob3.register(service, META))).code).toBe(C.UNREACHABLE);
    honest.control.failNext({ status: 307, path: '/oauth/revoke', redirectTo: `${hostile.baseUrl}/oauth/revoke` });
    expect((await failure(ob3.revoke(service, client, { accessToken: 'an-access-token' }))).code).toBe(C.UNREACHABLE);
    expect(pathsSince(hostile, s0)).toEqual([]);
  });

  it('a Badgr password sign-in and sign-out answered with 307: the password and tokens stay home', async () => {
    const badgr = new BadgrClient({ apiBase: honest.baseUrl, fetch });
    const s0 = hostile.control.requests.length;
    honest.control.failNext({ status: 307, path: '/o/token', redirectTo: `${hostile.baseUrl}/o/token` });
    expect((await failure(badgr.signIn(ADA.username, ADA.password))).code).toBe(C.UNREACHABLE);
    const tokens = await badgr.signIn(ADA.username, ADA.password);
    honest.control.failNext({ status: 307, path: '/o/token', redirectTo: `${hostile.baseUrl}/o/token` });
    expect((await failure(badgr.refresh(tokens.refreshToken!))).code).toBe(C.UNREACHABLE);
    honest.control.failNext({ status: 307, path: '/o/revoke_token', redirectTo: `${hostile.baseUrl}/o/revoke_token` });
    expect((await failure(badgr.signOut(tokens))).code).toBe(C.UNREACHABLE);
    expect(pathsSince(hostile, s0)).toEqual([]);
  });
});

describe('plain http only for the loopback address the user typed', () => {
  /** A fetch where https://backpack.example serves `body` at every path; anything else goes to the network (127.0.0.1). */
  const remote = (body: (path: string) => unknown): Fetch & { calls: string[] } => {
    const calls: string[] = [];
    const f = (async (url: string, init?: RequestInit) => {
      calls.push(url);
      const u = new URL(url);
      if (u.hostname === 'backpack.example') {
        const b = body(u.pathname);
        return b === undefined ? new Response('', { status: 404 }) : new Response(JSON.stringify(b), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return fetch(url, init);
    }) as Fetch & { calls: string[] };
    f.calls = calls;
    return f;
  };

  it('an https description cannot send the sign-in to http://127.0.0.1:<port>', async () => {
    const d = await discoveryOf(hostile);
    const f = remote((p) => (p === '/ims/ob/v3p0/discovery' ? d : undefined));
    const s0 = hostile.control.requests.length;
    const e = await failure(new Ob3Client({ fetch: f }).discover('https://backpack.example'));
    expect(e).toMatchObject({ code: C.INSECURE_URL, detail: 'apiBase' });
    expect(e.message).toContain(hostile.baseUrl);
    expect(f.calls).toEqual(['https://backpack.example/ims/ob/v3p0/discovery']);
    expect(pathsSince(hostile, s0)).toEqual([]);
    // Only the token endpoint on loopback: refused just the same.
    const only = structuredClone(d);
    only.servers = [{ url: 'https://backpack.example/ims/ob/v3p0' }];
    const flow = only.components.securitySchemes.OAuth2ACG;
    flow['x-imssf-registrationUrl'] = 'https://backpack.example/oauth/register';
    flow.flows.authorizationCode.authorizationUrl = 'https://backpack.example/oauth/authorize';
    flow.flows.authorizationCode.refreshUrl = 'https://backpack.example/oauth/token';
    expect(await failure(new Ob3Client({ fetch: remote(() => only) }).discover('https://backpack.example'))).toMatchObject({ code: C.INSECURE_URL, detail: 'tokenUrl' });
  });

  it('a loopback backpack the user typed keeps everything on that origin: another port or host name is refused', async () => {
    const d = await discoveryOf(honest);
    d.components.securitySchemes.OAuth2ACG.flows.authorizationCode.tokenUrl = `${hostile.baseUrl}/oauth/token`;
    honest.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: d });
    expect(await failure(new Ob3Client({ fetch }).discover(honest.baseUrl))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'tokenUrl' });
    // localhost is typed, the description says 127.0.0.1: not the origin the user chose.
    const typed = honest.baseUrl.replace('127.0.0.1', 'localhost');
    expect(await failure(new Ob3Client({ fetch }).discover(typed))).toMatchObject({ code: C.ENDPOINT_MISMATCH, detail: 'apiBase' });
  });

  it('checkEndpoints: a Badgr region\'s web host may hold only the authorization page', () => {
    const ctx = { userBase: 'https://api.eu.badgr.io', documentUrl: 'https://api.eu.badgr.io/bcv1/manifest/eu.badgr.com' };
    expect(() => checkEndpoints(ctx, { authorizationUrl: 'https://eu.badgr.com/auth/oauth2/authorize', tokenUrl: 'https://api.eu.badgr.io/o/token' })).not.toThrow();
    expect(() => checkEndpoints(ctx, { tokenUrl: 'https://eu.badgr.com/o/token' })).toThrow(expect.objectContaining({ code: C.ENDPOINT_MISMATCH, detail: 'tokenUrl' }));
    expect(() => checkEndpoints(ctx, { authorizationUrl: 'https://badgr.com/auth/oauth2/authorize' })).toThrow(expect.objectContaining({ detail: 'authorizationUrl' }));
    expect(() => checkEndpoints({ userBase: 'http://127.0.0.1:8787', documentUrl: 'http://127.0.0.1:8787/x' }, { authorizationUrl: 'https://eu.badgr.com/a' })).toThrow(expect.objectContaining({ code: C.INSECURE_URL }));
    expect(() => checkEndpoints({ userBase: 'https://backpack.example', documentUrl: 'http://127.0.0.1:8787/x' }, {})).toThrow(expect.objectContaining({ code: C.INSECURE_URL, detail: 'document' }));
  });
});
