/**
 * A hostile or compromised backpack's answers to the OAuth client (SECURITY.md "Hostile or
 * compromised backpack"): endpoint URLs with userinfo, error words meant for the popup (huge,
 * with line breaks), error bodies meant to fill memory, token lifetimes past any clock. Each
 * backpack here is a stub fetch: what it answers is the point, not the HTTP.
 */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C, MAX_RETRY_AFTER_SECONDS, MAX_SERVER_WORDS, serverWords } from '../../src/backpack/errors.ts';
import { checkUrl, type Fetch } from '../../src/backpack/http.ts';
import { buildAuthorizationRequest, readAuthorizationResponse, tokenRequest } from '../../src/backpack/oauth.ts';
import { registerClient, type RegisteredClient } from '../../src/backpack/registration.ts';
import { Ob3Client } from '../../src/backpack/ob3.ts';
import { BadgeConnectClient } from '../../src/backpack/badge-connect.ts';

const SITE = 'https://wallet.example';
const CLIENT: RegisteredClient = { clientId: 'c', clientSecret: 's', registration: {} };
const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

/** A fetch that answers `answer` and records every URL asked for. */
function stub(answer: (url: string) => Response): { fetch: Fetch; asked: string[] } {
  const asked: string[] = [];
  return { asked, fetch: async (url) => (asked.push(url), answer(url)) };
}

describe('endpoint URLs with userinfo (RFC 9110 §4.2.4: a recipient SHOULD treat it as an error)', () => {
  it('checkUrl refuses https://user:password@host and https://honest.example@hostile.example', () => {
    for (const u of ['https://user:secret@wallet.example/token', 'https://api.badgr.io@wallet.example/authorize', 'http://me@127.0.0.1:8787/x']) {
      expect(() => checkUrl(u, 'authorization URL')).toThrow(expect.objectContaining({ code: C.INSECURE_URL }));
    }
  });

  it('an OB 3.0 description whose authorization URL carries userinfo is refused before anything is registered', async () => {
    const description = {
      openapi: '3.0.1',
      info: { title: 'Wallet' },
      components: {
        securitySchemes: {
          OAuth2ACG: {
            type: 'oauth2',
            'x-imssf-registrationUrl': `${SITE}/register`,
            flows: { authorizationCode: { authorizationUrl: 'https://api.badgr.io@wallet.example/authorize', tokenUrl: `${SITE}/token`, scopes: {} } },
          },
        },
      },
    };
    const s = stub((url) => (url.endsWith('/discovery') ? json(description) : new Response('', { status: 404 })));
    const e = await failure(new Ob3Client({ fetch: s.fetch }).discover(SITE));
    expect(e.code).toBe(C.INSECURE_URL);
    expect(s.asked.every((u) => !u.includes('/register'))).toBe(true);
  });

  it('a Badge Connect manifest with a token URL that carries credentials is refused', async () => {
    const manifest = { badgeConnectAPI: [{ apiBase: `${SITE}/bc/v1`, registrationUrl: `${SITE}/register`, authorizationUrl: `${SITE}/authorize`, tokenUrl: 'https://lanyard:pw@wallet.example/token' }] };
    const s = stub(() => json(manifest));
    expect((await failure(new BadgeConnectClient({ fetch: s.fetch }).discover(SITE))).code).toBe(C.INSECURE_URL);
  });
});

describe("a backpack's own words in a message are bounded (RFC 6749 §4.1.2.1, §5.2 error_description)", () => {
  const huge = `<img src=x onerror=alert(1)>\n\u202Egnp.exe${'A'.repeat(1_000_000)}`;
  const bounded = (e: BackpackError) => {
    expect(e.message.length).toBeLessThan(MAX_SERVER_WORDS + 200);
    expect(e.message).not.toMatch(/[\n\r]/);
  };

  it('serverWords flattens controls and cuts long text, leaving short honest text as it is', () => {
    expect(serverWords('The redirect_uri is not registered')).toBe('The redirect_uri is not registered');
    expect(serverWords('line one\r\nline two\u0000')).toBe('line one line two');
    const cut = serverWords('x'.repeat(10_000));
    expect([...cut].length).toBe(MAX_SERVER_WORDS + 1);
    expect(cut.endsWith('…')).toBe(true);
    expect([...serverWords('😀'.repeat(500))].length).toBe(MAX_SERVER_WORDS + 1);
  });

  it('an authorization error redirect with a huge error_description', async () => {
    const req = await buildAuthorizationRequest({ authorizationUrl: `${SITE}/authorize`, clientId: 'c', redirectUri: 'https://x.chromiumapp.org/oauth2', scope: ['s'], issuer: { origin: SITE, required: false } });
    const back = new URL(req.redirectUri);
    back.searchParams.set('state', req.state);
    back.searchParams.set('error', `invalid_request${'B'.repeat(5000)}`);
    back.searchParams.set('error_description', huge.slice(0, 200_000));
    let e: unknown;
    try {
      readAuthorizationResponse(back.toString(), req);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(BackpackError);
    bounded(e as BackpackError);
    expect((e as BackpackError).detail!.length).toBeLessThanOrEqual(MAX_SERVER_WORDS + 1);
  });

  it('a token endpoint error with a huge error_description, for each kind of refusal', async () => {
    for (const [status, error] of [[400, 'invalid_request'], [400, 'invalid_grant'], [429, 'slow_down'], [401, 'invalid_client']] as const) {
      const s = stub(() => json({ error, error_description: huge }, status));
      for (const kind of ['code', 'refresh', 'password'] as const) bounded(await failure(tokenRequest({ fetch: s.fetch }, `${SITE}/token`, CLIENT, { grant_type: 'x' }, kind)));
    }
  });

  it('a token endpoint error body is read as an error answer (64 KB), not up to 32 MB', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 65_536;
        if (pulled > 4 * 1024 * 1024) c.close();
        else c.enqueue(new Uint8Array(65_536).fill(0x20));
      },
    });
    const s = stub(() => new Response(endless, { status: 400, headers: { 'content-type': 'application/json' } }));
    const e = await failure(tokenRequest({ fetch: s.fetch }, `${SITE}/token`, CLIENT, { grant_type: 'x' }, 'code'));
    expect(e.code).toBe(C.REJECTED);
    expect(pulled).toBeLessThanOrEqual(256 * 1024);
  });

  it('a registration refusal with a huge error_description (RFC 7591 §3.2.2)', async () => {
    const s = stub(() => json({ error: 'invalid_client_metadata', error_description: huge }, 400));
    const m = { clientName: 'L', clientUri: 'https://x/', logoUri: 'https://x/l', tosUri: 'https://x/t', policyUri: 'https://x/p', softwareId: 'l', softwareVersion: '1', redirectUris: ['https://x/cb'], scope: ['s'] };
    const e = await failure(registerClient({ fetch: s.fetch }, `${SITE}/register`, m));
    expect(e.code).toBe(C.REGISTRATION_REFUSED);
    bounded(e);
  });

  it("a Badge Connect list answer whose status.error is huge, and an API error's text", async () => {
    const service = { apiBase: `${SITE}/bc/v1` } as never;
    const bc = new BadgeConnectClient({ fetch: stub(() => json({ status: { error: huge, statusCode: 400, statusText: huge } })).fetch });
    const e = await failure(bc.assertionsPage(service, 't'));
    bounded(e);
    expect(e.detail!.length).toBeLessThanOrEqual(MAX_SERVER_WORDS + 1);
    const plain = new BadgeConnectClient({ fetch: stub(() => new Response(huge.slice(0, 60_000), { status: 400 })).fetch });
    bounded(await failure(plain.assertionsPage(service, 't')));
  });
});

describe('token lifetimes (RFC 6749 §5.1 expires_in)', () => {
  const answer = async (expires_in: unknown) => {
    const s = stub(() => json({ access_token: 'at', token_type: 'Bearer', expires_in }));
    return tokenRequest({ fetch: s.fetch, now: () => 1_000 }, `${SITE}/token`, CLIENT, { grant_type: 'x' }, 'code');
  };

  it('an expires_in past any clock gives no expiry rather than an Infinity that is stored as null', async () => {
    for (const v of [1e306, '1e400', Number.MAX_VALUE]) {
      const t = await answer(v);
      expect(t.expiresAt === undefined || Number.isFinite(t.expiresAt)).toBe(true);
      expect(JSON.parse(JSON.stringify(t)).expiresAt).not.toBeNull();
    }
  });

  it('a negative, zero or NaN expires_in gives no expiry; a normal one is kept', async () => {
    for (const v of [-5, 0, 'soon', null, {}]) expect((await answer(v)).expiresAt).toBeUndefined();
    expect((await answer(3600)).expiresAt).toBe(1_000 + 3_600_000);
  });
});

describe('what already holds against a hostile backpack (kept so)', () => {
  it("an authorization URL's own query cannot override Lanyard's parameters (RFC 6749 §4.1.1, RFC 7636 §4.3)", async () => {
    const hostile = `${SITE}/authorize?redirect_uri=https%3A%2F%2Fwallet.example%2Fsteal&code_challenge_method=plain&response_type=token&client_id=other&state=fixed&code_challenge=abc&scope=everything`;
    const req = await buildAuthorizationRequest({ authorizationUrl: hostile, clientId: 'c', redirectUri: 'https://x.chromiumapp.org/oauth2', scope: ['s'], issuer: { origin: SITE, required: false } });
    const q = new URL(req.url).searchParams;
    for (const [k, v] of [['redirect_uri', 'https://x.chromiumapp.org/oauth2'], ['code_challenge_method', 'S256'], ['response_type', 'code'], ['client_id', 'c'], ['state', req.state], ['scope', 's']]) {
      expect(q.getAll(k!)).toEqual([v]);
    }
    expect(q.getAll('code_challenge')).toHaveLength(1);
    expect(q.get('code_challenge')).not.toBe('abc');
  });

  it('a token endpoint that answers 200 with an HTML page, or a refresh_token that is not a string', async () => {
    const html = stub(() => new Response('<html><body>Sign in</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect((await failure(tokenRequest({ fetch: html.fetch }, `${SITE}/token`, CLIENT, { grant_type: 'x' }, 'code'))).code).toBe(C.PROTOCOL);
    const odd = stub(() => json({ access_token: 'at', token_type: 'Bearer', refresh_token: { steal: true }, id_token: 'x.y.z', scope: 'a b' }));
    const t = await tokenRequest({ fetch: odd.fetch }, `${SITE}/token`, CLIENT, { grant_type: 'x' }, 'code');
    expect(t.refreshToken).toBeUndefined();
    expect(t).not.toHaveProperty('idToken');
  });

  it('a registration answer whose client_id is an object is refused (RFC 7591 §3.2.1: a string)', async () => {
    const s = stub(() => json({ client_id: { id: 'x' }, client_secret: 's', redirect_uris: ['https://wallet.example/steal'] }, 201));
    const m = { clientName: 'L', clientUri: 'https://x/', logoUri: 'https://x/l', tosUri: 'https://x/t', policyUri: 'https://x/p', softwareId: 'l', softwareVersion: '1', redirectUris: ['https://x/cb'], scope: ['s'] };
    expect((await failure(registerClient({ fetch: s.fetch }, `${SITE}/register`, m))).code).toBe(C.PROTOCOL);
  });
});

describe('a wait the backpack asks for (RFC 9110 §10.2.3 Retry-After; Badgr `expires`)', () => {
  it('a wait past any clock is capped at a day, a negative one is none', async () => {
    const endless = stub(() => new Response('', { status: 429, headers: { 'retry-after': '9'.repeat(400) } }));
    const e = await failure(new BadgeConnectClient({ fetch: endless.fetch }).assertionsPage({ apiBase: `${SITE}/bc/v1` } as never, 't'));
    expect(e.code).toBe(C.THROTTLED);
    expect(e.retryAfterSeconds).toBe(MAX_RETRY_AFTER_SECONDS);
    const badgr = stub(() => json({ error: 'login attempts throttled', expires: 1e308 }, 400));
    expect((await failure(tokenRequest({ fetch: badgr.fetch }, `${SITE}/token`, null, { grant_type: 'password' }, 'password'))).retryAfterSeconds).toBe(MAX_RETRY_AFTER_SECONDS);
    const negative = stub(() => json({ error: 'login attempts throttled', expires: -1e9 }, 400));
    expect((await failure(tokenRequest({ fetch: negative.fetch }, `${SITE}/token`, null, { grant_type: 'password' }, 'password'))).retryAfterSeconds).toBeUndefined();
    expect(JSON.stringify(new BackpackError(C.THROTTLED, 'x', { retryAfterSeconds: Number.NaN }).toJSON())).not.toContain('retryAfterSeconds');
  });
});

describe('a total count that is no count (X-Total-Count, OB 3.0 api.html "Paging")', () => {
  it('a total past any safe integer is none, rather than an Infinity shown as the sync progress', async () => {
    const lie = stub(() => json({ assertions: [] }, 200, { 'x-total-count': '9'.repeat(400) }));
    const page = await new BadgeConnectClient({ fetch: lie.fetch }).assertionsPage({ apiBase: `${SITE}/bc/v1` } as never, 't');
    expect(page.total).toBeUndefined();
    const honest = stub(() => json({ assertions: [] }, 200, { 'x-total-count': '1234' }));
    expect((await new BadgeConnectClient({ fetch: honest.fetch }).assertionsPage({ apiBase: `${SITE}/bc/v1` } as never, 't')).total).toBe(1234);
  });
});
