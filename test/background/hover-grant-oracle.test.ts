/**
 * A hover site's page must not learn which hosts the user allowed Lanyard to read (the backpacks
 * they sign in to, the issuers they verify: SECURITY.md, no cross-site signals). The page serves a
 * badge on its own server whose badge class is on a host H it asks about, and makes the user point
 * at it twice. A verdict for a host not allowed was not kept, so the second pointing fetched the
 * page's badge again when H was not allowed, and not when it was: the page's server read the
 * answer from its own log. A verdict waiting for a host is now kept like any other, and verified
 * again only once one of the hosts it waits for is allowed.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createContent } from '../../src/background/services/content.ts';
import { createHostFetch } from '../../src/background/services/host-access.ts';
import type { SettingsService } from '../../src/background/services/settings.ts';
import { openDb } from '../../src/platform/db.ts';
import { loggedEngine } from './logged-engine.ts';

const PAGE = 'https://blog.example';
const BADGE = `${PAGE}/assertions/1.json`;
/** The host the page asks about: one the user may have allowed for sign-in or verification. */
const ASKED = 'https://backpack.example';
const CLASS = `${ASKED}/badge.json`;
const ISSUER = `${ASKED}/issuer.json`;
const SERVED: Record<string, unknown> = {
  [BADGE]: { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: BADGE, recipient: { type: 'email', hashed: false, identity: 'x@example.org' }, badge: CLASS, verification: { type: 'hosted' }, issuedOn: '2026-03-02T10:00:00Z' },
  [CLASS]: { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: CLASS, name: 'A', description: 'A', image: `${ASKED}/a.png`, criteria: { narrative: 'A' }, issuer: ISSUER },
  [ISSUER]: { '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: ISSUER, name: 'B', url: ASKED },
};

/** The worker as wired: the host fetch over the user's grants, the engine, the hover service. */
async function world(name: string, granted: Set<string>) {
  const pageLog: string[] = [];
  const fetch = createHostFetch({
    permissions: { contains: async (u) => granted.has(new URL(u).origin), request: async () => false },
    fetch: async (u) => {
      if (new URL(u).origin === PAGE) pageLog.push(u);
      return SERVED[u] ? new Response(JSON.stringify(SERVED[u]), { headers: { 'content-type': 'application/json' } }) : new Response('nope', { status: 404 });
    },
  });
  const verifier = loggedEngine(fetch);
  const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
  let t = 1_000_000;
  const content = createContent({ db: await openDb({ name }), verifier, settings, siteGranted: async (u) => granted.has(new URL(u).origin), now: () => (t += 2000) });
  return { content, pageLog };
}

const from = { url: `${PAGE}/post`, tab: { id: 1 }, frameId: 0 };

describe('hover does not tell a page which hosts the user allowed', () => {
  it('the page’s server sees the same requests whether or not the user allowed the host it asks about', async () => {
    const seen: string[][] = [];
    for (const [i, allowed] of [false, true].entries()) {
      const granted = new Set([PAGE, ...(allowed ? [ASKED] : [])]);
      const { content, pageLog } = await world(`hover-grant-oracle-${i}`, granted);
      const first = await content.hoverVerify(BADGE, from);
      expect(first.needsAccess).toBe(allowed ? undefined : 'backpack.example');
      await content.hoverVerify(BADGE, from);
      seen.push(pageLog);
    }
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0]).toEqual([BADGE]);
  });

  it('once the user allows the host it waited for, pointing again verifies again', async () => {
    const granted = new Set([PAGE]);
    const { content, pageLog } = await world('hover-grant-oracle-2', granted);
    expect(await content.hoverVerify(BADGE, from)).toMatchObject({ needsAccess: 'backpack.example' });
    expect(await content.hoverVerify(BADGE, from)).toMatchObject({ needsAccess: 'backpack.example' });
    expect(pageLog).toEqual([BADGE]);
    granted.add(ASKED);
    const again = await content.hoverVerify(BADGE, from);
    expect(again.needsAccess).toBeUndefined();
    expect(again.name).toBe('A');
    expect(pageLog).toEqual([BADGE, BADGE]);
  });
});
