/**
 * Badges for the browser tests: the test backpack's real OB 2.0 hosted badges, and one hosted
 * badge whose name is hostile markup, served through Playwright routing at https://hostile.example
 * (the service worker's fetches go through the context's routes).
 */
import type { BrowserContext } from 'playwright-core';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const BASE = 'https://hostile.example';
const CONTEXT = 'https://w3id.org/openbadges/v2';

const DOCS: Record<string, unknown> = {
  '/assertions/1': {
    '@context': CONTEXT,
    type: 'Assertion',
    id: `${BASE}/assertions/1`,
    recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
    badge: `${BASE}/badges/1`,
    verification: { type: 'HostedBadge' },
    issuedOn: '2026-02-01T10:00:00Z',
  },
  '/badges/1': {
    '@context': CONTEXT,
    type: 'BadgeClass',
    id: `${BASE}/badges/1`,
    name: HOSTILE_NAME,
    description: 'A badge whose name is markup.',
    image: `${BASE}/badges/1/image`,
    criteria: { narrative: 'None.' },
    issuer: `${BASE}/issuer`,
  },
  '/issuer': {
    '@context': CONTEXT,
    type: 'Issuer',
    id: `${BASE}/issuer`,
    name: '<script>alert(2)</script> Guild',
    url: BASE,
    email: 'badges@hostile.example',
  },
};

/** Serves the hostile badge; returns its assertion URL. */
export async function serveHostileBadge(context: BrowserContext): Promise<string> {
  await context.route(`${BASE}/**`, (route) => {
    const doc = DOCS[new URL(route.request().url()).pathname];
    if (!doc) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'application/ld+json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(doc) });
  });
  return `${BASE}/assertions/1`;
}

/** The same documents for a server other than Playwright's routing (Firefox's intercepting proxy). */
export { DOCS as HOSTILE_DOCS, BASE as HOSTILE_BASE };
