/**
 * Hostile review (session 24): a name holding a long run of combining marks ("Zalgo" text) is drawn,
 * with a font that stacks marks on marks (OpenType mkmk: Segoe UI, Noto, San Francisco), as a column
 * of marks above and below its letter, over the lines around it: the popup's issuer name sits right
 * above its "Issuer's site: evil.example" line, which is what tells the reader where the issuer is,
 * and the popup clips neither. (This test machine's DejaVu Sans draws a run on top of itself: the
 * harm was not seen in its Chromium, only the run that causes it, checked here.) No writing stacks more than a few marks on one letter
 * (Vietnamese two, Hebrew with cantillation five, Tibetan's subjoined letters and vowels six; UAX #15
 * §13's stream-safe format allows 30 as a bound on buffers, not on readable text), so displayText
 * keeps at most MAX_MARKS in a row and says how many it left out, ⟨U+0332×92⟩.
 */
import { describe, expect, it } from 'vitest';
import { displayText, MAX_MARKS } from '../../../src/core/share/display.ts';

const marksIn = (s: string): number => Math.max(0, ...[...s.matchAll(/\p{M}+/gu)].map((m) => [...m[0]].length));

describe('a run of combining marks cannot paint over the lines around it', () => {
  it('keeps at most MAX_MARKS marks on a letter and names what it left out', () => {
    expect(MAX_MARKS).toBeGreaterThanOrEqual(6);
    expect(MAX_MARKS).toBeLessThanOrEqual(10);
    const zalgo = `Harvard${'\u0332'.repeat(100)} University`;
    const shown = displayText(zalgo);
    expect(marksIn(shown)).toBe(MAX_MARKS);
    expect(shown).toBe(`Harvard${'\u0332'.repeat(MAX_MARKS)}⟨U+0332×${100 - MAX_MARKS}⟩ University`);
    // Marks above and below mixed, on every letter, through the whole name.
    const mixed = [...'Harvard'].map((c) => c + '\u0300\u0316\u0301\u0317'.repeat(10)).join('');
    expect(marksIn(displayText(mixed))).toBe(MAX_MARKS);
  });

  it('leaves the marks writing uses alone', () => {
    for (const text of [
      'Vi\u1EC7t Nam, Tie\u0302\u0301ng Vie\u0323\u0302t', // Vietnamese, precomposed and decomposed
      '\u05E9\u05C1\u05BC\u05B8\u0591\u05A3', // Hebrew shin with dot, dagesh, qamats and two cantillation marks
      '\u0F56\u0F66\u0F92\u0FB2\u0F74\u0F7C', // Tibetan stack
      '\u0E01\u0E34\u0E4A', // Thai
      '#\uFE0F\u20E3 \u2764\uFE0F', // a keycap, an emoji with its presentation selector
      'Z\u0327\u0301oe\u0308', // a few accents on Latin letters
    ]) expect(displayText(text)).toBe(text);
  });

  it('is linear in the length of a run', () => {
    const started = performance.now();
    expect(displayText(`a${'\u0301'.repeat(200_000)}`, 100).length).toBeLessThan(120);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
