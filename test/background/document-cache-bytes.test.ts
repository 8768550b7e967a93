/**
 * The document store against a page allowed for hover (attack32): every hovered badge's documents are kept
 * under the page's site (document-cache.ts), and a hostile page's badges can name documents of up to 1 MB each,
 * fresh for a week. What the store keeps is bounded in bytes, not only in count, a page's documents apart from the
 * user's own (which they no longer push out), and pruning (which reads every
 * stored document) runs every PRUNE_EVERY writes to the store, not at the first write of each verification.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCachingFetch, MAX_DOCUMENTS, MAX_STORED_BYTES, pruneDocuments } from '../../src/background/services/document-cache.ts';
import { JSON_ACCEPT } from '../../src/core/verify/context.ts';
import { openDb } from '../../src/platform/db.ts';
import type { Store } from '../../src/platform/db.ts';
import type { DocumentRecord } from '../../src/platform/records.ts';

let n = 0;
const WEEK = 'max-age=604800';
/** A JSON document just under the 1 MB a single document may be kept at. */
const big = (i: number) => new Response(JSON.stringify({ i, pad: 'x'.repeat(1024 * 1024 - 64) }), { headers: { 'content-type': 'application/json', 'cache-control': WEEK } });
const sum = (docs: DocumentRecord[]) => docs.reduce((t, d) => t + d.bytes.length, 0);

describe('the document store a hovered page fills', () => {
  it(`keeps at most MAX_STORED_BYTES (${MAX_STORED_BYTES / 1048576} MB) of a hovered page’s documents, the newest first: 40 documents of 1 MB from one page are not all kept for a week`, async () => {
    expect(MAX_STORED_BYTES).toBeLessThanOrEqual(16 * 1024 * 1024);
    const db = await openDb({ name: `doc-bytes-${n++}` });
    let now = 1_000_000;
    const f = createCachingFetch(async (url) => big(Number(url.split('/').pop())), db.documents, () => now, 'site:https://evil.example');
    for (let i = 0; i < 40; i++) {
      now += 1;
      await f(`https://evil.example/doc/${i}`, { headers: { accept: JSON_ACCEPT } });
    }
    await pruneDocuments(db.documents, now);
    const kept = await db.documents.all();
    expect(sum(kept)).toBeLessThanOrEqual(MAX_STORED_BYTES);
    expect(kept.map((d) => d.url)).toContain('site:https://evil.example https://evil.example/doc/39');
    expect(kept.map((d) => d.url)).not.toContain('site:https://evil.example https://evil.example/doc/0');
  }, 60_000);

  it('counts what a record keeps besides its body (its key, validators and type) in MAX_STORED_BYTES: 40 documents of 2 bytes with a 512 KB ETag are not 20 MB kept', async () => {
    // A hostile server's header lines are its own to fill (Chromium takes up to 256 KB of them per answer), and the
    // ETag and Last-Modified are kept to revalidate with: counted by their body alone, each such record was free.
    const db = await openDb({ name: `doc-bytes-${n++}` });
    let now = 1_000_000;
    const tag = `"${'e'.repeat(512 * 1024)}"`;
    const f = createCachingFetch(async () => new Response('{}', { headers: { 'content-type': 'application/json', 'cache-control': WEEK, etag: tag } }), db.documents, () => now, 'site:https://evil.example');
    for (let i = 0; i < 40; i++) {
      now += 1;
      await f(`https://evil.example/tag/${i}`, { headers: { accept: JSON_ACCEPT } });
    }
    await pruneDocuments(db.documents, now);
    const kept = await db.documents.all();
    const whole = kept.reduce((t, d) => t + d.bytes.length + d.url.length + d.contentType.length + (d.etag?.length ?? 0) + (d.lastModified?.length ?? 0), 0);
    expect(whole).toBeLessThanOrEqual(MAX_STORED_BYTES);
    expect(kept.map((d) => d.url)).toContain('site:https://evil.example https://evil.example/tag/39');
  }, 60_000);

  it('reads the whole store once for 10 hover verifications that each keep one document (a caching fetch each), not once per verification', async () => {
    const db = await openDb({ name: `doc-bytes-${n++}` });
    let reads = 0;
    const counted: Store<DocumentRecord> = { ...db.documents, all: () => (reads++, db.documents.all()) };
    const small = () => new Response('{"v":1}', { headers: { 'content-type': 'application/json', 'cache-control': WEEK } });
    for (let i = 0; i < 10; i++) {
      // As verifier.ts makes one for each hover verification, under the page's site.
      const f = createCachingFetch(async () => small(), counted, () => 1_000_000 + i, `site:https://page${i}.example`);
      await f(`https://issuer.example/doc/${i}`, { headers: { accept: JSON_ACCEPT } });
    }
    expect(await db.documents.all()).toHaveLength(10);
    expect(reads).toBeLessThanOrEqual(1);
  });

  it('a hovered page’s documents never push out the user’s own (kept without a partition): not by their number, nor by their size', async () => {
    const db = await openDb({ name: `doc-bytes-${n++}` });
    let now = 1_000_000;
    const own = createCachingFetch(async () => new Response('{"own":1}', { headers: { 'content-type': 'application/json', 'cache-control': WEEK } }), db.documents, () => now);
    for (let i = 0; i < 5; i++) await own(`https://issuer.example/own/${i}`, { headers: { accept: JSON_ACCEPT } });
    const page = createCachingFetch(async (url) => (url.includes('/big/') ? big(0) : new Response('{"v":1}', { headers: { 'content-type': 'application/json', 'cache-control': WEEK } })), db.documents, () => now, 'site:https://evil.example');
    for (let i = 0; i < MAX_DOCUMENTS + 10; i++) {
      now += 1;
      await page(`https://evil.example/doc/${i}`, { headers: { accept: JSON_ACCEPT } });
    }
    for (let i = 0; i < 20; i++) {
      now += 1;
      await page(`https://evil.example/big/${i}`, { headers: { accept: JSON_ACCEPT } });
    }
    await pruneDocuments(db.documents, now);
    const urls = (await db.documents.all()).map((d) => d.url);
    for (let i = 0; i < 5; i++) expect(urls).toContain(`https://issuer.example/own/${i}`);
    expect(urls).toContain('site:https://evil.example https://evil.example/big/19');
  }, 60_000);
});
