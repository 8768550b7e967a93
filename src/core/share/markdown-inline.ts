/**
 * Inline Markdown (a safe subset): `code`, **strong**, *em*, [links](https://…), <https://…> and
 * bare http(s) URLs, backslash escapes, hard breaks. Raw HTML is never interpreted: it stays text,
 * and the renderers escape it. A link whose target is not http(s) keeps its text and loses its link.
 */
import { safeHttpUrl } from './escape.ts';

export type MdInline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'em' | 'strong'; c: MdInline[] }
  | { t: 'link'; href: string; c: MdInline[] }
  | { t: 'br' };

const MAX_DEPTH = 8;
const BARE_URL = /^https?:\/\/[^\s<>"'`]+/;
const PUNCT = /[!-/:-@[-`{-~]/;

export function parseInline(src: string, depth = 0, inLink = false): MdInline[] {
  const out: MdInline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', v: text });
    text = '';
  };
  const push = (node: MdInline) => {
    flush();
    out.push(node);
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    const rest = src.slice(i);
    if (ch === '\\' && i + 1 < src.length && PUNCT.test(src[i + 1] as string)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      // Two trailing spaces or a backslash make a hard break; otherwise a newline is a space.
      if (text.endsWith('  ')) {
        text = text.trimEnd();
        push({ t: 'br' });
      } else text = text.trimEnd() + ' ';
      i++;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(rest)?.[0] ?? '`';
      const end = src.indexOf(run, i + run.length);
      if (end > 0) {
        push({ t: 'code', v: src.slice(i + run.length, end).trim() });
        i = end + run.length;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (rest.startsWith('**') || rest.startsWith('__'))) {
      const delim = rest.slice(0, 2);
      const end = src.indexOf(delim, i + 2);
      if (end > i + 2) {
        push({ t: 'strong', c: parseInline(src.slice(i + 2, end), depth + 1, inLink) });
        i = end + 2;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (ch === '*' || ch === '_') && src[i + 1] !== ch && src[i + 1] !== ' ') {
      // `_` inside a word (snake_case) is not emphasis.
      const wordBefore = ch === '_' && /\w/.test(src[i - 1] ?? '');
      const end = findSingle(src, ch, i + 1);
      if (!wordBefore && end > i + 1 && !(ch === '_' && /\w/.test(src[end + 1] ?? ''))) {
        push({ t: 'em', c: parseInline(src.slice(i + 1, end), depth + 1, inLink) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[' && !inLink && depth < MAX_DEPTH) {
      const link = parseLink(src, i);
      if (link) {
        const label = parseInline(link.label, depth + 1, true);
        const href = safeHttpUrl(link.url);
        if (href) push({ t: 'link', href, c: label });
        else {
          flush();
          out.push(...label);
        }
        i = link.end;
        continue;
      }
    }
    if (ch === '<') {
      const auto = /^<(https?:\/\/[^\s<>]+)>/.exec(rest);
      const href = auto && safeHttpUrl(auto[1]);
      if (auto && href && !inLink) {
        push({ t: 'link', href, c: [{ t: 'text', v: auto[1] as string }] });
        i += auto[0].length;
        continue;
      }
    }
    if ((ch === 'h' || ch === 'H') && !inLink && !/\w/.test(src[i - 1] ?? '')) {
      const m = BARE_URL.exec(rest);
      if (m) {
        const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
        const href = safeHttpUrl(raw);
        if (href) {
          push({ t: 'link', href, c: [{ t: 'text', v: raw }] });
          i += raw.length;
          continue;
        }
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** The index of the next lone `ch` (not doubled) after `from`, on the same paragraph, or -1. */
function findSingle(src: string, ch: string, from: number): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ch) {
      if (src[j + 1] === ch) j++;
      else if (src[j - 1] !== ' ') return j;
    }
  }
  return -1;
}

/** `[label](url "title")`, with balanced brackets in the label; the title is ignored. */
function parseLink(src: string, start: number): { label: string; url: string; end: number } | undefined {
  let depth = 0;
  let j = start;
  for (; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === '[') depth++;
    else if (src[j] === ']' && --depth === 0) break;
  }
  if (j >= src.length || src[j + 1] !== '(') return undefined;
  // One level of balanced parentheses in the URL: [x](https://en.wikipedia.org/wiki/Foo_(bar)).
  const m = /^\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/.exec(src.slice(j + 1));
  if (!m) return undefined;
  return { label: src.slice(start + 1, j), url: m[1] ?? '', end: j + 1 + m[0].length };
}
