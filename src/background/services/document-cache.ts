/**
 * HTTP caching (RFC 9111) of the documents the verifier fetches: issuer profiles, keys, badge
 * classes, revocation and status lists. A fresh copy (max-age, Expires) is served from IndexedDB;
 * a stale one with a validator is revalidated (If-None-Match / If-Modified-Since, 304); `no-store`
 * is never kept. Only JSON-ish answers to the engine's JSON requests are kept: images are not, and
 * neither is an answer that was redirected. At most MAX_DOCUMENTS are
 * kept, MAX_STORED_BYTES in all, for at most MAX_AGE_MS, the oldest going first; hover's and the user's own are
 * counted apart.
 *
 * A partition keeps documents apart: hover verification passes the top-level site of the page
 * (issue 12 point 8), so a page cannot learn from the absence of a fetch to a server it controls
 * that the user verified the same document elsewhere (the user's own syncs and imports use none).
 */
import { httpDate, oneHttpDate } from '../../core/http-date.ts';
import { JSON_ACCEPT, type Fetch } from '../../core/verify/context.ts';
import { bytesResponse, takeBytes } from '../../core/verify/read-body.ts';
import type { Store } from '../../platform/db.ts';
import type { DocumentRecord } from '../../platform/records.ts';

const MAX_BYTES = 1024 * 1024;
/** At most this many documents are kept, and none longer than MAX_AGE_MS; checked every PRUNE_EVERY writes. */
export const MAX_DOCUMENTS = 300;
export const MAX_AGE_MS = 7 * 24 * 3600_000;
/**
 * The most bytes kept of hover's documents, and of the user's own (attack32): a page allowed for hover names
 * documents of up to MAX_BYTES each, fresh for a week, and 300 of them were 300 MB on disk, all read again at
 * each prune. Real documents are a few KB (profiles, keys, badge classes), a status or revocation list rarely
 * more than a few hundred.
 */
export const MAX_STORED_BYTES = 16 * 1024 * 1024;
const PRUNE_EVERY = 20;
const CACHEABLE_TYPE = /json|text\/plain/i;

/**
 * When a response stops being fresh (ms since the epoch), from Cache-Control or Expires. Expires is an
 * HTTP-date in one of the three forms RFC 9110 §5.6.7 has recipients read (core/http-date.ts, never
 * `Date.parse`'s guesses), and anything else, "0" above all, is "already expired" (RFC 9111 §5.3). Its
 * lifetime is Expires minus the answer's `Date`, the server's clock (§4.2.1), or minus `now` without one.
 */
export function freshUntil(headers: Headers, now: number): number | 'no-store' {
  const cc = (headers.get('cache-control') ?? '').toLowerCase();
  if (/(^|,)\s*no-store\b/.test(cc)) return 'no-store';
  if (/(^|,)\s*no-cache\b/.test(cc)) return now;
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/.exec(cc);
  if (maxAge) return now + Number(maxAge[1]) * 1000;
  const expires = oneHttpDate(headers.get('expires'));
  if (Number.isNaN(expires)) return now;
  const date = httpDate(headers.get('date'));
  return Math.max(now, now + expires - (Number.isNaN(date) ? now : date));
}

function toResponse(d: DocumentRecord): Response {
  return bytesResponse(d.bytes.slice() as Uint8Array<ArrayBuffer>, { status: d.status, headers: { 'content-type': d.contentType } });
}

/**
 * Drops documents stored more than MAX_AGE_MS ago, then the oldest beyond MAX_DOCUMENTS or MAX_STORED_BYTES: hover's
 * (kept under a page's site: their key holds a space, documentKey) and the user's own apart, so that a page's badges
 * never push out the documents of the user's own syncs and imports (attack32).
 */
export async function pruneDocuments(store: Store<DocumentRecord>, now: number): Promise<void> {
  const docs = (await store.all()).sort((a, b) => a.storedAt - b.storedAt);
  for (const group of [docs.filter((d) => d.url.includes(' ')), docs.filter((d) => !d.url.includes(' '))]) {
    for (const d of overLimits(group, now)) await store.delete(d.url);
  }
}

/**
 * What a record keeps: its body, and the strings beside it, which a hostile server fills as it likes (review32): the
 * key (a URL a badge names), the type and the validators kept to revalidate with, up to the browser's limit on header
 * lines (256 KB in Chromium). Header values are byte strings (Fetch §2.2), one unit a byte.
 */
const keptSize = (d: DocumentRecord): number => d.bytes.length + d.url.length + d.contentType.length + (d.etag?.length ?? 0) + (d.lastModified?.length ?? 0);

/** The documents of one group (oldest first) past MAX_AGE_MS, MAX_DOCUMENTS or MAX_STORED_BYTES. */
function overLimits(docs: DocumentRecord[], now: number): DocumentRecord[] {
  const old = docs.filter((d) => d.storedAt + MAX_AGE_MS <= now).length;
  // The newest that fit in MAX_STORED_BYTES are kept: `fit` counts them from the newest back.
  let bytes = 0;
  let fit = 0;
  while (fit < docs.length && (bytes += keptSize(docs[docs.length - 1 - fit]!)) <= MAX_STORED_BYTES) fit++;
  return docs.slice(0, Math.max(old, docs.length - MAX_DOCUMENTS, docs.length - fit));
}

/** The key a document is kept under: the URL, after the partition (a space never occurs in a URL). */
export const documentKey = (url: string, partition = ''): string => (partition ? `${partition} ${url}` : url);

/**
 * Writes to each store since it was last pruned, whichever caching fetch made them (attack32): hover verification
 * makes one caching fetch per verification (verifier.ts), and a count of its own pruned, reading every stored
 * document, at the first write of each.
 */
const writesTo = new WeakMap<Store<DocumentRecord>, number>();

export function createCachingFetch(inner: Fetch, store: Store<DocumentRecord>, now: () => number = Date.now, partition = ''): Fetch {
  const put = async (record: DocumentRecord): Promise<void> => {
    await store.put(record);
    const writes = writesTo.get(store) ?? 0;
    writesTo.set(store, writes + 1);
    if (writes % PRUNE_EVERY === 0) await pruneDocuments(store, now());
  };
  return async (url, init) => {
    const accept = init?.headers?.accept;
    if (accept !== undefined && accept !== JSON_ACCEPT) return inner(url, init);
    const key = documentKey(url, partition);
    const cached = await store.get(key).catch(() => undefined);
    if (cached && cached.freshUntil > now() && cached.storedAt + MAX_AGE_MS > now()) return toResponse(cached);
    const headers: Record<string, string> = { ...init?.headers };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const res = await inner(url, { ...init, headers });
    if (res.status === 304 && cached) {
      const fresh = freshUntil(res.headers, now());
      await put({ ...cached, freshUntil: fresh === 'no-store' ? 0 : Math.min(fresh, now() + MAX_AGE_MS), storedAt: now() }).catch(() => undefined);
      return toResponse(cached);
    }
    if (res.status !== 200) return res;
    // A redirected answer is never kept under the URL asked for: one from elsewhere is not that URL's, and
    // one rebuilt from the store would lose where it ended (fetch-once.ts finalUrl, hosted-scope.ts landedInScope).
    if (res.redirected) return res;
    const fresh = freshUntil(res.headers, now());
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    const contentType = res.headers.get('content-type') ?? '';
    const worthKeeping = fresh !== 'no-store' && (fresh > now() || etag || lastModified) && CACHEABLE_TYPE.test(contentType);
    if (!worthKeeping) return res;
    const bytes = takeBytes(res) ?? new Uint8Array(await res.arrayBuffer());
    const record: DocumentRecord = { url: key, status: 200, contentType, bytes, freshUntil: Math.min(fresh, now() + MAX_AGE_MS), storedAt: now(), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (bytes.length <= MAX_BYTES) await put(record).catch(() => undefined);
    return toResponse(record);
  };
}
