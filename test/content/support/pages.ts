/**
 * Fixture pages for the jsdom tests: ours in test/fixtures/pages/, and the real markup in
 * test/fixtures/reference-pages/ (copied from the public snapshots, provenance in its README).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/pages');
export const REAL_PAGES = resolve(import.meta.dirname, '../../fixtures/reference-pages');
export const REAL_GMAIL = 'gmail-compose-new-message_js-min_2020.html';
export const REAL_LINKEDIN = 'linkedin-profile-licenses-certifications-section_scoutr_2024_redacted.html';

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export function realPage(name: string): string {
  return readFileSync(resolve(REAL_PAGES, name), 'utf8');
}

/** Replaces the jsdom document's content with a page's <head> and <body>. */
export function loadPage(html: string): void {
  const inner = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  document.documentElement.innerHTML = inner;
}

/**
 * Builds the open shadow roots a page declares with <template shadowrootmode="open"> (browsers do
 * it while parsing a page; innerHTML and jsdom do not).
 */
export function attachDeclaredShadows(root: ParentNode = document): void {
  for (const t of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode="open"]')) {
    const host = t.parentElement;
    if (!host) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(t.content.cloneNode(true));
    t.remove();
    attachDeclaredShadows(shadow);
  }
}
