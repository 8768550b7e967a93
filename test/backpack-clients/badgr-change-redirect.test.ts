/**
 * A change that carries a body (an address to add, a confirmation to re-send, an address to make
 * primary) answered with a 307 or 308 to another site: the browser would follow it and send the same
 * body there (RFC 9110 §15.4.8: a 307 keeps the method and content), the token dropped but the address
 * given to a site the user never chose. The password reset never followed a redirect for that reason
 * (badgr-password.ts); a change with a body no longer does either: the other site gets nothing.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { badgrCall } from '../../src/backpack/badgr-request.ts';
import { useBackpack } from '../backpack/helpers.ts';
import { failure } from './failure.ts';

const ctx = useBackpack();

/** Another site on this machine, recording what reaches it. */
const elsewhere = { url: '', seen: [] as { method: string; body: string }[], close: () => undefined as unknown };
beforeAll(async () => {
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      elsewhere.seen.push({ method: req.method ?? '', body });
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id": 9, "email": "planted@elsewhere.example", "verified": true, "primary": true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  elsewhere.url = `http://localhost:${(server.address() as AddressInfo).port}`;
  elsewhere.close = () => server.close();
});
afterAll(() => elsewhere.close());

describe('a change with a body redirected to another site', () => {
  it.each([307, 308])('HTTP %i: not followed, the address never reaches the other site', async (status) => {
    ctx.bp.control.failNext({ path: '/v1/user/emails', status, redirectTo: `${elsewhere.url}/v1/user/emails` });
    try {
      const e = await failure(badgrCall({ fetch }, `${ctx.bp.baseUrl}/v1/user/emails`, { method: 'POST', token: 'any', body: { email: 'ada@new.example' }, what: 'Adding the address' }));
      expect(e.code).toBe(C.UNREACHABLE);
      expect(e.message).toContain('redirect');
      expect(elsewhere.seen).toEqual([]);
    } finally {
      ctx.bp.control.clearFaults();
    }
  });
});
