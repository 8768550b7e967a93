/** The real issuers' credentials in test/fixtures/real (provenance in test/fixtures/README.md), and what tests ask of their results. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMapFetch } from '../../src/cli/map-fetch.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import type { Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

export const REAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/real');

/** A fixture's bytes, by its path under test/fixtures/real. */
export const bytes = (file: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(path.join(REAL, file)));

/** Nothing is fetched: only the documents `maps` name answer, from the repository. */
export const offlineFetch = (maps: { prefix: string; dir: string }[] = []): Fetch => createMapFetch(maps, { offline: true, timeoutMs: 1000 });

export const outcomes = (r: VerifyResult): Record<string, string> => Object.fromEntries(r.checks.map((c) => [c.id, c.outcome]));
export const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
export const fails = (r: VerifyResult) => r.checks.filter((c) => c.outcome === 'fail');

/** 1EdTech's complete OpenBadgeCredential of the conformance corpus (eddsa-rdfc-2022 by its https issuer, valid: `expected.json`) and its issuer's host, served from the repository. */
export const COMPLETE = { file: path.resolve(REAL, '../conformance/ob30/complete.json'), host: { prefix: 'https://1edtech.edu/', dir: path.resolve(REAL, '../conformance/hosts/1edtech.edu') } };

/** That credential as `change` alters it after signing, verified offline at `now` with no identities. */
export async function completeChanged(change: (c: Record<string, any>) => void, now: Date): Promise<VerifyResult> {
  const c = JSON.parse(readFileSync(COMPLETE.file, 'utf8')) as Record<string, any>;
  change(c);
  return verify(JSON.stringify(c), { fetch: offlineFetch([COMPLETE.host]), now, identities: [] });
}
