// @vitest-environment jsdom
// jsdom only as the HTML parser that reads the card as a mail client or web page would.
/**
 * Hostile badges, round 4 (outputs): everything the share screen writes from one badge whose every
 * field the issuer wrote to break out (src/popup/share/share-content.ts over src/core/share/): the
 * embed HTML, the e-mail (RFC 6068), LinkedIn's Add-to-profile and post links, the copied link and
 * sentence. Each output is read back the way its reader reads it.
 */
import { describe, expect, it } from 'vitest';
import { shareContent } from '../../src/popup/share/share-content.ts';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { t } from './render.tsx';

const BREAK = '"\'`><script>alert(1)</script></textarea></style><img src=x onerror=alert(2)><a href="javascript:alert(3)">';
const HEADERS = '\r\nBcc: all@evil.example\r\n\r\n&cc=boss@evil.example&bcc=x@evil.example&subject=Fired&body=x#?';
const CONTROLS = '\u202Eexe.gnp\u2066\u2069\u009B31m\u001b]8;;https://evil.example\u0007\u001b]52;c;ZXZpbA==\u0007\r\b\u0085';
const LINKEDIN = '&organizationId=1035&certUrl=https://evil.example/&name=Harvard\n#x?y';

const hostile: BadgeDetail = {
  key: 'local|id:x', accountId: 'local', tags: ['<b>', '&amp;'], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false,
  name: `${BREAK}${HEADERS}${CONTROLS}${LINKEDIN}${'N'.repeat(5000)}`,
  issuerName: `${BREAK}${HEADERS}${CONTROLS}${LINKEDIN}`,
  description: BREAK,
  issuerId: 'https://issuer.example/profile',
  issuerUrl: 'javascript:alert(4)//https://issuer.example/',
  image: 'data:image/svg+xml,<svg onload=alert(5)>',
  issuedOn: '2026-01-01"><script>alert(6)</script>',
  expires: 'javascript:alert(7)',
  publicUrl: 'https://issuer.example/a?x="\'><script>alert(8)</script>&y=`#&cc=boss&bcc=all',
  credentialId: `urn:x${LINKEDIN}${CONTROLS}${'i'.repeat(10_000)}`,
  evidence: [{ id: 'javascript:alert(9)', name: BREAK }],
  alignments: [{ targetName: BREAK, targetUrl: 'data:text/html,<script>alert(10)</script>' }],
  claimedRecipients: [], checks: [],
} as unknown as BadgeDetail;

/** Bidi controls and C0/C1 controls a reader would obey (a balanced isolate around a word is Lanyard's own, bidi.ts). */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/;

describe('share outputs of a hostile badge', () => {
  const c = shareContent(hostile, { hoverVerify: false, syncIntervalMinutes: 60, linkedInOrgIds: {} }, t, 'en');

  it('the embed HTML: one table of text, every attribute escaped, only http(s) links and pictures, nothing runnable', () => {
    const doc = new DOMParser().parseFromString(c.html, 'text/html');
    const elements = [...doc.body.querySelectorAll('*')];
    expect(new Set(elements.map((e) => e.localName))).toEqual(new Set(['table', 'tbody', 'tr', 'td', 'div', 'a', 'br']));
    expect(elements.flatMap((e) => e.getAttributeNames()).filter((a) => !['role', 'cellpadding', 'cellspacing', 'border', 'style', 'dir', 'href', 'valign', 'width'].includes(a))).toEqual([]);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/issuer\.example\//);
    expect(doc.querySelector('a')!.getAttribute('href')).toBe(new URL(hostile.publicUrl!).href);
    // The whole name is one text node: the break-out text is shown, not parsed.
    expect(doc.body.textContent).toContain('</textarea></style><img src=x onerror=alert(2)>');
    expect(doc.body.textContent).not.toMatch(OBEYED);
    // Outside the escaped text, only the card's own markup: no break-out tag, no script or data: URL.
    const markup = c.html.replace(/>[^<]*</g, '><');
    expect(markup).not.toMatch(/<\/?(textarea|script|img|style)|javascript:|data:/i);
  });

  it('the e-mail: exactly a subject and a body (no cc, bcc or second subject), the subject on one line (RFC 6068 §2, §5)', () => {
    expect(c.mail.startsWith('mailto:?subject=')).toBe(true);
    const fields = c.mail.slice('mailto:?'.length).split('&').map((kv) => kv.split('='));
    expect(fields.map(([k]) => k)).toEqual(['subject', 'body']);
    expect(fields.every((f) => f.length === 2)).toBe(true);
    // Only RFC 6068's characters: unreserved, pct-encoded, some-delims (`'` among them), and its own `?`, `=`, `&`.
    expect(c.mail).toMatch(/^mailto:\?[A-Za-z0-9\-._~%!$'()*+,;:@=&]*$/);
    const [subject, body] = fields.map(([, v]) => decodeURIComponent(v!));
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).not.toMatch(OBEYED);
    expect(body!.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(body!.replace(/\r\n/g, '')).not.toMatch(OBEYED);
    expect(body!.split('\r\n').filter((l) => /^(bcc|cc|to|subject):/i.test(l))).toEqual([]);
    expect(c.mail.length).toBeLessThanOrEqual(2000);
  });

  it('LinkedIn Add to profile: each field one encoded parameter, the name and ids on one line, no organization id the badge chose', () => {
    const url = new URL(c.addToProfile);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    const names: string[] = [];
    url.searchParams.forEach((_, n) => names.push(n));
    expect(names).toEqual(['startTask', 'name', 'organizationName', 'issueYear', 'issueMonth', 'certUrl', 'certId']);
    expect(url.searchParams.get('issueYear')).toBe('2026');
    expect(url.searchParams.has('expirationYear')).toBe(false);
    expect(url.hash).toBe('');
    for (const n of ['name', 'organizationName', 'certId']) {
      const v = url.searchParams.get(n)!;
      expect(v, n).not.toMatch(/[\r\n\t]/);
      expect(v, n).not.toMatch(OBEYED);
      // 300 characters and the "…" of the cut (display.ts displayText).
      expect([...v].length, n).toBeLessThanOrEqual(301);
    }
    expect(url.searchParams.get('certUrl')).toBe(new URL(hostile.publicUrl!).href);
    expect(c.addToProfile.length).toBeLessThan(8000);
  });

  it('LinkedIn post, the copied link and sentence: http(s) only, on one line, controls shown', () => {
    const post = new URL(c.post!);
    expect(post.origin + post.pathname).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect([...post.searchParams.keys()]).toEqual(['url']);
    expect(post.searchParams.get('url')).toBe(c.link);
    expect(c.link).toMatch(/^https:\/\/issuer\.example\/a\?/);
    expect(c.link).not.toMatch(/[\s"'<>]/);
    expect(c.text).not.toMatch(/[\r\n]/);
    expect(c.text).not.toMatch(OBEYED);
  });

  it('a badge whose links are all scripts or data: no link, no post, no certUrl at all', () => {
    const worse = { ...hostile, publicUrl: 'javascript:alert(1)//https://issuer.example/', image: 'javascript:alert(2)', issuerUrl: 'data:text/html,x' };
    const w = shareContent(worse, undefined, t, 'en');
    expect(w.link).toBeUndefined();
    expect(w.post).toBeUndefined();
    expect(new URL(w.addToProfile).searchParams.has('certUrl')).toBe(false);
    const doc = new DOMParser().parseFromString(w.html, 'text/html');
    expect(doc.querySelectorAll('[href], [src]')).toHaveLength(0);
    expect(decodeURIComponent(w.mail)).not.toContain('alert(1)//https');
  });
});
