/// <reference types="chrome" />
/**
 * "Check again" in the real popup with the issuer's server stopped (the browser online): the
 * badge stays verified, and the page says when it was last verified, which host the latest check
 * could not reach and when, and offers to try again (background/services/last-complete.ts). In
 * English and French. Screenshots: test-results/popup-recheck-unreachable-{en,fr}.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';
import { call, grantHosts } from './support/extension.ts';

let bp: Backpack | undefined;
let ext: Launched | undefined;

afterEach(async () => {
  await ext?.close();
  await bp?.close().catch(() => undefined); // stopped by the test already
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LANGS = {
  en: {
    verification: 'Verification', checkAgain: 'Check again', tryAgain: 'Try again', verified: /Verified/,
    notice: (host: string) => `Lanyard could not reach ${host}, so the badge keeps the result of its last complete check.`,
    note: (host: string) => new RegExp(`^Last verified .+\\. The latest check could not reach ${esc(host)} at .+, so this is the result of the last complete check\\.`),
  },
  fr: {
    verification: 'Vérification', checkAgain: 'Vérifier à nouveau', tryAgain: 'Réessayer', verified: /Vérifié/,
    notice: (host: string) => `Lanyard n’a pas pu joindre ${host}\u00a0: le badge garde le résultat de sa dernière vérification complète.`,
    note: (host: string) => new RegExp(`^Dernière vérification complète\u00a0: .+\\. La dernière tentative, à .+, n’a pas pu joindre ${esc(host)}\u00a0: le résultat affiché est celui de la dernière vérification complète\\.`),
  },
} as const;

describe('Check again with the issuer unreachable (Chromium)', () => {
  for (const [lang, s] of Object.entries(LANGS)) {
    it(`keeps the badge verified and says what could not be reached (${lang})`, async () => {
      bp = await startBackpack({ port: 0 });
      ext = await launchExtension({ lang });
      await grantHosts(ext, ['http://127.0.0.1/*']);
      const { page, errors } = await openPopup(ext);
      const host = new URL(bp.baseUrl).host;
      const jwt = await (await fetch(`${bp.baseUrl}/ob3/credentials/ob3-ada-jwt-eddsa`)).text();
      const added = await call<{ key: string; verdict: string; name: string }>(page, 'badges/import', { source: { kind: 'text', text: jwt } });
      expect(added.verdict).toBe('valid');
      await page.reload();
      await page.getByRole('option').filter({ hasText: added.name }).click();
      await page.getByRole('heading', { name: s.verification, exact: true }).waitFor();
      expect(await page.locator('.verdict-line').textContent()).toMatch(s.verified);

      await bp.close();
      await page.getByRole('button', { name: s.checkAgain }).click();
      await page.getByText(s.notice(host)).waitFor({ timeout: 30_000 });
      expect(await page.locator('.verdict-line').textContent()).toMatch(s.verified);
      expect(await page.locator('.last-complete').textContent()).toMatch(s.note(host));
      await page.getByRole('button', { name: s.tryAgain }).waitFor();
      await shot(page, `recheck-unreachable-${lang}`);
      const stored = await call<{ verdict: string; unreachable?: { hosts: string[] } }>(page, 'badges/get', { key: added.key });
      expect(stored).toMatchObject({ verdict: 'valid', unreachable: { hosts: [host] } });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
