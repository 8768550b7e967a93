/**
 * The engine in the real extension (not only in Node): a Data Integrity credential, a legacy
 * proof and a tampered copy imported through `badges/import` from an extension page, verified
 * offline (did:key issuers need no fetch). In Chromium the engine runs in the offscreen document's
 * worker (src/platform/offscreen-engine.ts): the service worker never loads engine.js, finds the
 * document again after it was stopped, and closes the document once verifications are over.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { currentWorker, stopWorkers } from './support/extension.ts';
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

/** The offscreen documents open, and whether the worker itself holds the engine. */
async function where(): Promise<{ documents: number; engineInWorker: boolean }> {
  const worker = await currentWorker(ext);
  return worker.evaluate(async () => ({
    documents: (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length,
    engineInWorker: '__lanyardEngine' in globalThis,
  }));
}

describe('the engine, run for the service worker', () => {
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

  it('ran in the offscreen document, not in the service worker', async () => {
    expect(await where()).toEqual({ documents: 1, engineInWorker: false });
  });

  it('is found again after the service worker was stopped', async () => {
    await stopWorkers(ext);
    const r = await importText(fixture('dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json'));
    expect(r.value).toMatchObject({ verdict: 'invalid' });
    expect(await where()).toEqual({ documents: 1, engineInWorker: false });
  });

  it('closes its document once verifications are over', async () => {
    await expect.poll(async () => (await where()).documents, { timeout: 25_000, interval: 1000 }).toBe(0);
    // And starts again for the next one.
    const r = await importText(fixture('dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json'));
    expect(r.value).toMatchObject({ verdict: 'valid' });
  }, 40_000);
});
