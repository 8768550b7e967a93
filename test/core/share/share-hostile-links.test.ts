/**
 * Hostile round 31: links a badge names, as the share outputs give them on. Regression cover (these
 * held before): a look-alike host (IDN homograph, UTS #39) reaches the card, the sentence, the e-mail
 * and LinkedIn only as the URL parser writes it, its xn-- A-label (URL Standard §3.5); a
 * protocol-relative `//host` link is no link (safeHttpUrl needs an absolute http(s) URL); a link
 * holding percent-encoded CR LF keeps them encoded in the mailto, where they cannot start a header
 * (RFC 6068 §5); quotes and angle brackets in a link are percent-encoded in the card's attributes.
 */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml, badgeShareText, shareLink } from '../../../src/core/share/card.ts';
import { linkedInAddToProfileUrl, linkedInShareUrl } from '../../../src/core/share/linkedin.ts';
import { mailtoUrl } from '../../../src/core/share/mail.ts';

const all = (publicUrl: string) => {
  const b = { name: 'Data', issuerName: 'Issuer', publicUrl };
  // The e-mail is given the link the share screen gives it (popup/share/share-content.ts: shareLink).
  const link = shareLink(b);
  return [badgeCardHtml(b), badgeShareText(b), mailtoUrl({ subject: 'Data', body: 'I earned it', ...(link ? { link } : {}) }), linkedInAddToProfileUrl({ name: 'Data', certUrl: publicUrl }), linkedInShareUrl(publicUrl) ?? ''].join('\n');
};

describe('links from a badge in the share outputs', () => {
  it('a look-alike host goes out as its xn-- form, never in the letters that imitate another', () => {
    const out = all('https://аррӏе.com/badge/1');
    expect(out).toContain('xn--80ak6aa92e.com');
    expect(out).not.toMatch(/[\u0430\u0440\u04cf\u0435]/);
  });

  it('a protocol-relative link is no link anywhere', () => {
    const out = all('//evil.example/badge');
    expect(out).not.toContain('evil.example');
  });

  it('percent-encoded CR LF in a link stays encoded in the mailto, the subject and the body one field each', () => {
    const mail = mailtoUrl({ subject: 'Data\r\nBcc: x@evil.example', body: 'I earned it', link: 'https://a.example/b?x=%0D%0ABcc:%20x@evil.example' });
    expect(mail).not.toMatch(/%0D%0ABcc/i);
    expect(mail.split('&').map((p) => p.split('=')[0])).toEqual(['mailto:?subject', 'body']);
    expect(decodeURIComponent(mail.split('&')[0]!.split('=')[1]!)).not.toMatch(/[\r\n]/);
  });

  it('quotes and angle brackets in a link are encoded in the card\'s attributes', () => {
    const html = badgeCardHtml({ name: 'Data', publicUrl: 'https://a.example/b?q="><script>x</script>', image: "https://a.example/i.png?'onerror='x" });
    expect(html).not.toMatch(/<script|'/);
    expect(html).toContain('src="https://a.example/i.png?%27onerror=%27x"');
    expect(html).toContain('href="https://a.example/b?q=%22%3E%3Cscript%3Ex%3C/script%3E"');
  });
});
