/**
 * RFC 8288 §3 Link headers as a legal backpack may write them: a link-param's value may be a
 * quoted-string (RFC 9110 §5.6.4), which can hold `,` and `;`. A `rel` after such a parameter was
 * lost, so the page's `next` was not seen and the listing ended early as if it were complete.
 */
import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from '../../src/backpack/link-header.ts';
import { fetchPage } from '../../src/backpack/paged.ts';

const base = 'https://bp.example/ims/ob/v3p0/credentials?limit=2';

describe('parseLinkHeader: quoted-string parameters (RFC 8288 §3, RFC 9110 §5.6.4)', () => {
  it('a title holding a comma or a semicolon before rel keeps the link and its rel', () => {
    const header = '<https://bp.example/c?offset=2>; title="Page 2, of 5"; rel="next", <https://bp.example/c?offset=8>; title="a; b"; rel=last';
    expect(Object.fromEntries(parseLinkHeader(header, base))).toEqual({ next: 'https://bp.example/c?offset=2', last: 'https://bp.example/c?offset=8' });
  });

  it('an escaped quote inside a quoted-string does not end it', () => {
    const header = '<https://bp.example/c?offset=4>; title="say \\"hi, there\\""; rel="next"';
    expect(parseLinkHeader(header, base).get('next')).toBe('https://bp.example/c?offset=4');
  });

  it('a rel written inside another parameter\'s quoted value is not a rel', () => {
    const header = '<https://bp.example/c?offset=6>; title="; rel=next"';
    expect(parseLinkHeader(header, base).has('next')).toBe(false);
  });

  it('only the first rel of a link counts (§3.3: later occurrences MUST be ignored)', () => {
    const header = '<https://bp.example/c?offset=2>; rel="prev"; rel="next"';
    expect(Object.fromEntries(parseLinkHeader(header, base))).toEqual({ prev: 'https://bp.example/c?offset=2' });
  });

  it('a link whose anchor names another context (§3.2) is not this page\'s next', () => {
    const header = '<https://bp.example/c?offset=2>; anchor="https://bp.example/other"; rel="next"';
    expect(parseLinkHeader(header, base).has('next')).toBe(false);
  });

  it('a page read through fetchPage keeps its next link when a title with a comma comes first', async () => {
    const fetch = async (): Promise<Response> =>
      new Response(JSON.stringify({ credential: [{ id: 'urn:uuid:1' }, { id: 'urn:uuid:2' }] }), {
        headers: { 'content-type': 'application/ld+json', 'x-total-count': '3', link: '<https://bp.example/ims/ob/v3p0/credentials?limit=2&offset=2>; title="Next page, 2 of 2"; rel="next"' },
      });
    const page = await fetchPage({ fetch }, base, 'token', 'OB 3.0 credentials', (b) => ((b as { credential: unknown[] }).credential));
    expect(page.next).toBe('https://bp.example/ims/ob/v3p0/credentials?limit=2&offset=2');
  });
});
