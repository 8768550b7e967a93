/**
 * One HTTP GET, no redirect followed, whose connection goes only to addresses resolved and judged
 * beforehand (src/cli/network-fetch.ts). Node's fetch cannot do that: it looks the name up again
 * to connect, and a hostile DNS server can answer a public address to the check and 127.0.0.1 to
 * the connection (DNS rebinding). Here node:http/node:https get a `lookup` that answers only the
 * addresses given, whatever the name; the request still names the host, so the Host header, TLS's
 * server name and the certificate check are the host's, not the address's.
 *
 * The answer is a web Response as Node's fetch made it: status, headers, a streamed body decoded
 * from gzip, deflate or br (the encodings fetch asked for and decoded); networkFetch sets its `url`.
 * Failures are fetch's too: a TypeError "fetch failed" whose `cause` is the socket's error
 * (map-fetch.ts networkReason words it), or the signal's reason once it aborts, during the body too.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';

export interface GetInit {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** The only addresses the connection may use (an IP literal host: itself). */
  addresses: readonly string[];
  /** Default: one keep-alive agent per scheme (its idle sockets do not keep the process alive). */
  agent?: http.Agent;
}

/** A GET as networkFetch makes it, one hop at a time. */
export type Get = (url: URL, init: GetInit) => Promise<Response>;

const familyOf = (address: string): 4 | 6 => (address.includes(':') ? 6 : 4);

/** A resolver for node:net that answers `addresses` for any name and never asks DNS. */
export function pinnedLookup(addresses: readonly string[]): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    const all = addresses.map((address) => ({ address, family: familyOf(address) })).filter((a) => !options.family || options.family === a.family);
    if (all.length === 0) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '');
    if (options.all) return callback(null, all);
    return callback(null, all[0]!.address, all[0]!.family);
  };
}

/** What Node's fetch sends besides the caller's headers (it decodes what it asks for; so does decoded() here). */
const DEFAULT_HEADERS = { 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'node' };
/** Statuses whose Response has no body (Fetch standard, "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * No proxy from the environment: where Node can use one (NODE_USE_ENV_PROXY, Node 22.21+/24.5+), the
 * proxy would look the name up again and reach whatever its own network holds. Node 20's fetch used none.
 */
const AGENT: http.AgentOptions & { proxyEnv: null } = { keepAlive: true, proxyEnv: null };
let agents: { 'http:': http.Agent; 'https:': https.Agent } | undefined;
const agentFor = (protocol: string): http.Agent => {
  agents ??= { 'http:': new http.Agent(AGENT), 'https:': new https.Agent(AGENT) };
  return protocol === 'https:' ? agents['https:'] : agents['http:'];
};

/** The body as sent, decoded from a single gzip, deflate or br coding (others are handed on as they are, as fetch does). */
function decoded(res: http.IncomingMessage): Readable {
  const coding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  // Lenient at the end, as fetch is: a stream cut short yields what it had.
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const decoder =
    coding === 'gzip' || coding === 'x-gzip' ? zlib.createGunzip(flush)
    : coding === 'deflate' ? zlib.createInflate(flush)
    : coding === 'br' ? zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
    : null;
  return decoder ? pipeline(res, decoder, () => undefined) : res;
}

function headersOf(res: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    } catch {
      // A header the Fetch standard cannot hold is left out, as fetch leaves it.
    }
  }
  return headers;
}

export const pinnedGet: Get = (url, init) =>
  new Promise<Response>((resolve, reject) => {
    const { signal } = init;
    if (signal.aborted) return reject(signal.reason);
    const streams: { destroy(e?: Error): void }[] = [];
    const stop = () => {
      for (const s of streams) s.destroy(signal.reason);
      reject(signal.reason);
    };
    const done = () => signal.removeEventListener('abort', stop);
    signal.addEventListener('abort', stop, { once: true });
    const request = url.protocol === 'https:' ? https.request : http.request;
    const req = request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { ...DEFAULT_HEADERS, ...init.headers },
      agent: init.agent ?? agentFor(url.protocol),
      lookup: pinnedLookup(init.addresses),
    });
    streams.push(req);
    req.on('error', (e) => {
      done();
      reject(signal.aborted ? signal.reason : new TypeError('fetch failed', { cause: e }));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      // Its errors reach the reader through the body stream; a body nobody reads must not throw them.
      res.on('error', () => undefined);
      let body: Readable | null = null;
      if (NULL_BODY.has(status)) res.resume();
      else body = decoded(res);
      streams.push(res, ...(body && body !== res ? [body] : []));
      (body ?? res).on('close', done);
      let response: Response;
      try {
        response = new Response(body && (Readable.toWeb(body) as ReadableStream<Uint8Array>), { status, headers: headersOf(res) });
      } catch (e) {
        res.destroy();
        done();
        return reject(new TypeError('fetch failed', { cause: e }));
      }
      resolve(response);
    });
    req.end();
  });
