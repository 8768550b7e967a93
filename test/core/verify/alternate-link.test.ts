/** A badge link that answers its web page, which names its data as `<link rel="alternate" type="application/ld+json">`: read from there, once. */
import { describe, expect, it } from 'vitest';
import { alternateJsonLink } from '../../../src/core/verify/alternate-link.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';

const page = (head: string) => new TextEncoder().encode(`<!DOCTYPE html><html><head><title>A badge</title>${head}</head><body>A badge</body></html>`);
const BASE = 'https://badges.example/earned/42?share=1';

describe('alternateJsonLink', () => {
  it('finds the first alternate JSON link, resolved against the page, its references decoded and fragment dropped', () => {
    expect(alternateJsonLink(page('<link rel="alternate" type="application/ld+json" href="/api/42.json?a=1&amp;b=2#x">'), BASE)).toBe('https://badges.example/api/42.json?a=1&b=2');
    expect(alternateJsonLink(page("<LINK TYPE='application/json; charset=utf-8' HREF=data.json REL='Alternate nofollow'>"), BASE)).toBe('https://badges.example/earned/data.json');
    expect(alternateJsonLink(page('<link rel="stylesheet" href="a.css"><link rel="alternate" type="application/ld+json" href="https://api.example/a"><link rel="alternate" type="application/ld+json" href="https://api.example/b">'), BASE)).toBe('https://api.example/a');
  });

  it('takes no other link: not alternate, not JSON, not http(s), none at all', () => {
    expect(alternateJsonLink(page('<link rel="canonical" type="application/ld+json" href="/a">'), BASE)).toBeUndefined();
    expect(alternateJsonLink(page('<link rel="alternate" type="application/rss+xml" href="/feed">'), BASE)).toBeUndefined();
    expect(alternateJsonLink(page('<link rel="alternate" type="application/ld+json" href="javascript:alert(1)">'), BASE)).toBeUndefined();
    expect(alternateJsonLink(page('<link rel="alternate" type="application/ld+json" href="data:application/json,{}">'), BASE)).toBeUndefined();
    expect(alternateJsonLink(page(''), BASE)).toBeUndefined();
  });
});

describe('a badge link answering its web page', () => {
  const ASSERTION = 'https://api.example/assertions/1';
  const docs: Record<string, [string, string]> = {
    'https://badges.example/page': ['text/html', new TextDecoder().decode(page(`<link rel="alternate" type="application/ld+json" href="${ASSERTION}">`))],
    'https://badges.example/site-graph': ['text/html', new TextDecoder().decode(page('<link rel="alternate" type="application/ld+json" href="/graph.jsonld">'))],
    'https://badges.example/graph.jsonld': ['application/ld+json', JSON.stringify({ '@context': 'https://schema.org', '@type': 'WebSite', name: 'Badges' })],
    'https://badges.example/bare': ['text/html', new TextDecoder().decode(page(''))],
    'https://badges.example/loop': ['text/html', new TextDecoder().decode(page('<link rel="alternate" type="application/ld+json" href="https://badges.example/loop2">'))],
    'https://badges.example/loop2': ['text/html', new TextDecoder().decode(page('<link rel="alternate" type="application/ld+json" href="https://badges.example/loop">'))],
    [ASSERTION]: ['application/ld+json', JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: ASSERTION, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: 'https://api.example/badges/b', verification: { type: 'hosted' }, issuedOn: '2026-01-01T00:00:00Z' })],
    'https://api.example/badges/b': ['application/ld+json', JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: 'https://api.example/badges/b', name: 'Linked Badge', issuer: 'https://api.example/issuer', criteria: { narrative: 'x' }, image: 'https://api.example/i.png' })],
    'https://api.example/issuer': ['application/ld+json', JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: 'https://api.example/issuer', name: 'Example', url: 'https://api.example', email: 'a@api.example' })],
  };
  const fetched: string[] = [];
  const fetch = (async (u: string | URL | Request) => {
    fetched.push(String(u));
    const d = docs[String(u)];
    return d ? new Response(d[1], { headers: { 'content-type': d[0] } }) : new Response('', { status: 404 });
  }) as typeof globalThis.fetch;
  const opts = { fetch, now: new Date('2026-06-01T00:00:00Z'), identities: ['ada@example.org'] } as never;

  it('is read from the data the page links to, and the badge verified as itself', async () => {
    const r = await verify('https://badges.example/page', opts);
    expect(r.badge?.name).toBe('Linked Badge');
    expect(r.verdict).toBe('valid');
  });

  it('without such a link, or with one leading to another page, stays a web page (indeterminate), followed once only', async () => {
    const bare = await verify('https://badges.example/bare', opts);
    expect(bare.checks.find((c) => c.id === 'hosted')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_WEB_PAGE' });
    // A site's own JSON-LD graph as the alternate: still a web page, not "no badge" (never a failed check).
    const graph = await verify('https://badges.example/site-graph', opts);
    expect(graph.checks.find((c) => c.id === 'hosted')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_WEB_PAGE' });
    expect(graph.checks.some((c) => c.outcome === 'fail')).toBe(false);
    fetched.length = 0;
    const loop = await verify('https://badges.example/loop', opts);
    expect(loop.checks.find((c) => c.id === 'hosted')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_WEB_PAGE', message: expect.stringContaining('nor from the data the page links to, https://badges.example/loop2') });
    expect(fetched).toEqual(['https://badges.example/loop', 'https://badges.example/loop2']);
  });
});

describe('a hostile page head is read in linear work', () => {
  it("a <link> of 64 KiB of letters without '=' (7 s before: ATTR retried from each letter)", () => {
    const started = performance.now();
    expect(alternateJsonLink(new TextEncoder().encode(`<link ${'a'.repeat(65_000)}>`), 'https://x.example/p')).toBeUndefined();
    expect(alternateJsonLink(new TextEncoder().encode(`<link ${'a'.repeat(30_000)} rel="alternate" type="application/ld+json" href="/b.json">`), 'https://x.example/p')).toBe('https://x.example/b.json');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
