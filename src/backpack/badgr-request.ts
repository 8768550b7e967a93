/**
 * Requests to Badgr's v1 and v2 APIs and how their errors read (badgr-server
 * apps/entity/views.py exception_handler): v2 answers `{status: {success, description}, result,
 * fieldErrors, validationErrors}`; v1 answers DRF's bare JSON (`{detail}`, `{error}`, a list of
 * messages, `{field: [messages]}`, or a bare string).
 */
import { BackpackError, BackpackErrorCodes as C, PartialListError, serverWords } from './errors.ts';
import { answeredAt, answeredHere, bearer, errorText, isObj, MAX_ANSWER_BYTES, readText, send, statusError, upgradedLink, type ClientOptions } from './http.ts';
import { parseLinkHeader } from './link-header.ts';

/** The messages in any of Badgr's error shapes, and the first `name` (DUPLICATE_BADGE…) when there is one. */
export function badgrMessages(body: unknown): { text: string; name?: string } {
  const out: string[] = [];
  let name: string | undefined;
  const walk = (v: unknown, depth: number): void => {
    if (depth > 3 || out.length > 5) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (isObj(v)) {
      if (typeof v.name === 'string' && typeof v.description === 'string') {
        name ??= v.name;
        out.push(v.description);
        return;
      }
      // nonFieldErrors: Django REST framework's non_field_errors as badgr-server's v2 envelope camel-cases them.
      for (const k of ['error', 'detail', 'validationErrors', 'fieldErrors', 'nonFieldErrors']) if (k in v) walk(v[k], depth + 1);
      if (!out.length && isObj(v.status) && v.status.success === false && typeof v.status.description === 'string') out.push(v.status.description);
      if (!out.length) for (const [k, x] of Object.entries(v)) if (Array.isArray(x)) x.forEach((m) => typeof m === 'string' && out.push(`${k}: ${m}`));
    }
  };
  walk(body, 0);
  return { text: out.join('; '), ...(name ? { name } : {}) };
}

/** Badgr's resend limit says "in X minutes and Y seconds" in a 429 body. */
function waitFromText(text: string): number | undefined {
  const m = /(\d+)\s+minutes?\s+and\s+(\d+)\s+seconds?/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** A day: badgr-server's backoff stops at TOKEN_BACKOFF_MAXIMUM_SECONDS (an hour by default); a longer "wait" is no wait. */
const MAX_EXPIRES_SECONDS = 86_400;

/**
 * Badgr's `throttleable` backoff (apps/mainsite/utils.py), which also wraps `POST /v1/user/emails`:
 * a 429 whose body is `{error_description, error, expires}`, `expires` the wait in seconds.
 */
function waitFromExpires(body: unknown): number | undefined {
  const s = isObj(body) ? body.expires : undefined;
  return typeof s === 'number' && Number.isFinite(s) && s > 0 && s <= MAX_EXPIRES_SECONDS ? s : undefined;
}

export interface BadgrCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token: string;
  body?: unknown;
  what: string;
}

/** Sends a Badgr API call and returns the parsed body (null for an empty answer); errors become BackpackErrors. */
export async function badgrCall(opts: ClientOptions, url: string, c: BadgrCall): Promise<unknown> {
  return (await badgrExchange(opts, url, c)).body;
}

/** badgrCall, with the answer's headers and its size in UTF-16 units (for paging). */
async function badgrExchange(opts: ClientOptions, url: string, c: BadgrCall): Promise<{ body: unknown; headers: Headers; size: number; at: string }> {
  const headers: Record<string, string> = { accept: 'application/json', ...bearer(c.token) };
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  // A request with a body never follows a redirect: a 307 or 308 keeps the body (RFC 9110 §15.4.8), and the
  // address it carries went to whatever site the answer named (as badgr-password.ts never follows one).
  const res = await send(opts, url, { method: c.method ?? 'GET', headers, ...(c.body !== undefined ? { body: JSON.stringify(c.body), redirect: 'error' as const } : {}) });
  answeredHere(res, url, c.what);
  // A success is read whole (up to MAX_ANSWER_BYTES, else PROTOCOL); an error only for its message.
  const text = res.ok ? await readText(res, c.what) : await errorText(res, c.what);
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      if (res.ok) throw new BackpackError(C.PROTOCOL, `${c.what}: Badgr did not answer JSON`, { status: res.status });
      body = text.slice(0, 200);
    }
  }
  // The v2 envelope's own word over the HTTP status (BaseSerializerV2.response_envelope): a 2xx whose
  // `status.success` is false is its error answer (`result: []`), which a listing read as "no badges".
  if (res.ok && isObj(body) && isObj(body.status) && body.status.success === false) {
    const said = badgrMessages(body).text;
    throw new BackpackError(C.REJECTED, `${c.what} was refused${said ? `: ${serverWords(said)}` : ''}`, { status: res.status });
  }
  if (res.ok) return { body, headers: res.headers, size: text.length, at: answeredAt(res, url) };
  const { text: said, name } = badgrMessages(body);
  const err = statusError(res, c.what, said || undefined, name);
  if (err.code === C.THROTTLED && err.retryAfterSeconds === undefined) {
    const wait = waitFromText(said) ?? waitFromExpires(body);
    if (wait !== undefined) throw new BackpackError(C.THROTTLED, err.message, { status: 429, retryAfterSeconds: wait });
  }
  throw err;
}

const resultOf = (body: unknown, what: string): unknown[] => {
  if (!isObj(body) || !Array.isArray(body.result)) throw new BackpackError(C.PROTOCOL, `${what}: the answer is not Badgr's {status, result} envelope`);
  return body.result;
};

/** v2 results: the `result` array of the envelope. */
export async function badgrV2(opts: ClientOptions, url: string, c: BadgrCall): Promise<unknown[]> {
  return resultOf(await badgrCall(opts, url, c), c.what);
}

/** More pages than any backpack holds: a server that keeps answering "next" is broken. */
export const MAX_BADGR_PAGES = 500;

/**
 * A listing as a whole, however many pages: as much as one answer may be (http.ts MAX_ANSWER_BYTES,
 * what the open-source Badgr's one-page listing is held to), and no more badges than a sync handles in
 * a run (background/services/sync-bound.ts MAX_BADGES). Each page alone was bounded, but the pages
 * were gathered before any badge was handled: 500 pages of 32 MB each held in the worker, and every
 * entry then handled in one run. The sync now reads the backpack a page at a time (badgrV2Page, its
 * next link the run's cursor, bounded by sync-bound.ts); a whole list is still read for the rest.
 */
export const MAX_BADGR_LIST_BYTES = MAX_ANSWER_BYTES;
export const MAX_BADGR_ENTRIES = 10_000;
const pastEntries = (what: string) => `${what}: Badgr listed more than ${MAX_BADGR_ENTRIES} badges: Lanyard kept those read up to there and stopped`;

/** One page of a v2 list: its results, the next page's address, or why the listing cannot go on past it. */
export interface BadgrPage {
  result: unknown[];
  next?: string;
  stop?: BackpackError;
  /** The answer's size in UTF-16 units. */
  size: number;
}

/**
 * One page of a v2 list. Badgr's open-source backpack lists answer in one page, but its paginated
 * serializers add `pagination: {hasNext, nextResults}` to the envelope and its cursor pagination a
 * `Link: <…>; rel="next"` header (mainsite/pagination.py); a next page is followed on the same
 * origin only (the token goes nowhere else), never to the page itself.
 */
export async function badgrV2Page(opts: ClientOptions, url: string, c: BadgrCall): Promise<BadgrPage> {
  const { body, headers, size, at } = await badgrExchange(opts, url, c);
  const result = resultOf(body, c.what);
  // One answer holds no more than a whole listing may: the sync hands a page to the run whole and bounds a run
  // (sync-bound.ts) only where it follows a next link, which a one-page listing has none of (review47).
  if (result.length > MAX_BADGR_ENTRIES) return { result: result.slice(0, MAX_BADGR_ENTRIES), size, stop: new BackpackError(C.PROTOCOL, pastEntries(c.what)) };
  let next: string | undefined;
  try {
    // Its relative addresses read against where it was answered (RFC 3986 §5.1.3), after a redirect within the site.
    next = nextPage(body, headers, at);
  } catch (e) {
    if (e instanceof BackpackError) return { result, size, stop: e };
    throw e;
  }
  if (!next) return { result, size };
  if (new URL(next).origin !== new URL(url).origin) return { result, size, stop: new BackpackError(C.PROTOCOL, `${c.what}: Badgr's next page is on another site (${new URL(next).origin}); Lanyard does not send your sign-in there`) };
  if (next === url) return { result, size, stop: new BackpackError(C.PROTOCOL, `${c.what}: Badgr sent the same page twice`) };
  return { result, size, next };
}

/** A v2 list, every page of it (badgrV2Page), never twice to one page. */
export async function badgrV2List(opts: ClientOptions, url: string, c: BadgrCall): Promise<unknown[]> {
  const seen = new Set<string>();
  const out: unknown[] = [];
  let size = 0;
  const stop = (message: string) => new PartialListError(out, new BackpackError(C.PROTOCOL, message));
  for (let next: string | undefined = url; next; ) {
    if (seen.has(next)) throw stop(`${c.what}: Badgr sent the same page twice`);
    if (seen.size >= MAX_BADGR_PAGES) throw stop(`${c.what}: Badgr sent more than ${MAX_BADGR_PAGES} pages`);
    seen.add(next);
    const page = await badgrV2Page(opts, next, c);
    const room = MAX_BADGR_ENTRIES - out.length;
    out.push(...page.result.slice(0, room));
    size += page.size;
    const tooMany = () => stop(pastEntries(c.what));
    if (page.result.length > room) throw tooMany();
    if (page.stop) throw new PartialListError(out, page.stop);
    next = page.next;
    if (next && out.length >= MAX_BADGR_ENTRIES) throw tooMany();
    if (next && size >= MAX_BADGR_LIST_BYTES) throw stop(`${c.what}: Badgr's pages come to more than ${Math.round(MAX_BADGR_LIST_BYTES / 1024)} KB: Lanyard kept the badges read up to there and stopped`);
  }
  return out;
}

function nextPage(body: unknown, headers: Headers, current: string): string | undefined {
  const p = isObj(body) && isObj(body.pagination) ? body.pagination : undefined;
  const fromBody = p && p.hasNext !== false && typeof p.nextResults === 'string' && p.nextResults ? p.nextResults : undefined;
  const target = fromBody ?? parseLinkHeader(headers.get('link'), current).get('next');
  // More follow, but no address for them (get_page_info writes nextResults whenever hasNext): not the whole list.
  if (!target && p?.hasNext === true) throw new BackpackError(C.PROTOCOL, 'Badgr says more badges follow but gives no address for them: Lanyard kept the badges read up to there and stopped');
  if (!target) return undefined;
  try {
    return upgradedLink(new URL(target, current).toString(), current);
  } catch {
    throw new BackpackError(C.PROTOCOL, 'Badgr sent a next page that is not a URL');
  }
}
