/**
 * The messages between the service worker and the engine running elsewhere (Chromium: a dedicated
 * worker of the offscreen document, src/platform/offscreen-engine.ts). One MessagePort carries
 * them, structured-cloned (HTML §2.7 "Safe passing of structured data"): bytes, plain objects and
 * arrays only, never functions. So what the engine's options hold as functions stays in the
 * service worker and is reached through messages: the fetch (host permissions, the document cache,
 * the private-host guard and the run's documents all remain there) and the fact cache (mirrored on
 * the engine's side, each new fact sent back to be kept).
 */
import type { UserIdentity } from '../../core/verify/context.ts';
import type { VerifyResult } from '../../core/result.ts';

/** The part of a MessagePort both ends use (a MessagePort, or one end of Node's MessageChannel in tests). */
export interface RemotePort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** An error as it crosses: its name and message (the engine's check messages quote the message). */
export interface SentError {
  name: string;
  message: string;
}

/** A fetched Response as it crosses: its body read (and capped) on the worker's side. */
export interface SentResponse {
  status: number;
  statusText: string;
  url: string;
  redirected: boolean;
  headers: [string, string][];
  bytes: Uint8Array<ArrayBuffer> | null;
}

/** Service worker → engine. */
export type ToEngine =
  | {
      t: 'verify';
      id: number;
      input: Uint8Array | string;
      now: number;
      identities?: readonly (string | UserIdentity)[];
      /** The fact cache this verification uses (an id per cache object), absent for none. */
      cache?: number;
      /** The cache's facts, sent with its first use on this connection. */
      seed?: [string, unknown][];
      maxFetches?: number;
      /** The caller gave a fetch: without one every fetch is unreachable, as in the engine. */
      canFetch: boolean;
      /** The caller passed a signal: an `abort` message may follow. */
      abortable: boolean;
    }
  | { t: 'abort'; id: number }
  | { t: 'fetched'; fetch: number; ok: true; response: SentResponse }
  | { t: 'fetched'; fetch: number; ok: false; error: SentError };

/** Engine → service worker. */
export type FromEngine =
  | { t: 'done'; id: number; ok: true; result: VerifyResult }
  | { t: 'done'; id: number; ok: false; error: SentError }
  | { t: 'fetch'; fetch: number; id: number; url: string; headers?: Record<string, string> }
  | { t: 'fact'; cache: number; key: string; value: unknown };

export const sentError = (e: unknown): SentError =>
  e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };

/** The error again, with its name and message (a TypeError stays a TypeError). */
export function receivedError({ name, message }: SentError): Error {
  const e = name === 'TypeError' ? new TypeError(message) : new Error(message);
  if (e.name !== name) e.name = name;
  return e;
}

/** The offscreen document (Chromium) that runs the engine's worker, and the two messages that hand a port over. */
export const OFFSCREEN_PAGE = 'offscreen/engine.html';
/** Page → its worker, and page → service worker: here is a port (in `ports[0]`). */
export const ENGINE_PORT = 'lanyard:engine-port';
/** Service worker → page: offer me a new port (the worker restarted and lost its own). */
export const ENGINE_CONNECT = 'lanyard:engine-connect';
