/** The shared client pieces: the URL rule, failures as codes, Link headers, PKCE, errors as plain data. */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { bearerError, checkUrl, getJson, MAX_ANSWER_BYTES, readJson, retryAfter, send, statusError } from '../../src/backpack/http.ts';
import { badgrCall } from '../../src/backpack/badgr-request.ts';
import { parseLinkHeader } from '../../src/backpack/link-header.ts';
import { codeChallengeS256, createCodeVerifier, createPkce, createState } from '../../src/backpack/pkce.ts';
import { useBackpack } from '../backpack/helpers.ts';

const ctx = useBackpack();
const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => p.then(() => undefined, (e: unknown) => (e instanceof BackpackError ? e.code : String(e)));

describe('checkUrl: plain http only for 127.0.0.1 and localhost', () => {
  it('accepts https anywhere and http on the loopback host', () => {
    for (const u of ['https://api.badgr.io/o/token', 'http://127.0.0.1:8787/x', 'http://localhost:3000/', 'http://[::1]:8080/']) expect(checkUrl(u).href).toBe(new URL(u).href);
  });

  it('refuses http elsewhere and other schemes (INSECURE_URL), and non-URLs (PROTOCOL)', () => {
    for (const u of ['http://api.badgr.io/o/token', 'http://127.0.0.1.example.com/', 'http://localhost.evil.example/', 'ftp://127.0.0.1/', 'javascript:alert(1)']) {
      expect(() => checkUrl(u)).toThrow(expect.objectContaining({ code: C.INSECURE_URL }));
    }
    expect(() => checkUrl('not a url')).toThrow(expect.objectContaining({ code: C.PROTOCOL }));
  });
});

describe('send', () => {
  it('maps a refused connection to UNREACHABLE', async () => {
    expect(await codeOf(send({ fetch }, 'http://127.0.0.1:1/'))).toBe(C.UNREACHABLE);
  });

  it('maps a timeout to UNREACHABLE', async () => {
    ctx.bp.control.pause();
    try {
      const e = await send({ fetch, timeoutMs: 100 }, `${ctx.bp.baseUrl}/terms`).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: C.UNREACHABLE, message: expect.stringContaining('did not answer in time') });
    } finally {
      ctx.bp.control.resume();
    }
  });

  it('maps an abort and a dropped connection to UNREACHABLE', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await codeOf(send({ fetch, signal: ac.signal }, `${ctx.bp.baseUrl}/terms`))).toBe(C.UNREACHABLE);
    ctx.bp.control.failNext({ drop: true });
    expect(await codeOf(send({ fetch }, `${ctx.bp.baseUrl}/terms`))).toBe(C.UNREACHABLE);
  });

  it('refuses an insecure URL before any request', async () => {
    let called = false;
    const f = async (): Promise<Response> => {
      called = true;
      return new Response('');
    };
    expect(await codeOf(send({ fetch: f }, 'http://badgr.example/'))).toBe(C.INSECURE_URL);
    expect(called).toBe(false);
  });
});

describe('retryAfter', () => {
  it('reads delay-seconds and HTTP-dates', () => {
    expect(retryAfter(new Response('', { headers: { 'retry-after': '120' } }), 0)).toBe(120);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfter(new Response('', { headers: { 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' } }), now)).toBe(60);
    expect(retryAfter(new Response(''), now)).toBeUndefined();
  });

  it('measures an HTTP-date from the answer’s own Date (the server’s clock), not Lanyard’s', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const at = 'Thu, 01 Jan 2026 00:01:00 GMT';
    expect(retryAfter(new Response('', { headers: { 'retry-after': at, date: 'Wed, 31 Dec 2025 23:59:40 GMT' } }), now)).toBe(80);
    expect(retryAfter(new Response('', { headers: { 'retry-after': at, date: 'Thu, 01 Jan 2026 00:00:50 GMT' } }), now)).toBe(10);
    // An unreadable Date: Lanyard's clock.
    expect(retryAfter(new Response('', { headers: { 'retry-after': at, date: 'soon' } }), now)).toBe(60);
  });
});

describe('parseLinkHeader (RFC 8288)', () => {
  it('reads next/last/first/prev, quoted or not, with or without spaces, relative targets', () => {
    const base = 'https://bp.example/ims/ob/v3p0/credentials?limit=2';
    const links = parseLinkHeader('<https://bp.example/c?offset=2>; rel="next",<https://bp.example/c?offset=8>;rel=last, </c?offset=0>; title="x"; rel="first prev"', base);
    expect(Object.fromEntries(links)).toEqual({
      next: 'https://bp.example/c?offset=2',
      last: 'https://bp.example/c?offset=8',
      first: 'https://bp.example/c?offset=0',
      prev: 'https://bp.example/c?offset=0',
    });
    expect(parseLinkHeader(null, base).size).toBe(0);
  });
});

describe('PKCE (RFC 7636) and state', () => {
  it('computes the S256 challenge of the RFC\'s Appendix B example', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character unreserved verifiers and fresh states', async () => {
    const v = createCodeVerifier();
    expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createCodeVerifier()).not.toBe(v);
    expect(createState()).not.toBe(createState());
    const p = await createPkce();
    expect(p.method).toBe('S256');
    expect(p.challenge).toBe(await codeChallengeS256(p.verifier));
  });
});

describe('BackpackError', () => {
  it('serializes to plain data for messaging', () => {
    const e = new BackpackError(C.THROTTLED, 'Wait', { status: 429, retryAfterSeconds: 30, detail: 'login attempts throttled' });
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'THROTTLED', message: 'Wait', status: 429, retryAfterSeconds: 30, detail: 'login attempts throttled' });
    expect(e).toBeInstanceOf(Error);
  });
});

/** An endless body: 1 MB chunks for as long as it is read; counts what was pulled. */
function endless(status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }): { res: Response; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      pulled += chunk.length;
      c.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { res: new Response(body, { status, headers }), pulled: () => pulled, cancelled: () => cancelled };
}

describe('a backpack that answers without end (memory bomb)', () => {
  it('readJson stops past MAX_ANSWER_BYTES with PROTOCOL and cancels the body', async () => {
    const e = endless();
    expect(await codeOf(readJson(e.res, 'The badge list'))).toBe(C.PROTOCOL);
    expect(e.pulled()).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 4 * 1024 * 1024);
    expect(e.cancelled()).toBe(true);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    const e = endless(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024 * 1024) });
    expect(await codeOf(readJson(e.res, 'The badge list'))).toBe(C.PROTOCOL);
    expect(e.pulled()).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('an endless error answer, a Badgr success and a Badgr error are read only so far', async () => {
    const error = endless(500);
    const err = await getJson({ fetch: async () => error.res }, 'https://backpack.example/api', 't', 'The badge list').catch((x: unknown) => x);
    expect(err).toMatchObject({ code: C.SERVER_ERROR });
    expect(error.pulled()).toBeLessThanOrEqual(2 * 1024 * 1024);
    const ok = endless();
    expect(await codeOf(badgrCall({ fetch: async () => ok.res }, 'https://api.badgr.io/v2/backpack/assertions', { token: 't', what: 'The badge list' }))).toBe(C.PROTOCOL);
    expect(ok.pulled()).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 4 * 1024 * 1024);
    const bad = endless(400);
    expect(await codeOf(badgrCall({ fetch: async () => bad.res }, 'https://api.badgr.io/v2/backpack/assertions', { token: 't', what: 'The badge list' }))).toBe(C.REJECTED);
    expect(bad.pulled()).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('still reads an ordinary answer, a UTF-8 one split across chunks included', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: 'Zürich – 日本' }));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const b of bytes) c.enqueue(Uint8Array.of(b));
        c.close();
      },
    });
    expect(await readJson(new Response(body), 'x')).toEqual({ name: 'Zürich – 日本' });
  });
});

describe('statusError: what a refusal asks of the user', () => {
  const answer = (status: number, headers: Record<string, string> = {}) => new Response('', { status, headers });

  it('401, or a 403 whose challenge says the token lacks a scope or is bad (RFC 6750 §3.1): a new sign-in may help', () => {
    expect(statusError(answer(401), 'The list')).toMatchObject({ code: C.UNAUTHORIZED, status: 401 });
    expect(statusError(answer(403, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="x"' }), 'The list')).toMatchObject({ code: C.UNAUTHORIZED, status: 403 });
    // The challenge's insufficient_scope is the detail (no refresh can widen a grant: token-use.ts), a 401's too; invalid_token leaves the body's word.
    expect(statusError(answer(403, { 'www-authenticate': 'Bearer error="insufficient_scope"' }), 'The list', 'lacks a scope', 'forbidden')).toMatchObject({ code: C.UNAUTHORIZED, detail: 'insufficient_scope' });
    expect(statusError(answer(401, { 'www-authenticate': 'Bearer realm="api", error=insufficient_scope' }), 'The list')).toMatchObject({ code: C.UNAUTHORIZED, detail: 'insufficient_scope' });
    expect(statusError(answer(401, { 'www-authenticate': 'Bearer error="invalid_token", error_description="insufficient_scope"' }), 'The list', 'expired', 'unauthorisedrequest')).toMatchObject({ code: C.UNAUTHORIZED, detail: 'unauthorisedrequest' });
    expect(statusError(answer(403, { 'www-authenticate': 'Bearer realm="b", error=invalid_token' }), 'The list')).toMatchObject({ code: C.UNAUTHORIZED });
  });

  it("a challenge's error is its `error` parameter, never words in another parameter's quoted value (RFC 9110 §11.2)", () => {
    const of = (challenge: string) => bearerError(answer(401, { 'www-authenticate': challenge }));
    expect(of('Bearer realm="error=invalid_request"')).toBeUndefined();
    expect(of('Bearer realm="a \\" error=invalid_request", error="invalid_token"')).toBe('invalid_token');
    expect(of('Bearer error_description="error=invalid_request", error=insufficient_scope')).toBe('insufficient_scope');
    expect(of('Bearer xerror="invalid_request"')).toBeUndefined();
    expect(of('Basic realm="x", Bearer ERROR = "Invalid_Token"')).toBe('invalid_token');
    expect(of('Bearer error="not a code"')).toBeUndefined();
    expect(of('Bearer realm="unclosed error=invalid_request')).toBeUndefined();
  });

  it('any other 403 refuses the account itself (badgr-server: another user\'s address, no confirmed address): its reason, not "sign in again"', () => {
    const e = statusError(answer(403), 'The address', 'You do not have permission to perform this action.');
    expect(e).toMatchObject({ code: C.REJECTED, status: 403 });
    expect(e.message).toContain('You do not have permission to perform this action.');
  });
});
