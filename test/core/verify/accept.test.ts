/**
 * No request the engine makes carries `*\/*`: badgr-server (Badgr, Canvas Credentials;
 * apps/issuer/public_api.py JSONComponentView.is_requesting_html) answers any Accept that merely
 * contains `*\/*` or `text/html` with its web app, so hosted badges asked for that way could never
 * be verified. The test backpack applies the same rule (test/backpack/public.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { Fetch } from '../../../src/core/verify/context.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('the Accept headers the engine sends', () => {
  it('ask for JSON-LD, JSON, keys or images by name, never */* or text/html', async () => {
    const asked: string[] = [];
    const docs: Record<string, unknown> = {
      'https://issuer.example/a/1': { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://issuer.example/a/1', recipient: { type: 'email', hashed: false, identity: 'a@example.org' }, badge: 'https://issuer.example/b/1', issuedOn: '2025-01-01T00:00:00Z', verification: { type: 'HostedBadge' } },
      'https://issuer.example/b/1': { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: 'https://issuer.example/b/1', name: 'B', description: 'd', image: 'https://issuer.example/i.png', criteria: { narrative: 'n' }, issuer: 'https://issuer.example/i/1' },
      'https://issuer.example/i/1': { '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: 'https://issuer.example/i/1', name: 'I', url: 'https://issuer.example', email: 'i@issuer.example', publicKey: 'https://issuer.example/k/1' },
    };
    const fetch: Fetch = async (url, init) => {
      asked.push(init?.headers?.accept ?? '(none)');
      const doc = docs[url];
      return doc ? new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/ld+json' } }) : new Response('{}', { status: 404 });
    };
    const now = new Date('2026-01-01T00:00:00Z');
    expect((await verify('https://issuer.example/a/1', { fetch, now })).verdict).toBe('valid');
    // A signed badge's key is fetched with the key Accept (the signature itself is garbage here).
    const jws = `${b64({ alg: 'RS256' })}.${b64({ ...(docs['https://issuer.example/a/1'] as object), id: 'urn:uuid:1', verification: { type: 'SignedBadge', creator: 'https://issuer.example/k/1' } })}.${'A'.repeat(342)}`;
    await verify(jws, { fetch, now });
    expect(asked.length).toBeGreaterThanOrEqual(5);
    expect(asked.some((a) => a.includes('image/png'))).toBe(true);
    expect(asked.some((a) => a.includes('application/x-pem-file'))).toBe(true);
    for (const a of asked) {
      expect(a).not.toContain('*/*');
      expect(a).not.toContain('text/html');
      expect(a).toContain('application/ld+json');
    }
  });
});
