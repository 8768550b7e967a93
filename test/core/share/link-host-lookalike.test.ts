/**
 * Hostile review (session 24): a link's words that name a host were recognised only with an ASCII
 * "." between its labels and only as a word's first host. `[harvard․edu](https://evil.example/)`
 * (U+2024 ONE DOT LEADER, drawn as a full stop; UTS #39 confusables.txt lists it, U+A4F8, U+FF0E…
 * as look-alikes of "."), `[https://harvard．edu/verify](…)` (U+FF0E, which IDNA itself reads as a
 * dot), `[Verify at:harvard.edu](…)` and `[admin@harvard.edu](…)` read as Harvard's and went to
 * evil.example with nothing said. Now each is followed by the host it goes to.
 */
import { describe, expect, it } from 'vitest';
import { otherHost } from '../../../src/core/share/link-host.ts';
import { markdownToHtml } from '../../../src/core/share/markdown-html.ts';

const EVIL = 'https://evil.example/';

describe('words that name a host with a look-alike dot, or after ":" or "@", say where the link goes', () => {
  it('a dot look-alike between the labels', () => {
    for (const dot of ['\u2024', '\uFE52', '\uFF0E', '\u3002', '\uFF61', '\uA4F8', '\u0701', '\u0702', '\uA60E', '\u{10A50}', '\u{1D16D}']) {
      expect(otherHost(`harvard${dot}edu`, EVIL), `U+${dot.codePointAt(0)!.toString(16)}`).toBe('evil.example');
      expect(otherHost(`https://harvard${dot}edu/verify`, EVIL)).toBe('evil.example');
    }
  });

  it('a host after a colon or an at sign in a word', () => {
    expect(otherHost('Verify at:harvard.edu', EVIL)).toBe('evil.example');
    expect(otherHost('admin@harvard.edu', EVIL)).toBe('evil.example');
    expect(otherHost('mailto:registrar@harvard.edu', EVIL)).toBe('evil.example');
  });

  it('in a description, the popup and the e-mail HTML alike', () => {
    expect(markdownToHtml(`[harvard\u2024edu](${EVIL})`)).toBe(`<p><a href="${EVIL}" rel="noopener noreferrer nofollow" target="_blank">harvard\u2024edu</a> (evil.example)</p>`);
  });

  it('nothing is added where the words, read so, name the host the link goes to', () => {
    for (const [words, href] of [
      ['issuer\u2024example', 'https://issuer.example/'],
      ['https://issuer\uFF0Eexample/criteria', 'https://issuer.example/criteria'],
      ['https://issuer.example:8443/c', 'https://issuer.example:8443/c'],
      ['team@issuer.example', 'https://issuer.example/contact'],
      ['Criteria: see the page', 'https://issuer.example/c'],
      ['Time: 10.30, ratio 1:2.5', 'https://issuer.example/c'],
      ['https://issuer.example/criteria.html', 'https://issuer.example/criteria.html'],
      ['\u8BFE\u7A0B\u3002\u6B22\u8FCE\u53C2\u52A0', 'https://issuer.example/c'],
      ['\u0627\u0644\u062F\u0648\u0631\u0629 \u0662\u0660\u0662\u0665', 'https://issuer.example/c'],
    ]) expect(otherHost(words!, href!), words).toBeUndefined();
  });
});
