/**
 * Opening the built popup as a page (real background, or ?preview over the mock actions), running
 * axe-core inside it, and saving screenshots under test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Launched } from './launch.ts';

export const SHOTS = 'test-results';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface PopupPage {
  page: Page;
  errors: string[];
  dialogs: string[];
}

/** The popup at 380×560, recording console errors, uncaught exceptions and any dialog (an injected alert). */
export async function openPopup(ext: Launched, query = '', scheme: 'light' | 'dark' = 'light'): Promise<PopupPage> {
  mkdirSync(SHOTS, { recursive: true });
  const page = await ext.context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setViewportSize({ width: 380, height: 560 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}${query}`);
  return { page, errors, dialogs };
}

/**
 * axe-core in the page. Evaluated through the debugger protocol: the extension page's CSP
 * (script-src 'self') rightly refuses an injected <script>. Returns serious and critical
 * violations as "rule: targets".
 */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SHOTS}/popup-${name}.png` });
}
