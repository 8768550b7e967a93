/**
 * Issue 12, verify on hover in the background: a page cannot drive it (per-tab rate limit,
 * hover sites only, top frames only), its grants never widen sync or import, turning it off takes
 * back what it added, and what a page learns never depends on what the user verified elsewhere
 * (verdicts, documents and facts kept per top-level site).
 */
import { loadEngine } from '../support/engine.ts';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createContent } from '../../src/background/services/content.ts';
import { createHoverRate, PER_MINUTE, PER_SECOND } from '../../src/background/services/hover-rate.ts';
import type { SettingsService } from '../../src/background/services/settings.ts';
import { createVerifier, type Verifier } from '../../src/background/services/verifier.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { openDb } from '../../src/platform/db.ts';
import { memoryLocalStore } from '../../src/platform/memory.ts';
import { createHoverSites } from '../../src/background/services/hover-sites.ts';
import { harness } from './harness.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

let n = 0;
const RESULT: VerifyResult = { verdict: 'indeterminate', format: 'unknown', checks: [], recipient: null, badge: null, input: { kind: 'url', size: 0, sha256: '' } };
const page = (tab: number, url = 'https://blog.example/post', frameId = 0) => ({ url, tab: { id: tab }, frameId });

async function setup(sites: string[] = ['https://blog.example/*']) {
  const db = await openDb({ name: `hover-verify-${n++}` });
  const calls: string[] = [];
  const verifier: Verifier = { matchRecipient, verify: async (input) => (calls.push(String(input)), RESULT) };
  const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
  const clock = { t: 1_000_000 };
  const hoverSites = createHoverSites({ store: memoryLocalStore(), removeGrants: async () => true });
  for (const s of sites) await hoverSites.add(s, true);
  const content = createContent({ db, verifier, settings, hoverSites, now: () => clock.t });
  return { content, calls, clock };
}

describe('a page cannot drive hover verification (point 5)', () => {
  it(`answers a tab at most ${PER_SECOND} times a second and ${PER_MINUTE} times a minute; other tabs are not slowed`, async () => {
    const { content, calls, clock } = await setup();
    const ask = (i: number, tab = 1) => content.hoverVerify(`https://issuer.example/b/${i}.json`, page(tab));
    let i = 0;
    for (let k = 0; k < PER_SECOND; k++) await ask(i++);
    await expect(ask(i++)).rejects.toMatchObject({ code: 'ERR_RATE_LIMITED', retryAfterSeconds: 1 });
    await ask(i++, 2);
    // A page that keeps asking as fast as it may gets PER_MINUTE in a minute, no more.
    for (let s = 0; s < 60; s++) {
      clock.t += 1000;
      for (let k = 0; k < 5; k++) await ask(i++).catch(() => undefined);
    }
    const fromTab1 = calls.length - 1;
    expect(fromTab1).toBeLessThanOrEqual(PER_MINUTE + PER_SECOND);
    const rate = createHoverRate(() => 0);
    for (let k = 0; k < PER_SECOND; k++) rate.take(9);
    expect(() => rate.take(9)).toThrow(/Too many badges/);
  });

  it('answers only the top frame of a page on a site the user turned hover on for', async () => {
    const { content, calls } = await setup();
    await expect(content.hoverVerify('https://issuer.example/a.json', page(1, 'https://evil.example/'))).rejects.toMatchObject({ code: 'ERR_FORBIDDEN_SENDER' });
    await expect(content.hoverVerify('https://issuer.example/a.json', page(1, 'https://blog.example/x', 3))).rejects.toMatchObject({ code: 'ERR_FORBIDDEN_SENDER' });
    await expect(content.hoverVerify('https://issuer.example/a.json', { url: 'https://blog.example/x' })).rejects.toMatchObject({ code: 'ERR_FORBIDDEN_SENDER' });
    expect(calls).toEqual([]);
    await content.hoverVerify('https://issuer.example/a.json', page(1));
    expect(calls).toEqual(['https://issuer.example/a.json']);
  });
});

describe('no cross-site signals (point 8)', () => {
  it('keeps verdicts per top-level site: the same URL from another site is verified again', async () => {
    const { content, calls } = await setup(['https://blog.example/*', 'https://other.example/*']);
    await content.hoverVerify('https://issuer.example/a.json', page(1));
    await content.hoverVerify('https://issuer.example/a.json', page(1));
    expect(calls).toHaveLength(1);
    await content.hoverVerify('https://issuer.example/a.json', page(2, 'https://other.example/'));
    expect(calls).toHaveLength(2);
  });

  it('keeps documents per site: a page cannot tell from its own server that the user checked the badge elsewhere', async () => {
    const db = await openDb({ name: `hover-verify-${n++}` });
    const seen: string[] = [];
    const I = 'https://issuer.example';
    const docs: Record<string, object> = {
      [`${I}/assertions/1`]: { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: `${I}/assertions/1`, recipient: { type: 'email', hashed: false, identity: 'a@example.org' }, badge: `${I}/class`, verification: { type: 'hosted' }, issuedOn: '2026-01-01T00:00:00Z' },
      [`${I}/class`]: { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${I}/class`, name: 'B', issuer: `${I}/issuer`, criteria: { narrative: 'x' }, image: `${I}/i.png` },
      [`${I}/issuer`]: { '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', id: `${I}/issuer`, name: 'Issuer' },
    };
    const fetch = async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify(docs[url] ?? {}), { headers: { 'content-type': 'application/json', 'cache-control': 'max-age=3600' } });
    };
    const verifier = createVerifier({ engine: loadEngine, fetch: async () => new Response('', { status: 500 }), results: db.results, hover: { fetch, documents: db.documents } });
    const url = 'https://issuer.example/assertions/1';
    await verifier.verify(url, [], { blockPrivate: true, site: 'https://a.example' });
    const issuerDocs = () => seen.filter((u) => u === `${I}/class` || u === `${I}/issuer`).length;
    expect(issuerDocs()).toBe(2);
    await verifier.verify(url, [], { blockPrivate: true, site: 'https://a.example' });
    expect(issuerDocs()).toBe(2);
    await verifier.verify(url, [], { blockPrivate: true, site: 'https://b.example' });
    expect(issuerDocs()).toBe(4);
    // The user's own verifications (no site) never read hover's documents.
    expect((await db.documents.all()).every((d) => d.url.startsWith('site:'))).toBe(true);
  });
});

describe('hover grants (point 6)', () => {
  it('a grant made for hover never widens what import may fetch, until the user grants it for verification', async () => {
    const asked: string[] = [];
    const h = await harness({ fetch: async (url: string) => (asked.push(url), new Response(`no badge at ${url}`, { status: 404 })) });
    h.granted.add('https://blog.example/*');
    await h.app.hoverSites.add('https://blog.example/*', true);
    await h.app.library.import({ kind: 'text', text: 'https://blog.example/badge.json' }).catch(() => undefined);
    expect(asked).toEqual([]);
    await h.app.hoverSites.confirmGrants(['https://blog.example/*']);
    await h.app.library.import({ kind: 'text', text: 'https://blog.example/badge.json' }).catch(() => undefined);
    expect(asked).toContain('https://blog.example/badge.json');
  });

  it('turning hover off removes its sites and the grants it added, and only those', async () => {
    const removed: string[][] = [];
    const h = await harness();
    const perms = { ...h.platform.permissions, remove: async (p: string[]) => (removed.push(p), true) };
    const g = await harness({ permissions: perms });
    await g.app.settings.set({ hoverVerify: true });
    await g.app.hoverSites.add('https://blog.example/*', true);
    await g.app.hoverSites.add('https://issuer.example/*', false);
    await g.app.hoverSites.add('https://news.example/*', true);
    await g.app.hoverSites.remove('https://news.example/*');
    expect(removed).toEqual([['https://news.example/*']]);
    await g.app.settings.set({ hoverVerify: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(removed).toEqual([['https://news.example/*'], ['https://blog.example/*']]);
    expect(await g.app.hoverSites.list()).toEqual([]);
  });
});

describe('after an update', () => {
  it('takes back, once, the all-sites grant older versions asked for to verify on hover', async () => {
    const { dropLegacyAllSites } = await import('../../src/background/services/hover-sites.ts');
    const store = memoryLocalStore();
    let granted = ['https://*/*', 'http://*/*', 'https://api.badgr.io/*'];
    const removed: string[][] = [];
    const remove = async (p: string[]) => (removed.push(p), (granted = granted.filter((g) => !p.includes(g))));
    expect(await dropLegacyAllSites(store, async () => granted, remove)).toEqual(['https://*/*', 'http://*/*']);
    expect(granted).toEqual(['https://api.badgr.io/*']);
    granted.push('https://*/*');
    expect(await dropLegacyAllSites(store, async () => granted, remove)).toEqual([]);
    expect(removed).toHaveLength(1);
  });
});
