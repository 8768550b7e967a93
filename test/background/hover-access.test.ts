/**
 * Verify on hover without the issuer's host permission: the card learns the host (needsAccess),
 * never the engine's "open the badge in Lanyard" advice, and such a verdict is not kept (once the
 * user allows the host, pointing again verifies again).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createContent, hoverVerdict } from '../../src/background/services/content.ts';
import { createHostFetch } from '../../src/background/services/host-access.ts';
import { hostNeedingAccess } from '../../src/background/services/hover-access.ts';
import type { SettingsService } from '../../src/background/services/settings.ts';
import type { Verifier } from '../../src/background/services/verifier.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { openDb } from '../../src/platform/db.ts';

const BADGE = 'https://issuer.example/assertions/1.json';
const ASSERTION = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: BADGE, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: 'https://profiles.example/badge.json', verification: { type: 'hosted' }, issuedOn: '2026-03-02T10:00:00Z' };

/** The real fetch path: host-access.ts over granted origins, then the engine. */
function engineWith(granted: string[]): Verifier {
  const served: Record<string, unknown> = { [BADGE]: ASSERTION };
  const fetch = createHostFetch({
    permissions: { contains: async (u) => granted.includes(new URL(u).origin), request: async () => false },
    fetch: async (u) => (served[u] ? new Response(JSON.stringify(served[u]), { headers: { 'content-type': 'application/json' } }) : new Response('nope', { status: 404 })),
  });
  return { verify: (input, identities) => verify(input, { fetch, identities, now: new Date('2026-06-01T00:00:00Z') }) };
}

describe('hover without a host permission', () => {
  it('names the host the badge URL is on, from the engine’s real check', async () => {
    const r = await engineWith([]).verify(BADGE, []);
    expect(r.verdict).toBe('indeterminate');
    expect(hostNeedingAccess(r.checks)).toBe('issuer.example');
    const v = hoverVerdict(r, BADGE);
    expect(v).toMatchObject({ verdict: 'indeterminate', needsAccess: 'issuer.example', noBadge: true });
  });

  it('names the issuer’s host when the badge was read but its issuer profile was not', async () => {
    const r = await engineWith(['https://issuer.example']).verify(BADGE, []);
    expect(r.badge).not.toBeNull();
    expect(hoverVerdict(r, BADGE)).toMatchObject({ verdict: 'indeterminate', needsAccess: 'profiles.example' });
  });

  it('says nothing of access for other failures, or a message that only quotes the words', () => {
    const words = 'Lanyard may not read https://x.example yet. To check this badge, allow Lanyard to access x.example';
    expect(hostNeedingAccess([{ id: 'hosted', outcome: 'indeterminate', message: 'https://issuer.example/a could not be fetched: HTTP 500' }])).toBeUndefined();
    expect(hostNeedingAccess([{ id: 'hosted', outcome: 'indeterminate', message: words }])).toBeUndefined();
  });

  it('does not keep such a verdict: after the user allows the host, pointing again verifies again', async () => {
    const db = await openDb({ name: 'hover-access-1' });
    let calls = 0;
    const engine = engineWith([]);
    const verifier: Verifier = { verify: (...a) => (calls++, engine.verify(...a)) };
    const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
    const content = createContent({ db, verifier, settings, identities: { forAccount: async () => ({ verified: [], unverified: [] }) } });
    const from = { url: 'https://blog.example/', tab: { id: 1 }, frameId: 0 };
    expect(await content.hoverVerify(BADGE, from)).toMatchObject({ needsAccess: 'issuer.example' });
    await content.hoverVerify(BADGE, from);
    expect(calls).toBe(2);
  });
});
