import { describe, expect, it } from 'vitest';
import { mailtoUrl, MAX_MAILTO_CHARS } from '../../../src/core/share/mail.ts';

/** What a mail program reads from the link (RFC 6068 §2: percent-decoding, `+` is a plus). */
function read(url: string): { subject: string | null; body: string | null } {
  expect(url.startsWith('mailto:?')).toBe(true);
  const fields = Object.fromEntries(url.slice('mailto:?'.length).split('&').map((kv) => kv.split('=').map(decodeURIComponent)));
  return { subject: fields.subject ?? null, body: fields.body ?? null };
}

describe('mailtoUrl (RFC 6068)', () => {
  it('percent-encodes subject and body: space is %20, + & # = ? stay data, line breaks are %0D%0A', () => {
    const url = mailtoUrl({ subject: 'C++ & C# = fun? 100%', body: 'Line one\nline two\r\nthree', link: 'https://b.example/a?x=1&y=2#z' });
    expect(url).not.toContain('+');
    expect(url).toContain('subject=C%2B%2B%20%26%20C%23%20%3D%20fun%3F%20100%25');
    expect(url).toContain('Line%20one%0D%0Aline%20two%0D%0Athree%0D%0A%0D%0Ahttps%3A%2F%2Fb.example%2Fa%3Fx%3D1%26y%3D2%23z');
    // Exactly two fields: nothing in the data added a header.
    expect(url.split('&')).toHaveLength(2);
    expect(read(url)).toEqual({ subject: 'C++ & C# = fun? 100%', body: 'Line one\r\nline two\r\nthree\r\n\r\nhttps://b.example/a?x=1&y=2#z' });
  });

  it('the subject has no line break (no header injection), and controls are shown, not obeyed', () => {
    const { subject, body } = read(mailtoUrl({ subject: 'Badge\r\nBcc: all@evil.example', body: 'x\u202Eevil\u0007' }));
    expect(subject).toBe('Badge Bcc: all@evil.example');
    expect(body).toBe('x⟨RLO⟩evil⟨U+0007⟩');
  });

  it('keeps emoji and other scripts whole, and survives a lone surrogate from hostile JSON', () => {
    expect(read(mailtoUrl({ subject: '🏅 Zertifikat für Ärzte 日本語', body: '👩🏽‍💻' })).subject).toBe('🏅 Zertifikat für Ärzte 日本語');
    expect(() => mailtoUrl({ subject: 'bad \uD800 name', body: 'also \uDC00' })).not.toThrow();
    expect(read(mailtoUrl({ subject: 'bad \uD800 name', body: '' })).subject).toBe('bad \uFFFD name');
  });

  it('cuts a long body gracefully to fit ~2000 characters, between characters, keeping the link whole', () => {
    const link = 'https://api.badgr.io/public/assertions/aB3dE5fG7h';
    const url = mailtoUrl({ subject: 'A badge', body: '日本語のテキスト🏅'.repeat(400), link });
    expect(url.length).toBeLessThanOrEqual(MAX_MAILTO_CHARS);
    expect(url.length).toBeGreaterThan(MAX_MAILTO_CHARS - 60);
    const { body } = read(url); // decodeURIComponent throws on a cut %-escape or UTF-8 sequence
    expect(body?.endsWith(`…\r\n\r\n${link}`)).toBe(true);
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a huge subject is cut too; with no link and no body there is no body field', () => {
    const url = mailtoUrl({ subject: 'S'.repeat(100_000), body: '' });
    expect(url.length).toBeLessThan(700);
    expect(read(url).subject?.endsWith('…')).toBe(true);
    expect(read(url).body).toBeNull();
  });
});
