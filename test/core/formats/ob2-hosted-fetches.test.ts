/**
 * OB 2.0 hosted: what the issuer's server is asked for, and when (ob2-hosted.ts). The hosted copy at
 * the id is fetched once, even when the user gave that URL; the badge class the input names is asked
 * for while the copy is; the copy still decides what is verified.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { Fetch } from '../../../src/core/verify/context.ts';
import { assertion, BADGE, CTX, ISSUER, makeIssuer, NOW } from './ob2-fixtures.ts';

const HOSTED = 'https://issuer.test/assertions/7.json';
const hosted = (overrides: Record<string, unknown> = {}) => assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, ...overrides });

describe('OB 2.0 hosted: the documents asked for', () => {
  it('a badge given by its URL: the issuer\'s server is asked for the assertion once', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted());
    const r = await verify(HOSTED, { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.checks.find((c) => c.id === 'hosted')?.outcome).toBe('pass');
    expect(web.requested.filter((u) => u === HOSTED)).toHaveLength(1);
  });

  it('asks for the badge class before the hosted copy answers', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetch: Fetch = async (url, init) => {
      if (url === HOSTED) await gate;
      return web.fetch(url, init);
    };
    const pending = verify(JSON.stringify(await hosted()), { fetch, now: NOW });
    await new Promise((r) => setTimeout(r, 20));
    expect(web.requested).toContain(BADGE);
    release();
    expect((await pending).verdict).toBe('valid');
  });

  it('verifies the badge class the hosted copy names, not the one the input names', async () => {
    const { web } = await makeIssuer();
    const decoy = 'https://issuer.test/decoy-badge.json';
    web.json(decoy, { '@context': CTX, type: 'BadgeClass', id: decoy, name: 'Decoy', description: 'd', image: 'https://issuer.test/d.png', criteria: 'https://issuer.test/c', issuer: ISSUER });
    web.json(HOSTED, await hosted());
    const r = await verify(JSON.stringify(await hosted({ badge: decoy })), { fetch: web.fetch, now: NOW });
    expect(r.badge?.name).toBe('Safe Lifting');
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
  });
});
