/**
 * A page's `Date` (RFC 9110 §6.6.1) is the backpack's clock, which a sync compares `since` with
 * (sync-anchor.ts). paged.ts read it with `Date.parse`, which guesses: junk such as "12.3" became
 * 3 December 2001, a clock decades off; and it is no HTTP-date at all. Now it is read by core/http-date.ts
 * httpDate, the RFC 9110 §5.6.7 reader: the three forms a recipient must accept (IMF-fixdate, and the
 * obsolete RFC 850 and asctime forms, all GMT) give the server's clock; anything else gives none.
 */
import { describe, expect, it } from 'vitest';
import { fetchPage } from '../../src/backpack/paged.ts';

const url = 'https://bp.example/ims/ob/v3p0/credentials?limit=2';
const read = (b: unknown): unknown[] => (b as { credential: unknown[] }).credential;
const pageDated = (date: string) =>
  fetchPage({ fetch: async () => new Response(JSON.stringify({ credential: [{ id: 'urn:uuid:1' }] }), { headers: { 'content-type': 'application/ld+json', date } }) }, url, 'token', 'OB 3.0 credentials', read);

const NOON = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('a page’s Date header', () => {
  it.each(['12.3', '2026-12-07', 'yesterday', 'Sun, 06 Nov 1994 08:49:37 +0100', '1', 'Mon, 31 Feb 2026 00:00:00 GMT', 'Tue Feb 30 00:00:00 2027', 'Tuesday, 31-Apr-26 00:00:00 GMT'])('junk (%s) gives no server clock', async (date) => {
    expect((await pageDated(date)).date).toBeUndefined();
  });

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['obsolete RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['obsolete asctime (GMT, though it names no zone)', 'Sun Nov  6 08:49:37 1994'],
  ])('%s gives the server’s clock', async (_, date) => {
    expect((await pageDated(date)).date).toBe(NOON);
  });
});
