import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../src/core/share/markdown-html.ts';
import { parseMarkdown } from '../../../src/core/share/markdown.ts';

describe('markdownToHtml', () => {
  it('renders the subset: headings, lists, emphasis, code, links, quotes, rules', () => {
    const html = markdownToHtml('# Title\n\nSome **bold** and *em* and `code`.\n\n- one\n- two [link](https://a.example/x "t")\n\n1. first\n2. second\n\n> quoted\n\n---\n\nSee <https://b.example> or https://c.example/page.');
    expect(html).toBe(
      [
        '<h1>Title</h1>',
        '<p>Some <strong>bold</strong> and <em>em</em> and <code>code</code>.</p>',
        '<ul><li>one</li><li>two <a href="https://a.example/x" rel="noopener noreferrer nofollow" target="_blank">link</a></li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
        '<blockquote><p>quoted</p></blockquote>',
        '<hr>',
        '<p>See <a href="https://b.example/" rel="noopener noreferrer nofollow" target="_blank">https://b.example</a> or <a href="https://c.example/page" rel="noopener noreferrer nofollow" target="_blank">https://c.example/page</a>.</p>',
      ].join('\n'),
    );
  });

  // RFC 3986 §3.1: schemes are case-insensitive. <HTTPS://…> and a bare HTTPS://… stayed text.
  it('links upper- and mixed-case http(s) schemes as the lower-case ones, the text as written', () => {
    const a = (href: string, text: string) => `<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>`;
    expect(markdownToHtml('See <HTTPS://b.example> or HTTPS://c.example/page, Http://d.example.')).toBe(
      `<p>See ${a('https://b.example/', 'HTTPS://b.example')} or ${a('https://c.example/page', 'HTTPS://c.example/page')}, ${a('http://d.example/', 'Http://d.example')}.</p>`,
    );
    expect(markdownToHtml('<HTTPS://b.example>')).toBe(markdownToHtml('<https://b.example>').replace('>https://b.example<', '>HTTPS://b.example<'));
    for (const other of ['<JAVASCRIPT:alert(1)>', 'FTP://e.example', '<HTTPX://f.example>', 'xHTTPS://g.example']) expect(markdownToHtml(other)).not.toContain('<a');
  });

  it('never links anything but http(s), and keeps the link text', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', 'mailto:a@b.example']) {
      const html = markdownToHtml(`[click](${href})`);
      expect(html).not.toContain('<a');
      expect(html).toContain('click');
      expect(html).not.toMatch(/href=|<script/i);
    }
  });

  it('drops an unsafe target entirely when the link parses', () => {
    expect(markdownToHtml('[click](javascript:alert(1)) and [wiki](https://w.example/Foo_(bar))')).toBe(
      '<p>click and <a href="https://w.example/Foo_(bar)" rel="noopener noreferrer nofollow" target="_blank">wiki</a></p>',
    );
  });

  it('shows raw HTML as text, escaped', () => {
    const html = markdownToHtml('<script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:x">a</a>\n\n<div onclick="x">');
    expect(html).not.toMatch(/<(script|img|div|a)\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('escapes inside code, link text and headings, and offsets heading levels', () => {
    expect(markdownToHtml('## <b>x</b>', { headingOffset: 2 })).toBe('<h4>&lt;b&gt;x&lt;/b&gt;</h4>');
    expect(markdownToHtml('`<i>`')).toBe('<p><code>&lt;i&gt;</code></p>');
    expect(markdownToHtml('[<img src=x>](https://a.example)')).toBe('<p><a href="https://a.example/" rel="noopener noreferrer nofollow" target="_blank">&lt;img src=x&gt;</a></p>');
    expect(markdownToHtml('```\n<script>\n```')).toBe('<pre><code>&lt;script&gt;</code></pre>');
  });

  it('leaves snake_case alone and survives pathological input', () => {
    expect(markdownToHtml('a_b_c')).toBe('<p>a_b_c</p>');
    const deep = '>'.repeat(50) + ' x\n' + '['.repeat(2000) + '*'.repeat(2000);
    const started = performance.now();
    expect(() => parseMarkdown(deep)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
