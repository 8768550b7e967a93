/**
 * Builds DOM without HTML strings: every string goes in as an attribute value drawn by CSS
 * (quiet.ts: a page's window.find() cannot search it), so badge fields coming from the background
 * can never become markup, nor be found by the page.
 */
import { yearMonth } from '../../core/share/dates.ts';
import { uiLanguage } from '../i18n.ts';
import { quiet } from './quiet.ts';

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(typeof c === 'string' ? quiet(c) : c);
  return el;
}

/** An image URL fit for our own UI: http(s), or a data: image the extension made (never SVG script: <img> runs none). */
export function safeImage(src: string | undefined): string | null {
  if (!src) return null;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(src)) return src;
  try {
    const u = new URL(src);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * "Mar 2026" in the browser's language (the words around it are), from an ISO date, its year and
 * month as written (core/share/dates.ts yearMonth, as the badge page reads them); '' when there is
 * none. Not Date.UTC, which reads a year 0–99 as 1900–1999 (ECMAScript §21.4.3.1 MakeFullYear) and
 * moves a month 13 or 00 into another year: dates the issuer never wrote, beside the verdict.
 */
export function monthYear(iso: string | undefined): string {
  const ym = yearMonth(iso);
  if (!ym) return '';
  const d = new Date(0);
  d.setUTCFullYear(ym.year, ym.month - 1, 15);
  return d.toLocaleDateString(uiLanguage(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
