/**
 * A pasted link served by a hostile server (adversarial review of the import, session 19), pinned as
 * held: a redirect to another scheme (file:, data:, javascript:) is not followed (Fetch §4.4 HTTP-redirect
 * fetch: a non-HTTP(S) location is a network error), so a valid badge in a data: target is never read as
 * the link's; a body that never ends, or declares a gigabyte, is cut (capped-body.ts) within the
 * verification's deadline; a content type that lies is not believed (the bytes say what they are).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

let server: Server;
let base = '';
let jws = '';

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
  it('redirected to file:, data: or javascript: reads nothing there: no badge, never valid', async () => {
    const h = await harness();
    for (const path of ['/to-file', '/to-data', '/to-js']) {
      const view = await h.app.library.import({ kind: 'text', text: base + path });
      expect(view).toMatchObject({ verdict: 'indeterminate', format: 'hosted-url', name: expect.stringMatching(/^Badge at 127\.0\.0\.1/) });
    }
  });

  it('answering a body that never ends, or declaring a gigabyte, is cut in seconds and is no badge', async () => {
    const h = await harness();
    for (const path of ['/endless', '/gigabyte']) {
      const started = Date.now();
      const view = await h.app.library.import({ kind: 'text', text: base + path });
      expect(view).toMatchObject({ verdict: 'indeterminate', format: 'hosted-url' });
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  }, 30_000);

  it('whose content type lies is read by its bytes: a JWS said to be a PNG is the JWS', async () => {
    const h = await harness();
    expect(await h.app.library.import({ kind: 'text', text: `${base}/jws-said-png` })).toMatchObject({ verdict: 'valid', format: 'ob3.0-jwt' });
  });
});
