// @vitest-environment jsdom
// jsdom only as the HTML parser that checks the builders' output; the builders use no DOM.
import { describe, expect, it } from 'vitest';
import { badgeCardHtml, badgeShareText, shareLink } from '../../../src/core/share/card.ts';
import { escapeHtml, publicShareUrl, safeHttpUrl, safeImageSrc } from '../../../src/core/share/escape.ts';
import { linkedInAddToProfileUrl, linkedInShareUrl } from '../../../src/core/share/linkedin.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The elements an HTML string parses to, as a browser or mail client would parse it. */
function parse(html: string): Element[] {
  return [...new DOMParser().parseFromString(html, 'text/html').body.querySelectorAll('*')];
}

describe('badgeCardHtml', () => {
  const html = badgeCardHtml({
    name: HOSTILE,
    issuerName: '"><script>alert(2)</script>',
    issuerUrl: 'javascript:alert(3)',
    image: 'https://img.example/b.png?a=1&b="2"',
    issuedOn: '2026-03-02T09:00:00Z',
    expires: '2027-03-02T09:00:00Z',
    publicUrl: 'https://badges.example.com/a/1?x="><script>alert(4)</script>',
  }, { now: Date.parse('2026-11-26T00:00:00Z') });

  it('escapes every field: the hostile name appears only escaped', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).not.toMatch(/<script/i);
    // "onerror=" survives only as escaped text, never as an attribute; the name is one text node.
    const elements = parse(html);
    expect(elements.flatMap((e) => e.getAttributeNames()).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(elements.find((e) => e.textContent === HOSTILE && e.children.length === 0)).toBeDefined();
    expect(html).not.toContain('javascript:');
  });

  it('uses only a table, inline styles and http(s) links and images', () => {
    const tags = new Set(parse(html).map((e) => e.localName));
    expect([...tags].sort()).toEqual(['a', 'br', 'div', 'img', 'table', 'tbody', 'td', 'tr']);
    for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^https:\/\//);
    expect(html).not.toMatch(/<style|class=/);
    expect(html).toContain('Issued 2026-03-02 · Expires 2027-03-02');
  });

  it('leaves out data: images (mail clients strip them) and unsafe issuer links', () => {
    const card = badgeCardHtml({ name: 'A', image: 'data:image/png;base64,AAAA', issuerName: 'I', issuerUrl: 'data:text/html,x' });
    expect(card).not.toContain('<img');
    expect(card).not.toContain('<a ');
  });

  it('takes translated labels and a date format', () => {
    const card = badgeCardHtml({ name: 'A', issuerName: 'Club', issuedOn: '2025-01-02', publicUrl: 'https://x.example/1' }, { labels: { issuedBy: (i) => `Délivré par ${i}`, viewAndVerify: 'Voir' }, formatDate: () => '2 janv. 2025' });
    expect(card).toContain('Délivré par Club');
    expect(card).toContain('Issued 2 janv. 2025');
    expect(card).toContain('>Voir</a>');
  });
});

describe('badgeShareText and shareLink', () => {
  it('says what, who and where', () => {
    expect(badgeShareText({ name: 'Kayaking', issuerName: 'River Club', publicUrl: 'https://r.example/1' })).toBe('I earned the badge “Kayaking” from River Club. See and verify it: https://r.example/1');
    expect(badgeShareText({ name: 'Kayaking', publicUrl: 'ftp://x' })).toBe('I earned the badge “Kayaking”.');
    expect(shareLink({ publicUrl: 'javascript:alert(1)' })).toBeUndefined();
  });
});

describe('URL allow-lists', () => {
  it('keeps absolute http(s) without credentials', () => {
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHttpUrl(' http://a.example ')).toBe('http://a.example/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative', 'https://bank.example@evil.example/', 'vbscript:x', '']) expect(safeHttpUrl(bad)).toBeUndefined();
  });
  it('allows data: images of image types only', () => {
    expect(safeImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBeDefined();
    expect(safeImageSrc(`data:image/svg+xml,${encodeURIComponent('<svg/>')}`)).toBeDefined();
    expect(safeImageSrc('data:text/html;base64,PHNjcmlwdD4=')).toBeUndefined();
    expect(safeImageSrc('data:image/png;base64,"><script>')).toBeUndefined();
    expect(safeImageSrc('javascript:alert(9)')).toBeUndefined();
  });
  it('never shares a link that carries a token, key or signature (query or fragment)', () => {
    for (const bad of [
      'https://api.badgr.io/public/assertions/abc?access_token=eyJhbGciOi',
      'https://b.example/a/1?token=s3cret',
      'https://b.example/a/1?x=1&API_KEY=k',
      'https://bucket.s3.example/b.json?X-Amz-Signature=abc&X-Amz-Credential=c',
      'https://b.example/a/1#access_token=eyJ&token_type=bearer',
    ]) {
      expect(publicShareUrl(bad), bad).toBeUndefined();
      expect(shareLink({ publicUrl: bad })).toBeUndefined();
      expect(badgeShareText({ name: 'N', publicUrl: bad })).toBe('I earned the badge “N”.');
      expect(badgeCardHtml({ name: 'N', publicUrl: bad })).not.toContain('b.example');
      // The card's picture and issuer link are shared with it: the same rule.
      const card = badgeCardHtml({ name: 'N', issuerName: 'I', image: bad, issuerUrl: bad });
      expect(card, bad).not.toMatch(/b\.example|badgr|s3\.example/);
      expect(card).toContain('I');
      const p = new URL(linkedInAddToProfileUrl({ name: 'N', certUrl: bad })).searchParams;
      expect(p.get('certUrl')).toBeNull();
      expect(linkedInShareUrl(bad)).toBeUndefined();
    }
    // Ordinary public links, with harmless queries and fragments, stay.
    for (const ok of ['https://api.badgr.io/public/assertions/abc?v=2_0', 'https://verify.example/c?code=ABC123', 'https://b.example/a/1#section']) {
      expect(publicShareUrl(ok)).toBe(ok);
    }
  });
});
