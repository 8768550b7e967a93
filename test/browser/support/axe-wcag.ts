/**
 * axe-core (Deque's implementation of the W3C ACT rules) limited to the WCAG 2.1 A and AA rules,
 * every impact, in a page or in one part of it. Evaluated through the debugger protocol
 * (page.evaluate): an extension page's CSP (script-src 'self') refuses an injected <script>.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA (axe's tags: https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#axe-core-tags). */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The violations as "rule (impact): targets", of every impact. `include`: a CSS selector of the
 * part to audit (open shadow roots inside it included), else the whole document.
 */
export async function axeWcag(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async ([sel, tags]) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] };
    const w = window as unknown as { axe: { run(ctx: unknown, o: object): Promise<Result> } };
    const r = await w.axe.run(sel ? { include: [[sel]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, [include ?? '', WCAG21_AA] as const);
}
