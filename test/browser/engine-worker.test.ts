/**
 * The engine inside the real extension's service worker (not only in Node): a Data Integrity
 * credential, a VC-JWT and a tampered copy imported through `badges/import` from an extension
 * page, verified by the worker, offline (did:key issuers need no fetch). Then the engine let go after
 * ENGINE_IDLE_MS without a verification, by the same worker (src/platform/engine-loader.ts), and
 * imported again from the worker's script cache for the next one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';
import { ENGINE_GLOBAL, ENGINE_IDLE_MS } from '../../src/core/verify/engine.ts';
import { currentWorker, workerInstance } from './support/extension.ts';

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

describe('the engine released when idle', () => {
  const engineType = () => currentWorker(ext).then((w) => w.evaluate((g) => typeof (self as unknown as Record<string, unknown>)[g], ENGINE_GLOBAL));

  it('is let go by the running worker after ENGINE_IDLE_MS, and imported again for the next verification', async () => {
    const worker = await currentWorker(ext);
    await workerInstance(worker, 'before-idle');
    // Loaded by the verifications above.
    expect(await engineType()).toBe('object');
    await expect.poll(engineType, { timeout: ENGINE_IDLE_MS + 20_000, interval: 1_000 }).toBe('undefined');
    // The same worker (not one the browser stopped and started again): the release was Lanyard's.
    expect(await workerInstance(worker)).toBe('before-idle');
    const r = await importText(fixture('dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-basicOBv3.json'));
    expect(r.value).toMatchObject({ verdict: 'valid', format: 'ob3.0-data-integrity' });
    expect(await engineType()).toBe('object');
  }, ENGINE_IDLE_MS + 60_000);
});
