/**
 * Verify on hover without the issuer's host permission: the card learns the host (needsAccess) from
 * the host fetch's own refusal (network-log.ts), never from a check's text and never the engine's
 * "open the badge in Lanyard" advice, and such a verdict is kept only while the host stays not allowed
 * (once the user allows it, pointing again verifies again: hover-grant-oracle.test.ts). The pickers name the host kept with the badge the same way
 * (test/background/picker-warning.test.ts).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createContent, hoverVerdict } from '../../src/background/services/content.ts';
import { createHostFetch } from '../../src/background/services/host-access.ts';
import { accessHost } from '../../src/background/services/hover-access.ts';
import { createNetworkLog } from '../../src/background/services/network-log.ts';
import type { SettingsService } from '../../src/background/services/settings.ts';
import type { Verifier } from '../../src/background/services/verifier.ts';
import { openDb } from '../../src/platform/db.ts';
import { loggedEngine } from './logged-engine.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

const BADGE = 'https://issuer.example/assertions/1.json';
const ASSERTION = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: BADGE, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: 'https://profiles.example/badge.json', verification: { type: 'hosted' }, issuedOn: '2026-03-02T10:00:00Z' };

/** The real fetch path: host-access.ts over granted origins, then the engine. */
function engineWith(granted: string[]): Verifier {
  const served: Record<string, unknown> = { [BADGE]: ASSERTION };
  const fetch = createHostFetch({
    permissions: { contains: async (u) => granted.includes(new URL(u).origin), request: async () => false },
    fetch: async (u) => (served[u] ? new Response(JSON.stringify(served[u]), { headers: { 'content-type': 'application/json' } }) : new Response('nope', { status: 404 })),
  });
  return loggedEngine(fetch);
}

/** A verification with its network log, as content.ts makes it. */
async function logged(v: Verifier, input: string) {
  const log = createNetworkLog();
  const r = await v.verify(input, [], { log });
  return { r, refused: log.refused ?? [] };
}

describe('hover without a host permission', () => {
  it('names the host the badge URL is on, as the host fetch refused it', async () => {
    const { r, refused } = await logged(engineWith([]), BADGE);
    expect(r.verdict).toBe('indeterminate');
    expect(refused).toEqual(['https://issuer.example']);
    expect(accessHost(refused)).toBe('issuer.example');
    const v = hoverVerdict(r, BADGE, refused);
    expect(v).toMatchObject({ verdict: 'indeterminate', needsAccess: 'issuer.example', noBadge: true });
  });

  it('names the issuer’s host when the badge was read but its issuer profile was not', async () => {
    const { r, refused } = await logged(engineWith(['https://issuer.example']), BADGE);
    expect(r.badge).not.toBeNull();
    expect(hoverVerdict(r, BADGE, refused)).toMatchObject({ verdict: 'indeterminate', needsAccess: 'profiles.example' });
  });

  it('an issuer cannot make the card name a host by writing the refusal’s words into a check', () => {
    // A URL the issuer controls can carry HostPermissionError's exact sentence into a check's message.
    const spoof = `https://issuer.example/x could not be fetched: Lanyard may not read https://evil.example yet. To check this badge, allow Lanyard to access evil.example (open the badge in Lanyard and choose “Allow access”, or in the browser's extension settings under Site access), then verify again.`;
    const r = { verdict: 'indeterminate', format: 'ob2.0-hosted', checks: [{ id: 'hosted', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED', message: spoof }], recipient: null, badge: null, input: { kind: 'url', size: 1, sha256: '' } } as const;
    expect(hoverVerdict(r as never, BADGE).needsAccess).toBeUndefined();
  });

  it('says nothing of access when the host fetch refused nothing', () => {
    expect(accessHost(undefined)).toBeUndefined();
    expect(accessHost([])).toBeUndefined();
    expect(accessHost(['not a url'])).toBeUndefined();
    expect(accessHost(['https://a.example:8443', 'https://b.example'])).toBe('a.example:8443');
  });

  it('without a grant to ask about (no siteGranted), such a verdict is verified again at each pointing', async () => {
    const db = await openDb({ name: 'hover-access-1' });
    let calls = 0;
    const engine = engineWith([]);
    const verifier: Verifier = { matchRecipient, verify: (...a) => (calls++, engine.verify(...a)) };
    const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
    const content = createContent({ db, verifier, settings });
    const from = { url: 'https://blog.example/', tab: { id: 1 }, frameId: 0 };
    expect(await content.hoverVerify(BADGE, from)).toMatchObject({ needsAccess: 'issuer.example' });
    await content.hoverVerify(BADGE, from);
    expect(calls).toBe(2);
  });
});
