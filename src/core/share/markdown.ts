/**
 * A small, safe Markdown reader for criteria and descriptions: paragraphs, headings, lists,
 * block quotes, fenced code and rules, with the inline subset of markdown-inline.ts. It builds a
 * tree (no HTML strings), so a renderer decides how to output it: markdownToHtml() escapes every
 * text for mail and content scripts; the popup renders the tree as Preact nodes, so no HTML string is parsed there.
 * Written here rather than taken from a library because the subset is small and the guarantee
 * (no raw HTML, only http(s) links) is easier to see in 200 lines than to configure.
 */
import { parseInline, type MdInline } from './markdown-inline.ts';

export type { MdInline } from './markdown-inline.ts';

export type MdBlock =
  | { t: 'p'; c: MdInline[] }
  | { t: 'h'; level: 1 | 2 | 3 | 4 | 5 | 6; c: MdInline[] }
  | { t: 'ul'; items: MdInline[][] }
  | { t: 'ol'; start: number; items: MdInline[][] }
  | { t: 'quote'; c: MdBlock[] }
  | { t: 'pre'; v: string }
  | { t: 'hr' };

/** Longer criteria are cut: the popup shows a summary and links to the issuer's page. */
export const MAX_MARKDOWN_CHARS = 20_000;

// No lazy or nested quantifier that can backtrack over a long line (linear time, issue 12 point 11);
// `s`, so that a U+2028 in a line cannot make `.*$` fail and backtrack.
const HEADING = /^(#{1,6})\s+(.*)$/s;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/s;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/s;
const FENCE = /^\s{0,3}(```|~~~)/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/s;

/** A heading's text without its closing sequence of `#` (CommonMark: only after a space, or alone). */
function headingText(raw: string): string {
  const t = raw.trimEnd();
  let k = t.length;
  while (k > 0 && t[k - 1] === '#') k--;
  return (k === 0 || /\s/.test(t[k - 1] as string) ? t.slice(0, k) : t).trim();
}

export function parseMarkdown(source: string, quoteDepth = 0): MdBlock[] {
  const lines = source.slice(0, MAX_MARKDOWN_CHARS).replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).trimStart().startsWith(fence[1] as string); i++) body.push(lines[i] as string);
      blocks.push({ t: 'pre', v: body.join('\n') });
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ t: 'h', level: (heading[1] as string).length as 1, c: parseInline(headingText(heading[2] ?? '')) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ t: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line) && quoteDepth < 3) {
      const body: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] as string); i++) body.push(QUOTE.exec(lines[i] as string)?.[1] ?? '');
      blocks.push({ t: 'quote', c: parseMarkdown(body.join('\n'), quoteDepth + 1) });
      continue;
    }
    const list = BULLET.test(line) ? BULLET : ORDERED.test(line) ? ORDERED : undefined;
    if (list) {
      const items: string[] = [];
      const start = Number(ORDERED.exec(line)?.[1] ?? 1);
      for (; i < lines.length; i++) {
        const l = lines[i] as string;
        const m = list.exec(l);
        if (m) items.push(m[m.length - 1] ?? '');
        else if (l.trim() && /^\s+/.test(l) && items.length) items[items.length - 1] += '\n' + l.trim();
        else break;
      }
      const parsed = items.map((s) => parseInline(s));
      blocks.push(list === BULLET ? { t: 'ul', items: parsed } : { t: 'ol', start, items: parsed });
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length; i++) {
      const l = lines[i] as string;
      if (!l.trim()) break;
      // The first line is this paragraph's whatever it looks like (a too-deep quote), so the loop always advances.
      if (para.length && (HEADING.test(l) || FENCE.test(l) || RULE.test(l) || QUOTE.test(l) || BULLET.test(l) || ORDERED.test(l))) break;
      para.push(l);
    }
    blocks.push({ t: 'p', c: parseInline(para.join('\n')) });
  }
  return blocks;
}
