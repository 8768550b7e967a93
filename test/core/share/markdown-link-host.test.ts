/**
 * Hostile review (session 17): a description or criteria narrative is the issuer's Markdown, and a
 * link's words are its own: `[https://harvard.edu/verify](https://evil.example/)` showed
 * "https://harvard.edu/verify" in the popup and went to evil.example; a bare URL with a look-alike
 * character (U+2044 FRACTION SLASH for "/") showed "https://harvard.edu⁄evil.example" and went to an
 * xn-- host. The sanitiser let them through (both are http(s)); the reader could not tell. Now a link
 * whose words name a host other than the one it goes to is followed by that host, "(evil.example)".
 */
import { describe, expect, it } from 'vitest';
import { parseInline, type MdInline } from '../../../src/core/share/markdown-inline.ts';
import { markdownToHtml } from '../../../src/core/share/markdown-html.ts';

const flat = (nodes: MdInline[]): string =>
  nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : n.t === 'link' ? `[${flat(n.c)}→${new URL(n.href).hostname}]` : n.t === 'br' ? '\n' : flat(n.c))).join('');

describe('a link whose words name another host says where it goes', () => {
  it('a label written as a URL or host of another site is followed by the real host', () => {
    const cases: [string, string][] = [
      ['[https://harvard.edu/verify](https://evil.example/x)', '[https://harvard.edu/verify→evil.example] (evil.example)'],
      ['See [www.harvard.edu](https://evil.example/).', 'See [www.harvard.edu→evil.example] (evil.example).'],
      ['[**harvard.edu**](https://evil.example/)', '[harvard.edu→evil.example] (evil.example)'],
      ['[harvard.edu@evil.example](https://evil.example/)', '[harvard.edu@evil.example→evil.example] (evil.example)'],
      // Anywhere in the words, not only at their start.
      ['[Verify it at harvard.edu/verify.](https://evil.example/)', '[Verify it at harvard.edu/verify.→evil.example] (evil.example)'],
    ];
    for (const [md, shown] of cases) expect(flat(parseInline(md))).toBe(shown);
  });

  it('a bare URL or autolink whose written host is not the host it goes to (a look-alike character) shows the real one', () => {
    const bare = flat(parseInline('https://harvard.edu\u2044evil.example/verify'));
    expect(bare).toMatch(/^\[https:\/\/harvard\.edu\u2044evil\.example\/verify→(\S+)\] \(\1\)$/);
    expect(bare).toContain('xn--');
    expect(flat(parseInline('<https://harvard.edu\u2044evil.example/>'))).toMatch(/\] \(harvard\.xn--/);
  });

  it('nothing is added where the words and the link agree, or the words name no host', () => {
    const same = (md: string) => expect(flat(parseInline(md))).not.toMatch(/\] \(/);
    for (const md of [
      '[https://issuer.example/criteria](https://issuer.example/criteria)',
      '[ISSUER.example](https://issuer.example/)',
      '[Verify it at issuer.example.](https://issuer.example/)',
      'https://Issuer.Example/a and <https://issuer.example./b>',
      '[the criteria](https://issuer.example/c)',
      '[v1.2 of the rules](https://issuer.example/c) and [e.g. this](https://issuer.example/)',
    ]) same(md);
    expect(flat(parseInline('[ISSUER.example](https://issuer.example/)'))).toBe('[ISSUER.example→issuer.example]');
  });

  it('the HTML renderer shows it too, as text', () => {
    expect(markdownToHtml('[https://harvard.edu/](https://evil.example/)')).toBe('<p><a href="https://evil.example/" rel="noopener noreferrer nofollow" target="_blank">https://harvard.edu/</a> (evil.example)</p>');
  });
});
