// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { httpUrl, sanitizeCard, toHtml } from '../../../src/content/dom/sanitize.ts';
import { badgeCardHtml } from '../../../src/core/share/card.ts';

const clean = (html: string) => toHtml(sanitizeCard(html));

describe('sanitizeCard', () => {
  it('keeps an inline-styled card: table, link, image, text', () => {
    const card =
      '<table cellpadding="0" style="border:1px solid #ddd"><tbody><tr><td style="padding:8px" width="64">' +
      '<a href="https://badges.example/a/1"><img src="https://badges.example/a/1/image" alt="Badge" width="64"></a></td>' +
      '<td><strong>Analytical Engine Programmer</strong><br><span>Analytical Society</span><p>Mar 2026</p></td></tr></tbody></table>';
    const out = clean(card);
    expect(out).toContain('<table style="border:1px solid #ddd" cellpadding="0">');
    expect(out).toContain('<a href="https://badges.example/a/1" target="_blank" rel="noopener noreferrer">');
    expect(out).toContain('<img src="https://badges.example/a/1/image" alt="Badge" width="64">');
    expect(out).toContain('<strong>Analytical Engine Programmer</strong><br><span>Analytical Society</span>');
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '<img>'],
    ['<script>alert(1)</script>text', 'text'],
    ['<a href="javascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)" onclick="alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer">x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a target="_blank" rel="noopener noreferrer">x</a>'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<img>'],
    ['<div style="background:url(https://tracker.example/p)">x</div>', '<div>x</div>'],
    ['<div style="width:expression(alert(1))">x</div>', '<div>x</div>'],
    ['<iframe src="https://evil.example"></iframe>ok', 'ok'],
    ['<svg><a href="https://x.example"><text>t</text></a></svg>ok', 'ok'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
    ['<form action="https://evil.example"><input name=a><button>go</button></form>ok', 'ok'],
    ['<b>bold</b> <em>em</em>', 'bold em'],
    ['<p id="x" class="y" data-z="1" title="t">p</p>', '<p>p</p>'],
    // An inert parse has scripting off: the <img> leaves the head's noscript, without its attributes.
    ['<noscript><img src=x onerror=alert(1)></noscript>', '<img>'],
    ['<style>*{display:none}</style>ok', 'ok'],
    ['&lt;img src=x onerror=alert(1)&gt;', '&lt;img src=x onerror=alert(1)&gt;'],
  ])('%s → %s', (input, want) => expect(clean(input)).toBe(want));

  it('the card core/share builds goes into the mail as built: same elements and attributes, links opened in a new tab', () => {
    const built = badgeCardHtml({ name: 'شهادة التحليل', issuerName: 'جامعة', issuerUrl: 'https://u.example/', image: 'https://u.example/b.png', issuedOn: '2026-03-02', publicUrl: 'https://u.example/a/1' });
    const shape = (html: string) =>
      [...new DOMParser().parseFromString(html, 'text/html').body.querySelectorAll('*')].map((e) => [e.localName, ...e.getAttributeNames().filter((a) => a !== 'target' && a !== 'rel').sort().map((a) => `${a}=${e.getAttribute(a)}`)].join(' '));
    expect(shape(clean(built))).toEqual(shape(built));
    // The name's and the meta's blocks, and the right-to-left issuer's name isolated in its sentence (bidi.ts needsIsolation).
    expect(shape(built).filter((e) => e.includes('dir=auto')).map((e) => e.split(' ')[0])).toEqual(['div', 'div', 'span']);
    expect(clean('<div dir="x onload">a</div><div dir="RTL">b</div>')).toBe('<div>a</div><div dir="RTL">b</div>');
  });

  it('keeps a hostile badge name that the builder escaped as text', () => {
    const frag = sanitizeCard('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(frag.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(frag.querySelector('img')).toBeNull();
  });

  it('stops at a depth limit', () => {
    const deep = '<div>'.repeat(100) + 'deep' + '</div>'.repeat(100);
    expect(clean(deep)).not.toContain('deep');
  });
});

describe('httpUrl', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    [' http://a.example ', 'http://a.example/'],
    ['//a.example/x', null],
    ['/relative', null],
    ['mailto:a@example.org', null],
    ['https://u:p@a.example/', null],
  ])('%s → %s', (raw, want) => expect(httpUrl(raw)).toBe(want));
});
