/**
 * axe-core (Deque's implementation of the W3C ACT rules) limited to the WCAG 2.1 A and AA rules and
 * axe's best practices (landmarks among them), every impact, in a page or in one part of it.
 * Evaluated through the debugger protocol (page.evaluate): an extension page's CSP
 * (script-src 'self') refuses an injected <script>.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA, and best practices (axe's tags: axe-core doc/API.md, "Axe-core Tags"). */
export const AUDITED = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * The violations as "rule (impact): targets", of every impact, and the texts whose contrast axe
 * could not decide (its "incomplete" color-contrast: a background it cannot find would hide a
 * failure). `include`: a CSS selector of the part to audit (open shadow roots inside it
 * included), else the whole document.
 */
export async function axeWcag(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async ([sel, tags]) => {
    type Found = { id: string; impact: string; nodes: { target: unknown[] }[] }[];
    const w = window as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: Found; incomplete: Found; passes: Found }> } };
    const r = await w.axe.run(sel ? { include: [[sel]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const undecided = r.incomplete.filter((v) => v.id === 'color-contrast').map((v) => ({ ...v, id: 'color-contrast undecided' }));
    if (!r.passes.some((v) => v.id === 'color-contrast') && !r.violations.some((v) => v.id === 'color-contrast')) undecided.push({ id: 'color-contrast never checked', impact: '', nodes: [] });
    return [...r.violations, ...undecided].map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, [include ?? '', AUDITED] as const);
}
