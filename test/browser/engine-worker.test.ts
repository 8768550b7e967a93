/**
 * The engine inside the real extension's service worker (not only in Node): a Data Integrity
 * credential, a VC-JWT and a tampered copy imported through `badges/import` from an extension
 * page, verified by the worker, offline (did:key issuers need no fetch).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

let ext: Launched;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
}, 60_000);
afterAll(async () => ext?.close());

async function importText(text: string): Promise<{ ok: boolean; value?: { verdict: string; format: string; name: string }; error?: { code: string } }> {
  return page.evaluate((t) => chrome.runtime.sendMessage({ type: 'badges/import', args: { source: { kind: 'text', text: t } } }), text);
}

const fixture = (p: string) => readFileSync(path.join(CONFORMANCE_DIR, p), 'utf8');

describe('the engine in the service worker', () => {
  it('verifies a Data Integrity credential (eddsa-rdfc-2022, did:key) as valid', async () => {
    const r = await importText(fixture('dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json'));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.value).toMatchObject({ verdict: 'valid', format: 'ob3.0-data-integrity' });
  });

  it('verifies a legacy Ed25519Signature2020 proof as valid', async () => {
    const r = await importText(fixture('dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json'));
    expect(r.value).toMatchObject({ verdict: 'valid' });
  });

  it('finds a tampered Data Integrity credential invalid', async () => {
    const r = await importText(fixture('dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json'));
    expect(r.value).toMatchObject({ verdict: 'invalid' });
  });

  it('keeps all three: the tampered copy does not replace the verified badge with its id', async () => {
    const list = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'badges/list', args: {} }));
    const verdicts = (list.value as { verdict: string }[]).map((b) => b.verdict).sort();
    expect(verdicts).toEqual(['invalid', 'valid', 'valid']);
  });
});
