/**
 * What one hover verification may read in all (a page's badges are hostile input): at most
 * HOVER_MAX_BYTES, all documents together, enough for every real badge in test/fixtures/real.
 */
import 'fake-indexeddb/auto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVerifier, HOVER_MAX_BYTES } from '../../src/background/services/verifier.ts';
import { DEFAULT_MAX_BYTES, type VerifyOptions } from '../../src/core/verify/context.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { openDb } from '../../src/platform/db.ts';
import { bytes, fails, offlineFetch, REAL } from '../support/real-fixtures.ts';
import { loadEngine } from '../support/engine.ts';
import { createContent } from '../../src/background/services/content.ts';
import { createHostFetch } from '../../src/background/services/host-access.ts';
import type { SettingsService } from '../../src/background/services/settings.ts';
import { assertion, BADGE, ISSUER, makeIssuer } from '../core/formats/ob2-fixtures.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

const RESULT: VerifyResult = { verdict: 'indeterminate', format: 'unknown', checks: [], recipient: null, badge: null, input: { kind: 'url', size: 0, sha256: '' } };
let n = 0;

/** Every byte under `dir`: more than any one badge whose documents it holds can read. */
const sizeOf = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((t, e) => t + (e.isDirectory() ? sizeOf(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);

describe('hover verification byte budget', () => {
  it(`asks the engine to read at most ${HOVER_MAX_BYTES / 1048576} MB for a hovered badge; the user's own verifications keep the engine's larger default`, async () => {
    const db = await openDb({ name: `hover-budget-${n++}` });
    const seen: (VerifyOptions | undefined)[] = [];
    const engine = async () => ({ matchRecipient, verify: async (_: unknown, o?: VerifyOptions) => (seen.push(o), RESULT) });
    const verifier = createVerifier({ engine, fetch: async () => new Response('', { status: 500 }), results: db.results, hover: { fetch: async () => new Response('', { status: 500 }), documents: db.documents } });
    await verifier.verify('https://issuer.example/a.json', [], { site: 'https://blog.example', blockPrivate: true });
    await verifier.verify('https://issuer.example/a.json', []);
    expect(seen[0]?.maxBytes).toBe(HOVER_MAX_BYTES);
    expect(seen[1]?.maxBytes).toBeUndefined();
    // Up to MAX_RUNNING hover verifications run at once (hover-rate.ts): each gets less than one the user asked for.
    expect(HOVER_MAX_BYTES).toBeLessThan(DEFAULT_MAX_BYTES);
  });

  it('is generous for genuine badges: all the documents the real issuers in test/fixtures/real serve, host by host, come to a small part of it', () => {
    const hosts = path.join(REAL, 'hosts');
    for (const h of readdirSync(hosts)) expect(sizeOf(path.join(hosts, h)), h).toBeLessThan(HOVER_MAX_BYTES / 16);
    // The largest real file of all (a credential with its proof chain, baked images) too.
    const largest = Math.max(...readdirSync(REAL).filter((d) => d !== 'hosts').flatMap((d) => readdirSync(path.join(REAL, d)).map((f) => statSync(path.join(REAL, d, f)).size)));
    expect(largest).toBeLessThan(HOVER_MAX_BYTES / 16);
  });

  it('a real hosted badge still verifies within it', async () => {
    const site = { prefix: 'http://software-carpentry.org', dir: path.join(REAL, 'hosts', 'software-carpentry.org-2012') };
    const r = await verify(bytes('swcarpentry-website/instructor_wilson.g.png'), { fetch: offlineFetch([site]), now: new Date('2026-12-01T00:00:00Z'), identities: [], maxBytes: HOVER_MAX_BYTES });
    expect(fails(r)).toEqual([]);
    expect(r.checks.find((c) => c.id === 'hosted')?.outcome).toBe('pass');
  });
});

describe('a hovered badge whose documents pass the budget', () => {
  const HOSTED = 'https://issuer.test/assertions/1.json';
  const MB = 1024 * 1024;

  /** Hover on a page, with the real host fetch (4 MB a document) over an issuer whose documents carry `pad` bytes each. */
  async function hoverWith(pad: number) {
    const db = await openDb({ name: `hover-budget-${n++}` });
    const { web } = await makeIssuer();
    web.json(HOSTED, await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } }));
    const served = async (url: string): Promise<Response> => {
      const res = await web.fetch(url);
      if (![HOSTED, ISSUER, BADGE].includes(url)) return res;
      const doc = (await res.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...doc, pad: 'x'.repeat(pad) }), { headers: { 'content-type': 'application/ld+json' } });
    };
    const permissions = { contains: async (u: string) => new URL(u).origin === 'https://issuer.test', request: async () => false };
    const hover = { fetch: createHostFetch({ permissions, fetch: served, refuseRedirects: true }), documents: db.documents };
    const verifier = createVerifier({ engine: loadEngine, fetch: async () => new Response('', { status: 500 }), results: db.results, hover, now: () => new Date('2026-06-01T00:00:00Z') });
    const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
    return createContent({ db, verifier, settings }).hoverVerify(HOSTED, { url: 'https://blog.example/p', tab: { id: 1 }, frameId: 0 });
  }

  it('is indeterminate, never invalid, saying the limit: the hosted assertion, its badge class and its issuer at 3.5 MB, each under the 4 MB a document may be', async () => {
    const v = await hoverWith(3.5 * MB);
    expect(v.verdict).toBe('indeterminate');
    expect(v.message).toMatch(/8 MB, the most one verification reads/);
  });

  it('the same badge with documents of a usual size is valid', async () => {
    await expect(hoverWith(2_000)).resolves.toMatchObject({ verdict: 'valid' });
  });
});
