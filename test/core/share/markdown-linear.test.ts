/**
 * Linear-time Markdown (issue 12 point 11). The reader counts its work (markdownSteps()), so the
 * test checks growth without a clock: ten times the input must cost about ten times the steps
 * (a quadratic reader costs a hundred times). Timings are in bench/markdown.ts.
 */
import { describe, expect, it } from 'vitest';
import { markdownSteps, parseInline, resetMarkdownSteps, type MdInline } from '../../../src/core/share/markdown-inline.ts';
import { MAX_MARKDOWN_CHARS, parseMarkdown } from '../../../src/core/share/markdown.ts';
import { markdownToHtml } from '../../../src/core/share/markdown-html.ts';
import { PATHOLOGICAL } from '../../fixtures/hostile/markdown.ts';


const stepsFor = (src: string): number => {
  resetMarkdownSteps();
  parseInline(src);
  return markdownSteps();
};

const textOf = (nodes: MdInline[]): string =>
  nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : n.t === 'br' ? '\n' : textOf(n.c))).join('');

describe('inline Markdown is linear', () => {
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(`${name}: 200 000 characters cost at most 12× the steps of 20 000`, () => {
      const small = stepsFor(make(20_000));
      const large = stepsFor(make(200_000));
      expect(small).toBeGreaterThan(0);
      expect(large / small).toBeLessThan(12);
      // And the work is a small multiple of the length, not of its square.
      expect(large).toBeLessThan(200_000 * 1200);
    });
  }

  it('keeps the text of pathological input: 200 000 `[` are 200 000 `[`', () => {
    const src = '['.repeat(200_000);
    expect(parseInline(src)).toEqual([{ t: 'text', v: src }]);
    expect(textOf(parseInline('*a '.repeat(1000)))).toBe('*a '.repeat(1000));
  });

  it('still reads what it read before: links inside brackets, emphasis, code with longer fences, escapes', () => {
    expect(parseInline('[[x]](https://a.example)')).toEqual([{ t: 'link', href: 'https://a.example/', c: [{ t: 'text', v: '[x]' }] }]);
    expect(parseInline('``a ` b`` *c* **d** \\*e\\*')).toEqual([
      { t: 'code', v: 'a ` b' }, { t: 'text', v: ' ' }, { t: 'em', c: [{ t: 'text', v: 'c' }] }, { t: 'text', v: ' ' },
      { t: 'strong', c: [{ t: 'text', v: 'd' }] }, { t: 'text', v: ' *e*' },
    ]);
    expect(parseInline('`unclosed and `` unmatched')).toEqual([{ t: 'text', v: '`unclosed and `` unmatched' }]);
    expect(parseInline('line  \nbreak\nsoft')).toEqual([{ t: 'text', v: 'line' }, { t: 'br' }, { t: 'text', v: 'break soft' }]);
  });
});

describe('block Markdown is linear', () => {
  it('a heading with a long closing run, a long rule-like line and a line with U+2028 parse at once, and right', () => {
    const n = MAX_MARKDOWN_CHARS - 10;
    const started = performance.now();
    expect(parseMarkdown('# a' + '#'.repeat(n) + 'b')).toEqual([{ t: 'h', level: 1, c: [{ t: 'text', v: 'a' + '#'.repeat(n) + 'b' }] }]);
    expect(parseMarkdown('# Title ##')).toEqual([{ t: 'h', level: 1, c: [{ t: 'text', v: 'Title' }] }]);
    expect(parseMarkdown('# C#')).toEqual([{ t: 'h', level: 1, c: [{ t: 'text', v: 'C#' }] }]);
    expect(parseMarkdown('- ' + ' '.repeat(n) + '\u2028x')[0]?.t).toBe('ul');
    expect(parseMarkdown('- '.repeat(n / 2) + 'x')[0]?.t).toBeDefined();
    // A generous sanity bound (the quadratic reader took seconds here); the real numbers are in the benchmark.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('markdownToHtml over every pathological input escapes it all', () => {
    for (const make of Object.values(PATHOLOGICAL)) {
      const html = markdownToHtml(make(2000) + '<script>x</script>');
      expect(html).not.toContain('<script>');
    }
  });
});
