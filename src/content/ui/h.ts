/**
 * Builds DOM without HTML strings: every string goes in as an attribute value drawn by CSS
 * (quiet.ts: a page's window.find() cannot search it), so badge fields coming from the background
 * can never become markup, nor be found by the page.
 */
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

/** "Mar 2026" in the browser's language (the words around it are), from an ISO date; '' when there is none. */
export function monthYear(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null;
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  return d.toLocaleDateString(uiLanguage(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
