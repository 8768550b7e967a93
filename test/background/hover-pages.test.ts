/**
 * Verify on hover over the badge links users meet: a badge's web page is reported as such
 * (indeterminate, never invalid), a link or image that holds no badge data is a notice, and
 * Credly's badge pages are checked through their Open Badges 2.0 hosted assertion
 * (badge-data-urls.ts), under the same host-permission, no-redirect and private-host rules.
 */
import { loadEngine } from '../support/engine.ts';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { badgeDataUrl } from '../../src/background/services/badge-data-urls.ts';
import { createContent } from '../../src/background/services/content.ts';
import { createHostFetch } from '../../src/background/services/host-access.ts';
import type { SettingsService } from '../../src/background/services/settings.ts';
import { createVerifier } from '../../src/background/services/verifier.ts';
import { openDb } from '../../src/platform/db.ts';

import { API, ASSERTION, DOCS, ID } from './credly-docs.ts';

const PAGE = `https://www.credly.com/badges/${ID}`;
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 73, 69, 78, 68, 0xae, 0x42, 0x60, 0x82]);
const HTML = '<!DOCTYPE html><html><head><title>Badge</title></head><body>Cloud Basics</body></html>';

let n = 0;
async function setup(granted: string[]) {
  const db = await openDb({ name: `hover-pages-${n++}` });
  const asked: string[] = [];
  const web = async (url: string): Promise<Response> => {
    asked.push(url);
    if (DOCS[url]) return new Response(JSON.stringify(DOCS[url]), { headers: { 'content-type': 'application/json' } });
    if (new URL(url).pathname.endsWith('.png')) return new Response(PNG, { headers: { 'content-type': 'image/png' } });
    if (url.endsWith('/badges.json')) return new Response('{"data":[{"id":1}]}', { headers: { 'content-type': 'application/json' } });
    return new Response(HTML, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  };
  const permissions = { contains: async (u: string) => granted.includes(new URL(u).origin), request: async () => false };
  const hover = { fetch: createHostFetch({ permissions, fetch: web, refuseRedirects: true }), documents: db.documents };
  const verifier = createVerifier({ engine: loadEngine, fetch: async () => new Response('', { status: 500 }), results: db.results, hover, now: () => new Date('2026-06-01T00:00:00Z') });
  const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
  const content = createContent({ db, verifier, settings });
  const hoverOn = (url: string) => content.hoverVerify(url, { url: 'https://www.linkedin.com/in/ada', tab: { id: 1 }, frameId: 0 });
  return { hoverOn, asked };
}

describe('badge data behind a badge page (site knowledge)', () => {
  it("maps Credly's badge page, and only it, to its OBI hosted assertion", () => {
    expect(badgeDataUrl(PAGE)).toBe(ASSERTION);
    expect(badgeDataUrl(`https://credly.com/badges/${ID.toUpperCase()}/public_url`)).toBe(ASSERTION);
    expect(badgeDataUrl(`${PAGE}/linked_in_profile?utm_source=x`)).toBe(ASSERTION);
    for (const other of [
      `http://www.credly.com/badges/${ID}`, // not over https
      `https://www.credly.com:8443/badges/${ID}`,
      `https://evil.example/badges/${ID}`,
      `https://www.credly.com.evil.example/badges/${ID}`,
      `https://www.credly.com/badges/${ID}/linked_in`,
      'https://www.credly.com/badges/not-a-uuid',
      `https://www.credly.com/users/ada/badges`,
      `https://api.credly.com/v1/obi/v2/badge_assertions/${ID}`,
      'https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7',
      'https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7/revocations',
      'https://api.badgr.io/public/badges/Zx9kQ2mT4sWc1aB7/image',
    ]) expect(badgeDataUrl(other), other).toBeNull();
  });

  it("maps a badgr-server assertion's image and baked image to the assertion on the same origin", () => {
    expect(badgeDataUrl('https://api.badgr.io/public/assertions/21DKZvG-RV6BhE_-5JMHDw/image')).toBe('https://api.badgr.io/public/assertions/21DKZvG-RV6BhE_-5JMHDw');
    expect(badgeDataUrl('https://api.eu.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7/baked?v=2_0')).toBe('https://api.eu.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7');
    expect(badgeDataUrl('http://badges.school.example:8080/public/assertions/Zx9kQ2mT4sWc1aB7/image')).toBe('http://badges.school.example:8080/public/assertions/Zx9kQ2mT4sWc1aB7');
  });

  it("verifies a Credly badge page through the assertion, with api.credly.com's own grant", async () => {
    const { hoverOn, asked } = await setup(['https://api.credly.com']);
    const v = await hoverOn(PAGE);
    expect(asked[0]).toBe(ASSERTION);
    expect(asked).not.toContain(PAGE);
    expect(v).toMatchObject({ verdict: 'valid', name: 'Cloud Basics', issuerName: 'Example Academy' });
    expect(v).not.toHaveProperty('issuedToYou');
    expect(v.noBadge).toBeUndefined();
  });

  it('never widens permissions: without a grant for api.credly.com nothing is fetched and the card says which host to allow', async () => {
    const { hoverOn, asked } = await setup(['https://www.credly.com', 'https://www.linkedin.com']);
    const v = await hoverOn(PAGE);
    expect(asked).toEqual([]);
    expect(v.verdict).toBe('indeterminate');
    expect(v.message).toContain('api.credly.com');
  });
});

describe('a badgr-server image link', () => {
  it('is checked through its assertion, on the same origin and grant; the image (a redirect) is never fetched', async () => {
    const B = 'https://api.badgr.test';
    const a = `${B}/public/assertions/AbCd1234`;
    DOCS[a] = { ...DOCS[ASSERTION], id: a, badge: `${B}/public/badges/c1` };
    DOCS[`${B}/public/badges/c1`] = { ...DOCS[`${API}/badge_classes/c1`], id: `${B}/public/badges/c1`, issuer: `${B}/public/issuers/i1` };
    DOCS[`${B}/public/issuers/i1`] = { ...DOCS[`${API}/issuers/i1`], id: `${B}/public/issuers/i1` };
    const { hoverOn, asked } = await setup([B]);
    const v = await hoverOn(`${a}/image`);
    expect(asked[0]).toBe(a);
    expect(asked.some((u) => u.endsWith('/image'))).toBe(false);
    expect(v).toMatchObject({ verdict: 'valid', name: 'Cloud Basics' });
  });
});

describe('links that hold no badge data', () => {
  it("a badge's web page is indeterminate and says it is a web page, naming its host", async () => {
    const { hoverOn } = await setup(['https://badges.example']);
    const v = await hoverOn('https://badges.example/credentials/2024-ada');
    expect(v).toMatchObject({ verdict: 'indeterminate', name: 'A web page, not badge data', noBadge: true, noBadgeKind: 'web-page' });
    expect(v.message).toBe("badges.example answered a web page (HTML), not the badge's data: Lanyard cannot check the badge from this link");
  });

  it('an image without baked data, or JSON that is no badge, is a notice, not "not a valid badge"', async () => {
    const { hoverOn } = await setup(['https://cdn.example']);
    const img = await hoverOn('https://cdn.example/badge-ada.png?size=340');
    expect(img).toMatchObject({ verdict: 'indeterminate', name: 'No badge data at this link', noBadge: true, noBadgeKind: 'no-data' });
    expect(img.message).toContain('no openbadges');
    const list = await hoverOn('https://cdn.example/users/ada/badges.json');
    expect(list).toMatchObject({ verdict: 'indeterminate', name: 'No badge data at this link', message: 'cdn.example: This is not an Open Badge of a known version' });
  });

  it('a badge of a known version with a fault stays invalid', async () => {
    const { hoverOn } = await setup(['https://api.credly.com']);
    const expired = `${API}/badge_assertions/expired`;
    DOCS[expired] = { ...DOCS[ASSERTION], id: expired, expires: '2026-02-01T00:00:00Z' };
    const v = await hoverOn(expired);
    expect(v).toMatchObject({ verdict: 'invalid', name: 'Cloud Basics' });
  });
});
