/**
 * The share screen's card preview is as tall as the card it shows (src/popup/share/preview-height.ts):
 * a fixed 122 px cut a two-line name's "View and verify" link off, with no scrollbar to hint at it in
 * Firefox's overlay scrollbars.
 */
import { describe, expect, it } from 'vitest';
import { hasPicture, previewHeight } from '../../src/popup/share/preview-height.ts';

describe('previewHeight', () => {
  it('keeps the old height for a short card, the picture being the tallest cell', () => {
    expect(previewHeight({ name: 'Notes', dates: 0, link: false })).toBe(122);
  });

  it('makes room for a two-line name, the issuer, both dates and the link', () => {
    // 16 body margin + 2 border + 6 + 24 padding + 2 x 20 name + 4 + 18 issuer + 2 x 18 dates + 26 link; Chromium draws it 168 px tall
    expect(previewHeight({ name: 'Analytical Engine Programmer', issuerName: 'Analytical Society', dates: 2, link: true })).toBe(172);
  });

  it('grows with a longer issuer line and stops at 320 for the longest names', () => {
    const short = previewHeight({ name: 'Poetical Science', issuerName: 'Guild', dates: 1, link: true });
    const long = previewHeight({ name: 'Poetical Science', issuerName: 'The Difference Engine Guild of the Royal Society of London', dates: 1, link: true });
    expect(long).toBeGreaterThan(short);
    expect(previewHeight({ name: 'x'.repeat(300), issuerName: 'y'.repeat(300), dates: 2, link: true })).toBe(320);
  });

  it('a card without its picture gives its text the whole width, and is no taller than its text', () => {
    // One line of name, of issuer and of date, and the link: 16 + 2 + 6 + 24 + 20 + 4 + 18 + 18 + 26
    expect(previewHeight({ name: 'Open Source Contributor', issuerName: 'Lanyard Community', dates: 1, link: true, picture: false })).toBe(134);
    expect(previewHeight({ name: 'Open Source Contributor', issuerName: 'Lanyard Community', dates: 1, link: true, picture: true })).toBeGreaterThan(134);
    // No picture: no 122 px floor for the picture's cell (16 + 2 + 6 + 24 + 20).
    expect(previewHeight({ name: 'Notes', dates: 0, link: false, picture: false })).toBe(68);
  });

  it('tells a card with its picture from one without', () => {
    expect(hasPicture('<table><tr><td><img src="https://x.example/i.png" width="72"></td></tr></table>')).toBe(true);
    expect(hasPicture('<table><tr><td><div>&lt;img src=x&gt;</div></td></tr></table>')).toBe(false);
  });
});
