/**
 * HTTP caching (RFC 9111) of the documents the verifier fetches: issuer profiles, keys, badge
 * classes, revocation and status lists. A fresh copy (max-age, Expires) is served from IndexedDB;
 * a stale one with a validator is revalidated (If-None-Match / If-Modified-Since, 304); `no-store`
 * is never kept. Only JSON-ish answers to the engine's JSON requests are kept: images are not.
 */
import { JSON_ACCEPT, type Fetch } from '../../core/verify/context.ts';
import type { Store } from '../../platform/db.ts';
import type { DocumentRecord } from '../../platform/records.ts';

const MAX_BYTES = 1024 * 1024;
const CACHEABLE_TYPE = /json|text\/plain/i;

/** When a response stops being fresh (ms since the epoch), from Cache-Control or Expires. */
export function freshUntil(headers: Headers, now: number): number | 'no-store' {
  const cc = (headers.get('cache-control') ?? '').toLowerCase();
  if (/(^|,)\s*no-store\b/.test(cc)) return 'no-store';
  if (/(^|,)\s*no-cache\b/.test(cc)) return now;
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/.exec(cc);
  if (maxAge) return now + Number(maxAge[1]) * 1000;
  const expires = headers.get('expires');
  const t = expires ? Date.parse(expires) : NaN;
  return Number.isNaN(t) ? now : t;
}

function toResponse(d: DocumentRecord): Response {
  return new Response(d.bytes.slice() as Uint8Array<ArrayBuffer>, { status: d.status, headers: { 'content-type': d.contentType } });
}

export function createCachingFetch(inner: Fetch, store: Store<DocumentRecord>, now: () => number = Date.now): Fetch {
  return async (url, init) => {
    const accept = init?.headers?.accept;
    if (accept !== undefined && accept !== JSON_ACCEPT) return inner(url, init);
    const cached = await store.get(url).catch(() => undefined);
    if (cached && cached.freshUntil > now()) return toResponse(cached);
    const headers: Record<string, string> = { ...init?.headers };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const res = await inner(url, { ...init, headers });
    if (res.status === 304 && cached) {
      const fresh = freshUntil(res.headers, now());
      await store.put({ ...cached, freshUntil: fresh === 'no-store' ? 0 : fresh, storedAt: now() }).catch(() => undefined);
      return toResponse(cached);
    }
    if (res.status !== 200) return res;
    const fresh = freshUntil(res.headers, now());
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    const contentType = res.headers.get('content-type') ?? '';
    const worthKeeping = fresh !== 'no-store' && (fresh > now() || etag || lastModified) && CACHEABLE_TYPE.test(contentType);
    if (!worthKeeping) return res;
    const bytes = new Uint8Array(await res.arrayBuffer());
    const record: DocumentRecord = { url, status: 200, contentType, bytes, freshUntil: fresh, storedAt: now(), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (bytes.length <= MAX_BYTES) await store.put(record).catch(() => undefined);
    return toResponse(record);
  };
}
