/** The OB 3.0 API (discovery, credentials with paging and since, profile) and Badge Connect (manifest, assertions, profile). */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_URI, auth, basicAuth, formPost, registerClient, submitAuthorizationForm, useBackpack } from './helpers.ts';
import { ADA } from './seed-data.ts';

const ctx = useBackpack({ badges: 25 });
const url = (path: string): string => `${ctx.bp.baseUrl}${path}`;
const OB3_READ = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';
const OB3_PROFILE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly';
const BC_READ = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly';
const BC_PROFILE = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly';
const VERIFIER = 'a-verifier-that-is-long-enough-for-rfc-7636-section-4-1-yes';

async function tokenFor(scope: string): Promise<string> {
  const client = await registerClient(ctx.bp.baseUrl);
  const u = new URL(url('/oauth/authorize'));
  const params = { response_type: 'code', client_id: client.client_id, redirect_uri: REDIRECT_URI, scope, state: 's', code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'), code_challenge_method: 'S256' };
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  const r = await submitAuthorizationForm(u.toString(), ADA.username, ADA.password);
  const code = new URL(r.location!).searchParams.get('code')!;
  const res = await fetch(url('/oauth/token'), formPost({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, scope, code_verifier: VERIFIER }, basicAuth(client.client_id, client.client_secret)));
  return (await res.json()).access_token;
}

const links = (res: Response): Record<string, string> =>
  Object.fromEntries([...(res.headers.get('link') ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((m) => [m[2]!, m[1]!]));

let ob3: string;
let bc: string;
beforeAll(async () => {
  ob3 = await tokenFor(`${OB3_READ} ${OB3_PROFILE}`);
  bc = await tokenFor(`${BC_READ} ${BC_PROFILE}`);
});

describe('GET /ims/ob/v3p0/discovery', () => {
  it('is unprotected and describes the OAuth2ACG scheme with x-imssf-registrationUrl', async () => {
    const d = await (await fetch(url('/ims/ob/v3p0/discovery'))).json();
    expect(d.openapi).toMatch(/^3\.0/);
    expect(d.info).toMatchObject({ title: expect.any(String), termsOfService: url('/terms'), 'x-imssf-privacyPolicyUrl': url('/privacy') });
    expect(d.components.securitySchemes.OAuth2ACG).toMatchObject({
      type: 'oauth2',
      'x-imssf-registrationUrl': url('/oauth/register'),
      flows: { authorizationCode: { authorizationUrl: url('/oauth/authorize'), tokenUrl: url('/oauth/token'), refreshUrl: url('/oauth/token') } },
    });
    expect(Object.keys(d.components.securitySchemes.OAuth2ACG.flows.authorizationCode.scopes)).toContain(OB3_READ);
  });
});

describe('GET /ims/ob/v3p0/credentials', () => {
  it('pages with limit and offset, X-Total-Count and Link next/last/first/prev', async () => {
    const total = 5 + 25; // Ada's seeded OB 3.0 credentials and the generated ones
    let res = await fetch(url('/ims/ob/v3p0/credentials?limit=10'), { headers: auth(ob3) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe(String(total));
    let l = links(res);
    expect(l.next).toBe(url('/ims/ob/v3p0/credentials?limit=10&offset=10'));
    expect(l.first).toBe(url('/ims/ob/v3p0/credentials?limit=10&offset=0'));
    expect(l.last).toBe(url('/ims/ob/v3p0/credentials?limit=10&offset=20'));
    expect(l.prev).toBeUndefined();
    const first = await res.json();
    expect(first.credential.length + first.compactJwsString.length).toBe(10);
    res = await fetch(l.last!, { headers: auth(ob3) });
    l = links(res);
    expect(l.next).toBeUndefined();
    expect(l.prev).toBe(url('/ims/ob/v3p0/credentials?limit=10&offset=10'));
    const seen = new Set<string>();
    for (let offset = 0; offset < total; offset += 10) {
      const page = await (await fetch(url(`/ims/ob/v3p0/credentials?limit=10&offset=${offset}`), { headers: auth(ob3) })).json();
      for (const c of page.credential) seen.add(c.id);
      for (const j of page.compactJwsString) seen.add(JSON.parse(Buffer.from(j.split('.')[1], 'base64url').toString()).jti);
    }
    expect(seen.size).toBe(total);
  });

  it('puts Data Integrity credentials in `credential` and VC-JWTs in `compactJwsString`', async () => {
    const body = await (await fetch(url('/ims/ob/v3p0/credentials?limit=1000'), { headers: auth(ob3) })).json();
    expect(body.credential.map((c: { id: string }) => c.id)).toEqual([url('/ob3/credentials/ob3-ada-di')]);
    expect(body.compactJwsString).toHaveLength(29);
  });

  it('filters with since by issuance (OB 3.0: "issued after this timestamp"), not by when the backpack got it', async () => {
    const b = ctx.bp.control.stateForTests.badges.get('ob3-ada-di')!;
    const was = b.updatedAt;
    b.updatedAt = '2099-01-01T00:00:00Z';
    try {
      const body = await (await fetch(url('/ims/ob/v3p0/credentials?since=2098-01-01T00:00:00Z'), { headers: auth(ob3) })).json();
      expect([body.credential, body.compactJwsString]).toEqual([[], []]);
    } finally {
      b.updatedAt = was;
    }
  });

  it('filters with since (issued at or after it), newest first', async () => {
    let res = await fetch(url('/ims/ob/v3p0/credentials?since=2026-06-01T00:00:00Z'), { headers: auth(ob3) });
    let body = await res.json();
    expect(res.headers.get('x-total-count')).toBe('3');
    expect(body.credential).toHaveLength(1);
    expect(res.headers.get('link')).toContain('since=2026-06-01T00%3A00%3A00Z');
    res = await fetch(url(`/ims/ob/v3p0/credentials?since=${encodeURIComponent('2026-06-15T12:00:00+01:00')}`), { headers: auth(ob3) });
    body = await res.json();
    expect(body.credential.map((c: { id: string }) => c.id)).toEqual([url('/ob3/credentials/ob3-ada-di')]);
    expect(body.compactJwsString).toHaveLength(0);
  });

  it('answers Imsx_StatusInfo errors: 400 bad paging, 401 no token, 403 wrong scope', async () => {
    for (const q of ['limit=0', 'limit=x', 'offset=-1', 'since=yesterday', 'since=2026-01-01']) {
      const res = await fetch(url(`/ims/ob/v3p0/credentials?${q}`), { headers: auth(ob3) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ imsx_codeMajor: 'failure', imsx_severity: 'error' });
    }
    let res = await fetch(url('/ims/ob/v3p0/credentials'));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await res.json()).imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('unauthorisedrequest');
    res = await fetch(url('/ims/ob/v3p0/credentials'), { headers: auth(bc) });
    expect(res.status).toBe(403);
  });

  it('serves the profile', async () => {
    const p = await (await fetch(url('/ims/ob/v3p0/profile'), { headers: auth(ob3) })).json();
    expect(p).toMatchObject({ type: ['Profile'], name: 'Ada Lovelace', email: 'ada@example.org' });
  });
});

describe('Badge Connect', () => {
  it('publishes the manifest at /.well-known/badgeconnect.json', async () => {
    const m = await (await fetch(url('/.well-known/badgeconnect.json'))).json();
    expect(m['@context']).toBe('https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld');
    expect(m.badgeConnectAPI[0]).toMatchObject({
      apiBase: url('/ims/ob/v2p1'),
      version: 'v2p1',
      registrationUrl: url('/oauth/register'),
      authorizationUrl: url('/oauth/authorize'),
      tokenUrl: url('/oauth/token'),
      tokenRevocationUrl: url('/oauth/revoke'),
      termsOfServiceUrl: url('/terms'),
      privacyPolicyUrl: url('/privacy'),
    });
    expect(m.badgeConnectAPI[0].scopesOffered).toContain(BC_READ);
  });

  it('pages assertions in the {status, assertions, signedAssertions} envelope', async () => {
    const res = await fetch(url('/ims/ob/v2p1/assertions?limit=5'), { headers: auth(bc) });
    const body = await res.json();
    expect(body.status).toEqual({ error: null, statusCode: 200, statusText: 'OK' });
    expect(body.assertions.length + body.signedAssertions.length).toBe(5);
    // Ada's OB 2.0 badges that are not pending (6) and the 25 generated ones.
    expect(res.headers.get('x-total-count')).toBe('31');
    expect(links(res).next).toBe(url('/ims/ob/v2p1/assertions?limit=5&offset=5'));
    const all = await (await fetch(url('/ims/ob/v2p1/assertions?limit=100'), { headers: auth(bc) })).json();
    expect(all.signedAssertions).toHaveLength(2);
  });

  it('filters with since, and answers its envelope for errors', async () => {
    const res = await fetch(url('/ims/ob/v2p1/assertions?since=2026-04-01T00:00:00Z'), { headers: auth(bc) });
    const body = await res.json();
    expect([...body.assertions.map((a: { id: string }) => a.id), ...body.signedAssertions].length).toBe(2);
    const unauth = await fetch(url('/ims/ob/v2p1/assertions'));
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toEqual({ status: { error: expect.any(String), statusCode: 401, statusText: 'UNAUTHENTICATED' } });
    const bad = await fetch(url('/ims/ob/v2p1/assertions?offset=-3'), { headers: auth(bc) });
    expect((await bad.json()).status.statusText).toBe('REQUEST_VALIDATION_ERROR');
    const denied = await fetch(url('/ims/ob/v2p1/assertions'), { headers: auth(ob3) });
    expect(denied.status).toBe(401);
    expect((await denied.json()).status).toMatchObject({ statusCode: 401, statusText: 'PERMISSION_DENIED' });
  });

  it('serves the profile in the envelope', async () => {
    const p = await (await fetch(url('/ims/ob/v2p1/profile'), { headers: auth(bc) })).json();
    expect(p).toMatchObject({ status: { statusCode: 200 }, profile: { name: 'Ada Lovelace', email: 'ada@example.org' } });
  });
});
