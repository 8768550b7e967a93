/**
 * Pages at their real https URLs in Firefox: a local intercepting proxy. Firefox's profile points
 * `network.proxy.ssl` at it (`proxyPrefs`); for a CONNECT to a host we serve, the proxy answers
 * "200 Connection Established", terminates TLS itself with a self-signed certificate made at test
 * time by the openssl CLI (SANs: the served hosts; the Marionette session's `acceptInsecureCerts`
 * accepts it), and hands the decrypted stream to an in-process HTTP server that answers from the
 * test's handler. Every other CONNECT is refused (no network). 127.0.0.1 is not proxied
 * (Firefox never proxies loopback unless `network.proxy.allow_hijacking_localhost`), so the test
 * backpack stays direct.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket, createSecureContext } from 'node:tls';

export interface Served {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}
/** Answers a request to a served host: a page, a full response, or null for 404. */
export type Handler = (url: URL, req: IncomingMessage) => string | Served | null;

export interface Proxy {
  port: number;
  /** Every URL asked of a served host, in order. */
  seen: string[];
  /** CONNECT targets refused (hosts not served). */
  refused: string[];
  close(): Promise<void>;
}

function certificate(hosts: string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-proxy-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=Lanyard test proxy',
      '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    ], { stdio: 'ignore' });
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the proxy on 127.0.0.1 (a free port) for `hosts` (https, port 443), answering with `handler`. */
export async function startProxy(hosts: string[], handler: Handler): Promise<Proxy> {
  const secureContext = createSecureContext(certificate(hosts));
  const seen: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<Socket>();

  // The decrypted side: an ordinary HTTP server that never listens, fed the TLS sockets.
  const inner: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    seen.push(url.href);
    let answer: string | Served | null;
    try {
      answer = handler(url, req);
    } catch (e) {
      answer = { status: 500, contentType: 'text/plain', body: String(e) };
    }
    const r: Served = answer === null ? { status: 404, body: '' } : typeof answer === 'string' ? { body: answer } : answer;
    res.writeHead(r.status ?? 200, { 'content-type': r.contentType ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...r.headers });
    res.end(r.body);
  });

  const outer = createServer((_req, res) => {
    // Plain-http proxy requests: none expected (the prefs proxy https only).
    res.writeHead(502).end();
  });
  outer.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  outer.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    socket.on('error', () => undefined);
    if (!host || !hosts.includes(host) || (port ?? '443') !== '443') {
      refused.push(req.url ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    const tls = new TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
    tls.on('error', () => undefined);
    inner.emit('connection', tls);
  });

  await new Promise<void>((resolve) => outer.listen(0, '127.0.0.1', resolve));
  const port = (outer.address() as AddressInfo).port;
  return {
    port,
    seen,
    refused,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => outer.close(() => resolve()));
      inner.close();
    },
  };
}

/** Firefox preferences that send https through the proxy (and nothing else). */
export function proxyPrefs(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    // Google's hosts are pinned in Firefox's static pin list; the test certificate is local.
    'security.cert_pinning.enforcement_level': 0,
  };
}
