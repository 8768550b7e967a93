/**
 * Inline Markdown (a safe subset): `code`, **strong**, *em*, [links](https://…), <https://…> and
 * bare http(s) URLs, backslash escapes, hard breaks. Raw HTML is never interpreted: it stays text,
 * and the renderers escape it. A link whose target is not http(s) keeps its text and loses its link.
 *
 * Linear time (issue 12 point 11): a badge's description is hostile input, and a run of 200 000
 * `[` or `*` must not cost 200 000² steps. Every closer an opener looks for (a backtick run of the
 * same length, `**`/`__`, a lone `*`/`_`, the matching `]`) is found in tables built in one pass
 * over the text (./markdown-scan.ts), whose cursors only move forward; a link's destination is read
 * within a bounded window; emphasis nests at most MAX_DEPTH deep, so the whole parse is
 * O(MAX_DEPTH × length). `markdownSteps()` counts the work, so a test can check it grows linearly.
 */
import { safeHttpUrl } from './escape.ts';
import { otherHost } from './link-host.ts';
import { scanInline, steps, type InlineScan } from './markdown-scan.ts';

export { markdownSteps, resetMarkdownSteps } from './markdown-scan.ts';

export type MdInline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'em' | 'strong'; c: MdInline[] }
  | { t: 'link'; href: string; c: MdInline[] }
  | { t: 'br' };

const MAX_DEPTH = 8;
/** safeHttpUrl refuses longer URLs anyway; a destination is looked for within this span of text. */
const MAX_URL = 4096;
// Schemes are case-insensitive (RFC 3986 §3.1; CommonMark §6.5 autolinks): HTTPS://… is linked as https://… is.
const BARE_URL = /https?:\/\/[^\s<>"'`]{1,4088}/iy;
const AUTOLINK = /<(https?:\/\/[^\s<>]{1,4096})>/iy;
const BACKTICKS = /`+/y;
const PUNCT = /[!-/:-@[-`{-~]/;
// One level of balanced parentheses in the URL: [x](https://en.wikipedia.org/wiki/Foo_(bar)).
const DESTINATION = /^\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/;

/** Text pieces, so that trimming before a line break never copies the whole paragraph. */
class TextBuffer {
  private parts: string[] = [];
  add(s: string): void {
    if (s) this.parts.push(s);
  }
  endsWithTwoSpaces(): boolean {
    const last = this.parts[this.parts.length - 1] ?? '';
    if (last.length >= 2) return last.endsWith('  ');
    return last === ' ' && (this.parts[this.parts.length - 2] ?? '').endsWith(' ');
  }
  trimEnd(): void {
    while (this.parts.length) {
      const last = this.parts[this.parts.length - 1] as string;
      const t = last.trimEnd();
      steps.n += last.length - t.length + 1;
      if (t) {
        this.parts[this.parts.length - 1] = t;
        return;
      }
      this.parts.pop();
    }
  }
  take(): string {
    const s = this.parts.join('');
    this.parts = [];
    return s;
  }
}

export function parseInline(src: string, depth = 0, inLink = false): MdInline[] {
  const out: MdInline[] = [];
  const text = new TextBuffer();
  const scan: InlineScan = scanInline(src);
  const flush = () => {
    const v = text.take();
    if (v) out.push({ t: 'text', v });
  };
  const push = (node: MdInline) => {
    flush();
    out.push(node);
  };
  let i = 0;
  let plain = 0; // start of the current run of plain characters, added in one piece
  const addPlain = () => {
    if (plain < i) text.add(src.slice(plain, i));
  };
  while (i < src.length) {
    steps.n++;
    const ch = src[i] as string;
    if (!isSpecial(ch)) {
      i++;
      continue;
    }
    addPlain();
    const before = i;
    i = step(src, i, ch, depth, inLink, scan, text, out, push, flush);
    if (i === before) {
      text.add(ch);
      i++;
    }
    plain = i;
  }
  addPlain();
  flush();
  return out;
}

const isSpecial = (ch: string): boolean => ch === '\\' || ch === '\n' || ch === '`' || ch === '*' || ch === '_' || ch === '[' || ch === '<' || ch === 'h' || ch === 'H';

/** Reads the construct at `i`; returns where parsing continues, or `i` when `ch` is plain text here. */
function step(
  src: string, i: number, ch: string, depth: number, inLink: boolean, scan: InlineScan,
  text: TextBuffer, out: MdInline[], push: (n: MdInline) => void, flush: () => void,
): number {
  if (ch === '\\' && i + 1 < src.length && PUNCT.test(src[i + 1] as string)) {
    text.add(src[i + 1] as string);
    return i + 2;
  }
  if (ch === '\n') {
    // Two trailing spaces make a hard break; otherwise a newline is a space.
    if (text.endsWithTwoSpaces()) {
      text.trimEnd();
      push({ t: 'br' });
    } else {
      text.trimEnd();
      text.add(' ');
    }
    return i + 1;
  }
  if (ch === '`') {
    BACKTICKS.lastIndex = i;
    const run = BACKTICKS.exec(src)?.[0].length ?? 1;
    steps.n += run;
    const end = scan.nextBacktickRun(run, i + run);
    if (end > 0) {
      push({ t: 'code', v: src.slice(i + run, end).trim() });
      return end + run;
    }
    // No closing run of the same length: the backticks are text.
    text.add(src.slice(i, i + run));
    return i + run;
  }
  if (depth < MAX_DEPTH && (ch === '*' || ch === '_') && src[i + 1] === ch) {
    const end = scan.nextDouble(ch, i + 2);
    if (end > i + 2) {
      push({ t: 'strong', c: parseInline(src.slice(i + 2, end), depth + 1, inLink) });
      return end + 2;
    }
  }
  if (depth < MAX_DEPTH && (ch === '*' || ch === '_') && src[i + 1] !== ch && src[i + 1] !== ' ') {
    // `_` inside a word (snake_case) is not emphasis.
    const wordBefore = ch === '_' && /\w/.test(src[i - 1] ?? '');
    const end = wordBefore ? -1 : scan.nextSingle(ch, i + 1);
    if (end > i + 1 && !(ch === '_' && /\w/.test(src[end + 1] ?? ''))) {
      push({ t: 'em', c: parseInline(src.slice(i + 1, end), depth + 1, inLink) });
      return end + 1;
    }
  }
  if (ch === '[' && !inLink && depth < MAX_DEPTH) {
    const link = parseLink(src, i, scan);
    if (link) {
      const label = parseInline(link.label, depth + 1, true);
      const href = safeHttpUrl(link.url);
      if (href) linked(href, label).forEach(push);
      else {
        flush();
        out.push(...label);
      }
      return link.end;
    }
  }
  if (ch === '<' && !inLink) {
    AUTOLINK.lastIndex = i;
    const auto = AUTOLINK.exec(src);
    steps.n += auto ? auto[0].length : 1;
    const href = auto && safeHttpUrl(auto[1]);
    if (auto && href) {
      linked(href, [{ t: 'text', v: auto[1] as string }]).forEach(push);
      return i + auto[0].length;
    }
  }
  if ((ch === 'h' || ch === 'H') && !inLink && !/\w/.test(src[i - 1] ?? '')) {
    BARE_URL.lastIndex = i;
    const m = BARE_URL.exec(src);
    if (m) {
      steps.n += m[0].length;
      const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
      const href = safeHttpUrl(raw);
      if (href) {
        linked(href, [{ t: 'text', v: raw }]).forEach(push);
        return i + raw.length;
      }
      // Not a URL after all: all of it is text (looking again inside it would be quadratic).
      text.add(m[0]);
      return i + m[0].length;
    }
  }
  return i;
}

/** A label's words, without their emphasis (a label holds no link: parsed with `inLink`). */
const wordsOf = (nodes: readonly MdInline[]): string =>
  nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : n.t === 'br' ? ' ' : wordsOf(n.c))).join('');

/**
 * A link, and after it the host it goes to when its words name another (link-host.ts):
 * `[https://harvard.edu/verify](https://evil.example/)` read as Harvard's page, and so did a bare
 * URL with a look-alike character in its host.
 */
function linked(href: string, label: MdInline[]): MdInline[] {
  const link: MdInline = { t: 'link', href, c: label };
  const host = otherHost(wordsOf(label), href);
  return host ? [link, { t: 'text', v: ` (${host})` }] : [link];
}

/** `[label](url "title")`, with balanced brackets in the label; the title is ignored. */
function parseLink(src: string, start: number, scan: InlineScan): { label: string; url: string; end: number } | undefined {
  const j = scan.closingBracket(start);
  if (j < 0 || src[j + 1] !== '(') return undefined;
  const span = src.slice(j + 1, j + 1 + MAX_URL + 256);
  steps.n += span.length;
  const m = DESTINATION.exec(span);
  if (!m) return undefined;
  return { label: src.slice(start + 1, j), url: m[1] ?? '', end: j + 1 + m[0].length };
}
