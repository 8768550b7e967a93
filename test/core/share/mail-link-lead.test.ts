/**
 * The e-mail's "See and verify it here:" goes with the link. A public link may be up to 2,000
 * characters (escape.ts MAX_SHARED_URL_CHARS), and inside a mailto: body every `/ : ? = &` and every
 * `%` of an encoded path is encoded again (RFC 6068 §2), so a long link (a path in Chinese: 9
 * characters in the link, 15 in the mailto) may not fit the ~2,000 a mail program takes. The link is
 * then left out; the line announcing it must go with it, not end the mail pointing at nothing.
 */
import { describe, expect, it } from 'vitest';
import { mailtoUrl, MAX_MAILTO_CHARS } from '../../../src/core/share/mail.ts';

const body = (url: string) => new URL(url).searchParams.get('body');
const LEAD = 'See and verify it here:';
const short = 'https://b.example/public/assertions/a1';
const long = `https://b.example/證書/${encodeURIComponent('急救證書'.repeat(40))}`;

describe('the line before the link', () => {
  it('is said, on its own line, with a link that fits', () => {
    expect(body(mailtoUrl({ subject: 'S', body: 'I earned it.', linkLead: LEAD, link: short }))).toBe(`I earned it.\r\n${LEAD}\r\n\r\n${short}`);
  });

  it('is left out with a link that does not fit, and the mail still fits', () => {
    expect(long.length).toBeLessThan(2000);
    const url = mailtoUrl({ subject: 'S', body: 'I earned it.', linkLead: LEAD, link: long });
    expect(url.length).toBeLessThanOrEqual(MAX_MAILTO_CHARS);
    expect(body(url)).toBe('I earned it.');
  });

  it('is never cut: a long body is cut before it, and the lead and link stay whole', () => {
    const b = body(mailtoUrl({ subject: 'S', body: 'word '.repeat(1000), linkLead: LEAD, link: short }))!;
    expect(b.endsWith(`…\r\n${LEAD}\r\n\r\n${short}`)).toBe(true);
  });
});
