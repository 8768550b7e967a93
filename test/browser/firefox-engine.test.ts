/**
 * The engine inside Firefox's background page (an event page running the add-on's background
 * scripts, not a service worker): a Data Integrity credential, a legacy Ed25519Signature2020 proof
 * and a tampered copy imported through `badges/import` from an extension page and verified there,
 * offline (did:key issuers need no fetch). firefox/support.ts says what is covered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_DIR } from '../support/conformance.ts';
import { Firefox } from './firefox/support.ts';

let ff: Firefox;

beforeAll(async () => {
  ff = await Firefox.launch();
  await ff.openTab(ff.popupUrl);
});
afterAll(async () => {
  await ff?.quit();
});

const fixture = (p: string) => readFileSync(path.join(CONFORMANCE_DIR, p), 'utf8');
const importText = (text: string) => ff.send<{ verdict: string; format: string; name: string }>('badges/import', { source: { kind: 'text', text } });

describe('the engine in Firefox’s background page', { timeout: 180_000 }, () => {
  it('runs as a background page (a window, not a service worker)', async () => {
    const where = await ff.run(async () => {
      const page = (await (globalThis as unknown as { browser: typeof chrome & { runtime: { getBackgroundPage(): Promise<Window> } } }).browser.runtime.getBackgroundPage()) as Window | null;
      return page?.location.pathname ?? null;
    });
    expect(where).toBe('/_generated_background_page.html');
  });

  it('verifies a Data Integrity credential (eddsa-rdfc-2022, did:key) as valid', async () => {
    const r = await importText(fixture('dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json'));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.ok && r.value).toMatchObject({ verdict: 'valid', format: 'ob3.0-data-integrity' });
  });

  it('verifies a legacy Ed25519Signature2020 proof as valid', async () => {
    const r = await importText(fixture('dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json'));
    expect(r.ok && r.value).toMatchObject({ verdict: 'valid' });
  });

  it('finds a tampered Data Integrity credential invalid', async () => {
    const r = await importText(fixture('dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json'));
    expect(r.ok && r.value).toMatchObject({ verdict: 'invalid' });
  });

  it('keeps all three, and no error was reported', async () => {
    const list = await ff.call<{ verdict: string }[]>('badges/list', {});
    expect(list.map((b) => b.verdict).sort()).toEqual(['invalid', 'valid', 'valid']);
    expect(await ff.takeErrors()).toEqual([]);
  });
});
