/**
 * Joiners at a word's edge or before an accent (the known limit after session 18, which showed them
 * only between two Latin, Greek or Cyrillic letters): "\u200DHarvard", "Harvard\u200C" and
 * "Harva\u200D\u0301rd" drew as "Harvard" and "Harvárd". UAX #31 §4.3 (RFC 5892 Appendix A.1/A.2)
 * allows ZWJ only after a virama, ZWNJ after a virama or between letters that join; UTS #51 §2.3 has ZWJ
 * between emoji; a variation selector follows the character it varies (Unicode §23.4). None of these
 * begins a word, and no Latin, Greek or Cyrillic letter is a virama or joins (ArabicShaping.txt:
 * Joining_Type U), nor is a combining accent (U+0300–036F…) one: there they show. The combining grapheme
 * joiner before an accent keeps its one use (Unicode §23.2: it blocks canonical reordering).
 */
import { describe, expect, it } from 'vitest';
import { displayText, hasHiddenControls } from '../../../src/core/share/display.ts';

describe('joiners where no script uses them', () => {
  it('show at the start of a name or a word', () => {
    expect(displayText('\u200DHarvard')).toBe('⟨ZWJ⟩Harvard');
    expect(displayText('MIT \u200CMedia Lab')).toBe('MIT ⟨ZWNJ⟩Media Lab');
    expect(displayText('(\u200DHarvard)')).toBe('(⟨ZWJ⟩Harvard)');
    expect(displayText('\u034FYale')).toBe('⟨U+034F⟩Yale');
    expect(displayText('\uFE0FYale')).toBe('⟨U+FE0F⟩Yale');
    expect(displayText('\u200D\u0915\u094D\u0937')).toBe('⟨ZWJ⟩\u0915\u094D\u0937'); // before Devanagari too: nothing before it to join
    expect(displayText('\u200C\u200DOxford')).toBe('⟨ZWNJ⟩⟨ZWJ⟩Oxford');
    expect(hasHiddenControls('\u200DHarvard')).toBe(true);
  });

  it('show at the end of a name or a word', () => {
    expect(displayText('Harvard\u200D')).toBe('Harvard⟨ZWJ⟩');
    expect(displayText('Harvard\u200C University')).toBe('Harvard⟨ZWNJ⟩ University');
    expect(displayText('Yale\u200D.')).toBe('Yale⟨ZWJ⟩.');
    expect(displayText('Олимп\u200D')).toBe('Олимп⟨ZWJ⟩');
    expect(displayText('Harvard\u034F')).toBe('Harvard⟨U+034F⟩');
    expect(displayText('Harvard\uFE0F')).toBe('Harvard⟨U+FE0F⟩');
    expect(displayText('Harvard\u200D\u200C')).toBe('Harvard⟨ZWJ⟩⟨ZWNJ⟩');
    expect(displayText('Yale\u200D日本')).toBe('Yale⟨ZWJ⟩日本'); // after a Latin letter, whatever follows
    expect(hasHiddenControls('Harvard\u200D')).toBe(true);
  });

  it('show before a combining accent', () => {
    expect(displayText('Harva\u200D\u0301rd')).toBe('Harva⟨ZWJ⟩\u0301rd');
    expect(displayText('Harva\u200C\u0301rd')).toBe('Harva⟨ZWNJ⟩\u0301rd');
    expect(displayText('\u65E5\u200D\u0301')).toBe('\u65E5⟨ZWJ⟩\u0301'); // an accent is no virama, after any letter
    expect(displayText('Ole\u200D\u1DC4')).toBe('Ole⟨ZWJ⟩\u1DC4');
  });

  it('show a soft hyphen at a word\'s edge, where it never breaks a line inside the word', () => {
    expect(displayText('\u00ADHarvard')).toBe('⟨U+00AD⟩Harvard');
    expect(displayText('Harvard\u00AD University')).toBe('Harvard⟨U+00AD⟩ University');
    expect(displayText('Donau\u00ADdampf\u00ADschiff')).toBe('Donau\u00ADdampf\u00ADschiff');
  });

  it('stay where writing needs them: Indic, Sinhala, Persian, Arabic, emoji, keycaps, the CGJ before an accent', () => {
    const kept = [
      '\u0915\u094D\u200D\u0937 \u0915\u094D\u200C', // Devanagari half form; explicit virama at a word's end
      '\u0D28\u0D4D\u200D \u0D23\u0D4D\u200D', // Malayalam chillus, the older encoding, at a word's end
      '\u0D9A\u200D\u0DCA\u0DC0', // Sinhala touching letters: ZWJ before al-lakuna (a combining mark)
      '\u09B0\u200D\u09CD\u09AF', // Bengali ya-phala after ra
      'می\u200Cخواهم', '\u0644\u200D', // Persian; an Arabic letter's joining form at a word's end
      '👩\u200D💻 Ann', 'Ann \u{1F469}\u{1F3FD}\u200D\u{1F52C}', '\u{1F3F3}\uFE0F\u200D\u{1F308}',
      '\u{1F3C3}\u200D\u2642\uFE0F', '\u2764\uFE0F', '\u00A9\uFE0F 2026', 'Lanyard \u2764\uFE0F',
      '1\uFE0F\u20E3', '#\uFE0F\u20E3 ok', '\u845B\u{E0100}', '\u1820\u180B\u1821', 'A\u034F\u0301',
    ];
    for (const ok of kept) {
      expect(displayText(ok)).toBe(ok);
      expect(hasHiddenControls(ok)).toBe(false);
    }
  });

  it('reads a long run of joiners at a word\'s edge in linear time', () => {
    const started = performance.now();
    expect(hasHiddenControls(`${'\u200D'.repeat(200_000)}a`)).toBe(true);
    expect(hasHiddenControls(`${'\uFE0F'.repeat(200_000)}!`)).toBe(true);
    expect(hasHiddenControls('\u0915\u094D\u200D'.repeat(70_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
