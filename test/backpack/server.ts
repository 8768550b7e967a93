/**
 * The Lanyard test backpack: a Badgr / Canvas Credentials v2 API, the Open Badges 3.0 API and
 * OB 2.1 Badge Connect on one `node:http` server, with real badges signed at start against its own
 * base URL. `startBackpack({ port: 0 })` runs it in-process on a free port for tests; `npm run
 * backpack` runs it on 127.0.0.1:8787 (test/backpack/main.ts).
 */
import { HOSTILE_VALUES } from '../fixtures/hostile/corpus.ts';
import { seedHostile } from './hostile-seed.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { badgeConnectRoutes } from './api/badge-connect.ts';
import { badgrBackpackRoutes } from './api/badgr-backpack.ts';
import { badgrImportRoutes } from './api/badgr-import.ts';
import { badgrPasswordRoutes } from './api/badgr-password.ts';
import { BADGR_SCOPES, badgrTokenRoutes } from './api/badgr-token.ts';
import { badgrUserRoutes } from './api/badgr-user.ts';
import { oauthAuthorizeRoutes } from './api/oauth-authorize.ts';
import { oauthRegisterRoutes } from './api/oauth-register.ts';
import { oauthTokenRoutes } from './api/oauth-token.ts';
import { ob3ApiRoutes } from './api/ob3-api.ts';
import { publicOb2Routes } from './api/public-ob2.ts';
import { publicOb3Routes } from './api/public-ob3.ts';
import { Control } from './control.ts';
import { json, notFound, serverError, type Reply, type Req } from './http/io.ts';
import { Router } from './http/router.ts';
import { seed } from './seed.ts';
import { BackpackState } from './state.ts';
import { Urls } from './urls.ts';

export interface BackpackOptions {
  /** 0 picks a free port (default 8787 from the CLI, 0 here). */
  port?: number;
  /** Extra generated badges for Ada (each an OB 2.0 hosted badge and an OB 3.0 VC-JWT). */
  badges?: number;
  /** The `badges` are one each of OB 2.0 hosted, OB 2.0 signed, VC-JWT and Data Integrity in turn (seed.ts). */
  mix?: boolean;
  /** Every answer waits this long. */
  delayMs?: number;
  /** Failed password grants before Badgr's login backoff starts (Badgr itself: 1). Default 3. */
  loginAttempts?: number;
  /** Send permissive CORS headers (Badgr allows only its own UI origins; off by default). */
  cors?: boolean;
  /** Add Mallory's account of hostile badges (hostile-seed.ts): the corpus, or these values. */
  hostile?: boolean | readonly string[];
}

export interface Backpack {
  baseUrl: string;
  control: Control;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

function routes(state: BackpackState, opts: BackpackOptions): Router {
  const router = new Router();
  const throttle = { attempts: opts.loginAttempts ?? 3, periodSeconds: 2 };
  badgrTokenRoutes(router, state, throttle);
  badgrUserRoutes(router, state, throttle);
  badgrPasswordRoutes(router, state);
  badgrBackpackRoutes(router, state);
  badgrImportRoutes(router, state);
  publicOb2Routes(router, state);
  publicOb3Routes(router, state);
  oauthRegisterRoutes(router, state);
  oauthAuthorizeRoutes(router, state);
  oauthTokenRoutes(router, state);
  ob3ApiRoutes(router, state);
  badgeConnectRoutes(router, state);
  return router;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

async function dispatch(router: Router, r: Req): Promise<Reply> {
  const m = router.match(r.method, r.path);
  if (!m) return notFound();
  if ('methodNotAllowed' in m) return json(405, { detail: `Method "${r.method}" not allowed.` }, { allow: m.methodNotAllowed.join(', ') });
  r.params = m.params;
  try {
    return await m.handler(r);
  } catch (e) {
    console.error('test backpack: handler failed', e);
    return serverError();
  }
}

export async function startBackpack(opts: BackpackOptions = {}): Promise<Backpack> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state = new BackpackState(new Urls(baseUrl));
  state.clients.set('public', { clientId: 'public', metadata: { client_name: 'Badgr' }, redirectUris: [], scope: BADGR_SCOPES, grantTypes: ['password', 'refresh_token'], issuedAt: 0 });
  await seed(state, opts.badges ?? 0, opts.mix ?? false);
  if (opts.hostile) seedHostile(state, opts.hostile === true ? HOSTILE_VALUES : opts.hostile);
  const control = new Control(state, opts.delayMs ?? 0);
  const router = routes(state, opts);
  const cors = opts.cors
    ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type', 'access-control-expose-headers': 'link, x-total-count' }
    : {};

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', baseUrl);
    const body = await readBody(req);
    const r: Req = { method: req.method ?? 'GET', url, path: url.pathname, headers: req.headers, params: {}, body: body ?? Buffer.alloc(0), ip: req.socket.remoteAddress ?? '' };
    // A connection closed before the answer began: the client went away (an aborted fetch), or a planned drop.
    res.once('close', () => void (res.headersSent || control.abandoned.push(r.path)));
    const planned = await control.before(r);
    if (planned === 'drop') {
      control.requests.push({ method: r.method, path: r.path, status: 0 });
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    if (body === null) reply = json(413, { detail: 'Request body too large.' });
    else if (planned) reply = planned;
    else if (r.method === 'OPTIONS' && opts.cors) reply = { status: 204, headers: { 'access-control-allow-methods': 'GET, POST, PUT, DELETE' }, body: '' };
    else reply = await dispatch(router, r);
    control.requests.push({ method: r.method, path: r.path, status: reply.status, search: url.search, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}), ...(req.headers.referer ? { referer: req.headers.referer } : {}) });
    if (res.destroyed) return;
    if (control.answerDropped(r)) {
      req.socket.destroy();
      return;
    }
    // RFC 9110 §6.6.1: an origin server with a clock MUST send Date, from that clock (the backpack's, which tests move).
    res.writeHead(reply.status, { date: new Date(state.now()).toUTCString(), ...cors, ...reply.headers, ...control.extraHeaders });
    const bodyHold = control.bodyHold(r);
    if (bodyHold) {
      res.flushHeaders();
      await bodyHold;
      if (res.destroyed) return;
    }
    res.end(r.method === 'HEAD' ? undefined : reply.body);
  };
  // A client that goes away mid-request (an aborted fetch, a killed service worker) is not an error.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void handle(req, res).catch(() => res.destroy()));

  return {
    baseUrl,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        control.resume();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// scripts/start.mjs runs this file directly: behave like `npm run backpack`. No top-level await:
// cli.ts imports this module, which must finish evaluating first.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./cli.ts').then((m) => m.runCli(process.argv.slice(2)));
}
