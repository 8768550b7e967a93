/**
 * A pasted link served by a hostile server (adversarial review of the import, session 19), pinned as
 * held: a redirect to another scheme (file:, data:, javascript:) is not followed (Fetch §4.4 HTTP-redirect
 * fetch: a non-HTTP(S) location is a network error), so a valid badge in a data: target is never read as
 * the link's, and the link is refused saying where it was sent; a body that never ends, or declares a
 * gigabyte, is cut (capped-body.ts) within the verification's deadline and refused with the limit. Both
 * were kept as an unchecked "Badge at <host>" with a Share button; a badge held under the link stays as
 * it was. A content type that lies is not believed (the bytes say what they are).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

let server: Server;
let base = '';
let jws = '';
/** What /switch answers: the badge, or (once it was added) a redirect to file: or a gigabyte. */
let switched: 'badge' | 'file' | 'large' = 'badge';

beforeAll(async () => {
  jws = await vcJwt('urn:uuid:9');
  const redirects: Record<string, string> = { '/to-file': 'file:///etc/passwd', '/to-data': `data:application/vc+jwt,${jws}`, '/to-js': 'javascript:alert(1)' };
  server = createServer((req, res) => {
    const path = req.url!;
    if (redirects[path]) return void res.writeHead(302, { location: redirects[path] }).end();
    if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'application/json' }).write('{"a":"');
      const t = setInterval(() => res.write('x'.repeat(65536)), 1);
      return void res.on('close', () => clearInterval(t));
    }
    if (path === '/gigabyte') return void res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 ** 30) }).write('{');
    if (path === '/switch') {
      if (switched === 'file') return void res.writeHead(302, { location: redirects['/to-file']! }).end();
      if (switched === 'large') return void res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 ** 30) }).write('{');
      return void res.writeHead(200, { 'content-type': 'application/vc+jwt' }).end(jws);
    }
    if (path === '/jws-said-png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(jws);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('a pasted link on a hostile server', () => {
  it('redirected to file:, data: or javascript: is refused, saying where it was sent, and nothing is added', async () => {
    const h = await harness();
    for (const [path, scheme] of [['/to-file', 'file:'], ['/to-data', 'data:'], ['/to-js', 'javascript:']] as const) {
      const f = await failure(h.app.library.import({ kind: 'text', text: base + path }));
      expect(f).toMatchObject({ code: 'ERR_LINK_REDIRECT', message: `The link sent Lanyard to a ${scheme} address, which it does not follow, so it was not added` });
    }
    expect(await h.db.badges.count()).toBe(0);
  });

  it('in a browser, whose "Failed to fetch" names no cause, a redirect cannot be told from an outage (redirect: \'manual\' answers any 3xx opaque): unreachable, asked once', async () => {
    // What Chrome answers: the followed fetch fails bare, redirect: 'manual' answers an opaque redirect
    // (Fetch §2.2.6) for any 3xx, a redirect to an http(s) host that is down too: its scheme is not seen,
    // so the link is not said to go to another scheme.
    const opaque = () => Object.defineProperties(new Response(null, { status: 200 }), { type: { value: 'opaqueredirect' }, status: { value: 0 } });
    const asked: string[] = [];
    const h = await harness({
      fetch: async (u: string, init?: RequestInit) => {
        asked.push(`${init?.redirect} ${u}`);
        return init?.redirect === 'manual' ? opaque() : Promise.reject(new TypeError('Failed to fetch'));
      },
      permissions: { contains: async () => true, request: async () => false },
    } as never);
    // As any link that cannot be reached now (an outage): kept, not fully verified, saying it could not be fetched.
    expect(await h.app.library.import({ kind: 'text', text: 'https://issuer.example/to-file' })).toMatchObject({ verdict: 'indeterminate' });
    expect((await h.db.badges.all()).map((b) => b.checks.find((c) => c.id === 'hosted'))).toEqual([
      { id: 'hosted', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED', message: 'https://issuer.example/to-file could not be fetched: Failed to fetch' },
    ]);
    expect(asked).toEqual(['follow https://issuer.example/to-file']);
  });

  it('answering a body that never ends, or declaring a gigabyte, is cut in seconds and refused: nothing added', async () => {
    const h = await harness();
    for (const path of ['/endless', '/gigabyte']) {
      const started = Date.now();
      const f = await failure(h.app.library.import({ kind: 'text', text: base + path }));
      expect(f).toMatchObject({ code: 'ERR_LINK_TOO_LARGE', message: 'The page at this link is larger than Lanyard reads (4 MB), so it was not added' });
      expect(Date.now() - started).toBeLessThan(10_000);
    }
    expect(await h.db.badges.count()).toBe(0);
  }, 30_000);

  it('a badge held under the link is kept as it was when the link now redirects to file: or answers too much', async () => {
    const h = await harness();
    switched = 'badge';
    const view = await h.app.library.import({ kind: 'text', text: `${base}/switch` });
    expect(view).toMatchObject({ verdict: 'valid' });
    const before = await h.db.badges.all();
    for (const mode of ['file', 'large'] as const) {
      switched = mode;
      const f = await failure(h.app.library.import({ kind: 'text', text: `${base}/switch` }));
      expect(f.code).toBe(mode === 'file' ? 'ERR_LINK_REDIRECT' : 'ERR_LINK_TOO_LARGE');
      expect(await h.db.badges.all()).toEqual(before);
    }
  });

  it('whose content type lies is read by its bytes: a JWS said to be a PNG is the JWS', async () => {
    const h = await harness();
    expect(await h.app.library.import({ kind: 'text', text: `${base}/jws-said-png` })).toMatchObject({ verdict: 'valid', format: 'ob3.0-jwt' });
  });
});
