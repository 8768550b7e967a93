/**
 * The badge card the background sends (picker/card) goes into a mail body only through here. It
 * is parsed by DOMParser (an inert document: no script runs, nothing loads) and copied element by
 * element into a fresh fragment: an allow-list of tags and attributes, inline styles without
 * url() or expressions, links and images http(s) only. Even a hostile reply cannot inject script.
 */

const KEEP = new Set(['TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'A', 'IMG', 'SPAN', 'STRONG', 'P', 'BR', 'DIV']);
/** Dropped with everything inside them; other unknown elements are unwrapped (their text kept). */
const DROP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'NOSCRIPT', 'SVG', 'MATH', 'TEXTAREA', 'SELECT', 'TITLE', 'HEAD', 'LINK', 'META', 'BASE', 'FORM', 'INPUT', 'BUTTON']);
const ATTRS: Record<string, string[]> = {
  A: ['href', 'title'],
  IMG: ['src', 'alt', 'width', 'height'],
  TD: ['colspan', 'rowspan', 'width', 'align', 'valign'],
  TABLE: ['cellpadding', 'cellspacing', 'border', 'width', 'role'],
  // The card isolates each field with dir="auto" or the direction the badge gives it, and a right-to-left
  // issuer's name in its sentence with a span of its direction (core/share/card.ts): each keeps its direction.
  DIV: ['dir'],
  SPAN: ['dir'],
};
const DIR = /^(auto|ltr|rtl)$/i;
const URL_ATTRS = new Set(['href', 'src']);
const BAD_STYLE = /url\s*\(|expression|javascript:|@import|\\|behavior|binding|<|>/i;
const MAX_DEPTH = 24;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

export function httpUrl(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

export function sanitizeCard(html: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out = doc.createDocumentFragment();
  copy(parsed.body, out, doc, 0);
  return out;
}

function copy(from: Node, to: Node, doc: Document, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const n of Array.from(from.childNodes)) {
    if (n.nodeType === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(n.nodeValue ?? ''));
      continue;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) continue;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag) || el.namespaceURI !== HTML_NS) continue;
    if (!KEEP.has(tag)) {
      copy(el, to, doc, depth + 1);
      continue;
    }
    const clean = doc.createElement(tag.toLowerCase());
    for (const name of ['style', ...(ATTRS[tag] ?? [])]) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const safe = URL_ATTRS.has(name) ? httpUrl(value) : (name === 'style' && BAD_STYLE.test(value)) || (name === 'dir' && !DIR.test(value)) ? null : value;
      if (safe !== null) clean.setAttribute(name, safe);
    }
    if (tag === 'A') {
      clean.setAttribute('target', '_blank');
      clean.setAttribute('rel', 'noopener noreferrer');
    }
    copy(el, clean, doc, depth + 1);
    to.appendChild(clean);
  }
}

/** The fragment as HTML, for execCommand('insertHTML'): only what sanitizeCard built. */
export function toHtml(fragment: DocumentFragment, doc: Document = document): string {
  const box = doc.createElement('div');
  box.append(fragment.cloneNode(true));
  return box.innerHTML;
}
