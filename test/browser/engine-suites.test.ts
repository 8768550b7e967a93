/**
 * The proof suites beside eddsa-rdfc-2022 inside the real extension's service worker (issue 11
 * point 4): a JFF Plugfest badge signed with Ed25519Signature2018, OB 3.0 badges signed here with
 * ecdsa-rdfc-2019 on P-256 and P-384 (RDFC-1.0 with SHA-384 runs on the worker's WebCrypto), and a
 * tampered copy; imported through `badges/import`, offline (did:key issuers need no fetch).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { generateEcSigner, signEcdsaRdfc } from '../core/proofs/suites-sign.ts';
import { credential } from '../core/proofs/support.ts';

let ext: Launched;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
}, 60_000);
afterAll(async () => ext?.close());

async function importText(text: string): Promise<{ ok: boolean; value?: { verdict: string; format: string } }> {
  return page.evaluate((t) => chrome.runtime.sendMessage({ type: 'badges/import', args: { source: { kind: 'text', text: t } } }), text);
}

describe('the new suites in the service worker', () => {
  it('verifies a JFF Plugfest 3 badge (Ed25519Signature2018) as valid', async () => {
    const r = await importText(readFileSync('test/fixtures/suites/vc-ed_plugfest-3-2023_signed_badge_example-p3.json', 'utf8'));
    expect(r.value, JSON.stringify(r)).toMatchObject({ verdict: 'valid', format: 'ob3.0-data-integrity' });
  });

  it.each(['P-256', 'P-384'] as const)('verifies an ecdsa-rdfc-2019 %s badge as valid, and its tampered copy as invalid', async (crv) => {
    const signer = await generateEcSigner(crv);
    const signed = await signEcdsaRdfc(credential(signer.did), signer);
    expect((await importText(JSON.stringify(signed))).value, crv).toMatchObject({ verdict: 'valid' });
    const tampered = structuredClone(signed) as Record<string, any>;
    tampered.credentialSubject.achievement.description = 'Changed';
    tampered.id = `urn:uuid:${crypto.randomUUID()}`;
    expect((await importText(JSON.stringify(tampered))).value).toMatchObject({ verdict: 'invalid' });
  });
});
