/**
 * The `Expires` header of a fetched document (RFC 9111 §5.3): an HTTP-date (RFC 9110 §5.6.7: IMF-fixdate,
 * or the obsolete RFC 850 and asctime forms), and "A cache recipient MUST interpret invalid date formats,
 * especially the value "0", as representing a time in the past (i.e., "already expired")". It was read
 * with `Date.parse`, which guesses: "2030", "12/31/2099" or an ISO date became a time in the future, and a
 * revocation or status list was served from the cache, unasked, for up to MAX_AGE_MS. Its lifetime is
 * Expires minus the answer's own `Date` (§4.2.1), the server's clock, not ours.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCachingFetch, freshUntil } from '../../src/background/services/document-cache.ts';
import { JSON_ACCEPT } from '../../src/core/verify/context.ts';
import { openDb } from '../../src/platform/db.ts';

const NOW = Date.UTC(2026, 11, 7, 5, 0, 0);
const IN_A_DAY = NOW + 24 * 3600_000;
const h = (o: Record<string, string>) => new Headers(o);

describe('Expires (RFC 9111 §5.3)', () => {
  it.each(['0', '-1', 'junk', '2030', '12/31/2099', 'Dec 31 2099', '2099-01-01T00:00:00Z', 'Thu, 31 Dec 2099 00:00:00', 'Thu, 31 Dec 2099 00:00:00 PST', '4102444800', 'Thu, 31 Dec 2099 00:00:00 GMT, Fri, 01 Jan 2100 00:00:00 GMT'])('%j is invalid: already expired', (expires) => {
    expect(freshUntil(h({ expires }), NOW)).toBe(NOW);
  });

  it.each([
    ['IMF-fixdate', 'Tue, 08 Dec 2026 05:00:00 GMT'],
    ['RFC 850', 'Tuesday, 08-Dec-26 05:00:00 GMT'],
    ['asctime', 'Tue Dec  8 05:00:00 2026'],
  ])('%s: fresh until that time', (_, expires) => {
    expect(freshUntil(h({ expires }), NOW)).toBe(IN_A_DAY);
  });

  it('asctime has no zone and is GMT, whatever the local zone', () => {
    expect(freshUntil(h({ expires: 'Tue Dec  8 05:00:00 2026' }), NOW)).toBe(IN_A_DAY);
    expect(freshUntil(h({ expires: 'Tue Dec  8 05:00:00 2026' }), NOW)).toBe(freshUntil(h({ expires: 'Tue, 08 Dec 2026 05:00:00 GMT' }), NOW));
  });

  it('the lifetime is Expires minus the answer’s Date (§4.2.1): a server clock an hour behind keeps the hour it gave', () => {
    const date = 'Mon, 07 Dec 2026 04:00:00 GMT';
    expect(freshUntil(h({ date, expires: 'Mon, 07 Dec 2026 05:00:00 GMT' }), NOW)).toBe(NOW + 3600_000);
    // A Date that is no HTTP-date: the time the answer came (§4.2.1: "the time the message was received").
    expect(freshUntil(h({ date: 'yesterday', expires: 'Tue, 08 Dec 2026 05:00:00 GMT' }), NOW)).toBe(IN_A_DAY);
    // An Expires at or before Date: expired.
    expect(freshUntil(h({ date, expires: date }), NOW)).toBe(NOW);
  });

  it('max-age wins over Expires (§5.3), no-store over both', () => {
    expect(freshUntil(h({ 'cache-control': 'max-age=60', expires: 'junk' }), NOW)).toBe(NOW + 60_000);
    expect(freshUntil(h({ 'cache-control': 'no-store', expires: 'Tue, 08 Dec 2026 05:00:00 GMT' }), NOW)).toBe('no-store');
  });

  it('a document whose Expires is junk is asked for again, not served from the cache', async () => {
    const db = await openDb({ name: `doc-cache-expires-${Date.now()}` });
    let calls = 0;
    const inner = async () => (calls++, new Response(JSON.stringify({ v: calls }), { headers: { 'content-type': 'application/json', expires: '12/31/2099', etag: '"e"' } }));
    const f = createCachingFetch(inner, db.documents, () => NOW);
    await f('https://issuer.example/revocations', { headers: { accept: JSON_ACCEPT } });
    expect(await (await f('https://issuer.example/revocations', { headers: { accept: JSON_ACCEPT } })).json()).toEqual({ v: 2 });
    expect(calls).toBe(2);
    db.close();
  });
});
