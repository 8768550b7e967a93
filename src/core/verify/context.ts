/**
 * What a verification may use from the outside world: every fetch and the
 * clock come in as parameters (DESIGN.md "All I/O and time come in as parameters").
 */
import { ErrorCodes, FetchError } from '../errors.ts';
import { fetchOnce, jsonOf } from './fetch-once.ts';

/** The subset of WHATWG fetch the engine uses. The CLI, the extension and tests each pass their own. */
export type Fetch = (url: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

export type UserIdentityType = 'email' | 'url' | 'telephone' | 'id';

/** One of the user's own identities (a verified e-mail address, usually). */
export interface UserIdentity {
  type: UserIdentityType;
  value: string;
}

/** A cache for facts that do not depend on time or on the user (a signature verified, a key bound). */
export interface FactCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface VerifyOptions {
  /** Absent: every fetch is unreachable. */
  fetch?: Fetch;
  /** The evaluation time. */
  now: Date;
  /** The user's identities; a bare string is an e-mail address when it holds an `@`, a URL when it starts with http(s), else an id. */
  identities?: readonly (string | UserIdentity)[];
  keyCache?: FactCache;
  /**
   * The verification's deadline: when it aborts (the caller's AbortSignal.timeout(), or its own
   * clock), every fetch still running or not yet started fails, and the checks that needed one are
   * `indeterminate`. Time stays outside the engine: the caller owns the timer.
   */
  signal?: AbortSignal;
  /** The most documents one verification fetches (default DEFAULT_MAX_FETCHES); memoised reads do not count. */
  maxFetches?: number;
  /** The most bytes one verification reads, all documents together (default DEFAULT_MAX_BYTES); memoised reads do not count again. */
  maxBytes?: number;
}

/**
 * A badge needs a handful of documents (assertion, badge class, issuer, key, status list, and up
 * to 32 embedded endorsements' keys); an issuer that makes it fetch more is stopped here.
 */
export const DEFAULT_MAX_FETCHES = 50;

/**
 * Each document is capped (fetch-once.ts, the extension's host fetch), but 50 of them are not: a
 * verification holds every document it read until it ends. A genuine badge's documents come to well
 * under 1 MB (the largest in test/fixtures/real, a baked image, is under 400 KB); 32 MB leaves room
 * for a few baked images at their cap. Hover verification asks for less (verifier.ts).
 */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export interface FetchedDocument {
  /** The URL asked for (the engine does not trust redirects to change identities). */
  url: string;
  /**
   * Where the answer came from: `url`, or where its redirects ended (fetch-once.ts follows them on the
   * same site only: the same origin, or the same host moved from http to https). Whether the answer
   * arrived over TLS is read from it (ob2-hosted.ts: a hosted copy read over plain http).
   */
  finalUrl: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

export interface VerifyContext {
  now: Date;
  identities: UserIdentity[];
  keyCache: FactCache | undefined;
  /** GET a document (any content). Throws FetchError (unreachable) only; any HTTP status is returned. */
  fetchDocument(url: string, accept?: string): Promise<FetchedDocument>;
  /** GET a JSON document; throws FetchError for unreachable, non-2xx (with status) or unparseable JSON. */
  fetchJson(url: string): Promise<Record<string, unknown>>;
}

/**
 * No `*\/*`: badgr-server (Badgr, Canvas Credentials; apps/issuer/public_api.py JSONComponentView
 * is_requesting_html) sends the public assertion, badge class and issuer to its web app, an HTML
 * page on another host, whenever the Accept header merely contains `*\/*` or `text/html`, whatever
 * its q-values: a hosted badge asked for with `*\/*;q=0.1` could never be verified there.
 */
export const JSON_ACCEPT = 'application/ld+json, application/json;q=0.9';

/**
 * A badge at its URL, as JSON or as a baked image (OB 2.0 §HostedBadge: the hosted copy may be
 * either), JSON preferred. One Accept for the URL a user gives (pipeline.ts) and for the hosted
 * check of the id (ob2-hosted.ts): when they are the same URL, the verification's document cache
 * answers the second from the first, and the issuer's server is asked once.
 */
export const BADGE_ACCEPT = 'application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8';

export function toUserIdentity(v: string | UserIdentity): UserIdentity {
  if (typeof v !== 'string') return v;
  if (v.startsWith('mailto:')) return { type: 'email', value: v.slice(7) };
  if (v.includes('@') && !v.includes(':')) return { type: 'email', value: v };
  if (/^https?:\/\//i.test(v)) return { type: 'url', value: v };
  if (/^tel:|^\+?[0-9 ()-]{6,}$/.test(v)) return { type: 'telephone', value: v };
  return { type: 'id', value: v };
}

const short = (url: string): string => (url.length > 120 ? `${url.slice(0, 117)}\u2026` : url);

const tooMuch = (url: string, max: number): FetchError =>
  new FetchError(ErrorCodes.BUDGET_EXCEEDED, `${short(url)} was not read: this badge's documents would pass ${+(max / 1048576).toFixed(1)} MB, the most one verification reads`);

const outOfTime = (url: string): FetchError =>
  new FetchError(ErrorCodes.BUDGET_EXCEEDED, `${short(url)} was not fetched: the verification ran out of time (the issuer's server is too slow)`);

/** The fetch, or a rejection as soon as the signal aborts (a fetch that ignores its signal cannot hold the verification). */
function raceDeadline<T>(p: Promise<T>, signal: AbortSignal | undefined, url: string): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    // The fetch already started goes on; its own end, a rejection too, is no one's to handle.
    p.catch(() => undefined);
    return Promise.reject(outOfTime(url));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(outOfTime(url));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Builds the per-verification context: fetches are memoised so a document is read once per
 * verification, counted against maxFetches and maxBytes, and cut off by the signal (the deadline).
 */
export function createContext(opts: VerifyOptions): VerifyContext {
  const docs = new Map<string, Promise<FetchedDocument>>();
  const doFetch = opts.fetch;
  const max = opts.maxFetches ?? DEFAULT_MAX_FETCHES;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let fetches = 0;
  let bytesRead = 0;
  // Methods of one object (no closures bound to names: one verification makes one context).
  const ctx: VerifyContext = {
    now: opts.now,
    identities: opts.identities ? opts.identities.map(toUserIdentity) : [],
    keyCache: opts.keyCache,
    fetchDocument(url: string, accept = JSON_ACCEPT): Promise<FetchedDocument> {
      const key = `${accept} ${url}`;
      let p = docs.get(key);
      if (p) return p;
      if (opts.signal?.aborted) return Promise.reject(outOfTime(url));
      if (fetches >= max) {
        return Promise.reject(new FetchError(ErrorCodes.BUDGET_EXCEEDED, `${short(url)} was not fetched: this badge already made Lanyard fetch ${max} documents, the most one verification may`));
      }
      if (bytesRead >= maxBytes) return Promise.reject(tooMuch(url, maxBytes));
      fetches++;
      // Counted once read: the document that passes the budget is dropped, and nothing more is fetched.
      const read = fetchOnce(doFetch, url, accept, opts.signal).then((d) => {
        bytesRead += d.bytes.length;
        if (bytesRead > maxBytes) throw tooMuch(url, maxBytes);
        return d;
      });
      p = raceDeadline(read, opts.signal, url);
      docs.set(key, p);
      return p;
    },
    async fetchJson(url: string): Promise<Record<string, unknown>> {
      return jsonOf(await ctx.fetchDocument(url));
    },
  };
  return ctx;
}
