/** Bidi overrides and other controls cannot reorder or hide what the user reads (issue 12 point 12). */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml, badgeShareText } from '../../../src/core/share/card.ts';
import { displayText, hasHiddenControls, MAX_DISPLAY_CHARS } from '../../../src/core/share/display.ts';

describe('displayText', () => {
  it('shows a right-to-left override instead of obeying it: "\\u202Eelif.exe" does not read "exe.file"', () => {
    const shown = displayText('\u202Eelif.exe');
    expect(shown).toBe('⟨RLO⟩elif.exe');
    expect(hasHiddenControls(shown)).toBe(false);
  });

  it('makes every bidi control, C0/C1 control and separator visible, and keeps emoji sequences, combining marks, tabs and newlines', () => {
    expect(displayText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl')).toBe('a⟨LRE⟩b⟨RLE⟩c⟨PDF⟩d⟨LRO⟩e⟨LRI⟩f⟨RLI⟩g⟨FSI⟩h⟨PDI⟩i⟨LRM⟩j⟨RLM⟩k⟨ALM⟩l');
    expect(displayText('bell\u0007 nul\u0000 sep\u2028 bom\uFEFF')).toBe('bell⟨U+0007⟩ nul⟨U+0000⟩ sep⟨U+2028⟩ bom⟨U+FEFF⟩');
    const family = '👩‍👩‍👧‍👦 Zalgo: Z̸̡̛͓a̶͎l̷g̵o e\u0301';
    expect(displayText(family)).toBe(family);
    expect(displayText('a\tb\nc')).toBe('a\tb\nc');
  });

  it('cuts a 1 MB string, never inside a surrogate pair', () => {
    expect(displayText('x'.repeat(1_000_000))).toHaveLength(MAX_DISPLAY_CHARS + 1);
    const cut = displayText('a' + '😀'.repeat(10), 4);
    expect(cut).toBe('a😀…');
    expect(displayText(undefined)).toBe('');
  });

  it('cuts between user-perceived characters: an emoji sequence or an accented letter is never split', () => {
    expect(displayText(`a${'👩🏽‍💻'.repeat(3)}`, 5)).toBe('a…');
    expect(displayText(`a${'👩🏽‍💻'.repeat(3)}`, 8)).toBe('a👩🏽‍💻…');
    expect(displayText('cafe\u0301s and more', 4)).toBe('caf…');
    expect(displayText('🇫🇷🇫🇷🇫🇷', 5)).toBe('🇫🇷…');
    // A cut at a space leaves no space before the ellipsis.
    expect(displayText('Data Analysis Level Two', 5)).toBe('Data…');
  });

  it('the share card and sentence show the markers and isolate each field', () => {
    const html = badgeCardHtml({ name: '\u202Eelif.exe', issuerName: 'Evil \u202Eorp', publicUrl: 'https://a.example/b' });
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('⟨RLO⟩elif.exe');
    expect(html).toMatch(/dir="auto"[^>]*unicode-bidi:isolate[^>]*>⟨RLO⟩elif\.exe/);
    expect(badgeShareText({ name: '\u202Eelif.exe' })).toContain('⟨RLO⟩elif.exe');
  });
});

describe('LinkedIn gets the visible markers too', () => {
  it('add-to-profile: a name with an override arrives as ⟨RLO⟩elif.exe, cut to 300 characters', async () => {
    const { linkedInAddToProfileUrl } = await import('../../../src/core/share/linkedin.ts');
    const p = new URL(linkedInAddToProfileUrl({ name: '\u202Eelif.exe', organizationName: 'Org\u202E', certUrl: 'javascript:alert(1)' })).searchParams;
    expect(p.get('name')).toBe('⟨RLO⟩elif.exe');
    expect(p.get('organizationName')).toBe('Org⟨RLO⟩');
    expect(p.get('certUrl')).toBeNull();
    expect(new URL(linkedInAddToProfileUrl({ name: 'x'.repeat(1_000_000) })).searchParams.get('name')).toHaveLength(301);
  });
});

describe('invisible characters cannot make one name look like another (spoofing)', () => {
  it('shows zero-width spaces, word joiners, invisible operators, Hangul fillers and tag characters', () => {
    // "Goo\u200Bgle" looks exactly like "Google"; the issuer or recipient name must not.
    expect(displayText('Goo\u200Bgle')).toBe('Goo⟨ZWSP⟩gle');
    expect(displayText('Harvard\u2060 University')).toBe('Harvard⟨WJ⟩ University');
    expect(displayText('a\u2062b\u206Ac\u180Ed')).toBe('a⟨U+2062⟩b⟨U+206A⟩c⟨U+180E⟩d');
    expect(displayText('\u3164\u115F\u1160\uFFA0')).toBe('⟨U+3164⟩⟨U+115F⟩⟨U+1160⟩⟨U+FFA0⟩');
    // Tag characters spell invisible ASCII ("ASCII smuggling"): "ok" + tags for "hi".
    expect(displayText('ok\u{E0068}\u{E0069}')).toBe('ok⟨U+E0068⟩⟨U+E0069⟩');
    expect(hasHiddenControls('Goo\u200Bgle')).toBe(true);
    expect(hasHiddenControls(displayText('ok\u{E0068}\u{E0069}'))).toBe(false);
  });

  it('shows the rest of the default-ignorable set, which Chromium draws as nothing (hostile review, session 11)', () => {
    // Each of these made "Goo?gle" draw exactly as "Google" in Chromium (the same width, measured).
    for (const c of ['\u17B4', '\u17B5', '\u2065', '\uFFF0', '\uFFF8', '\u{1D173}', '\u{1D17A}', '\u{1BCA0}', '\u{E0080}', '\u{E00FF}', '\u{E01F0}', '\u{E0FFF}']) {
      const cp = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      expect(displayText(`Goo${c}gle`)).toBe(`Goo⟨U+${cp}⟩gle`);
      expect(hasHiddenControls(`Goo${c}gle`)).toBe(true);
    }
    // A combining grapheme joiner or a variation selector between two ASCII letters or digits serves no script.
    expect(displayText('Goo\u034Fgle')).toBe('Goo⟨U+034F⟩gle');
    expect(displayText('Ha\uFE0Frvard 2\uFE0E0')).toBe('Ha⟨U+FE0F⟩rvard 2⟨U+FE0E⟩0');
    expect(displayText('Ya\u{E0100}le')).toBe('Ya⟨U+E0100⟩le');
    // Where writing uses them they stay: emoji presentation, a keycap, an ideographic variation, Mongolian.
    for (const ok of ['❤\uFE0F', '1\uFE0F\u20E3', '#\uFE0F\u20E3 ok', '\u845B\u{E0100}', '\u1820\u180B\u1821', 'A\u034F\u0301']) expect(displayText(ok)).toBe(ok);
  });

  it('keeps what writing needs: joiners, variation selectors, soft hyphens and emoji tag flags', () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    for (const ok of ['می‌خواهم', '❤\uFE0F', 'soft\u00ADhyphen', `Scotland ${scotland}`, '👩‍👩‍👧‍👦']) {
      expect(displayText(ok)).toBe(ok);
      expect(hasHiddenControls(ok)).toBe(false);
    }
    // A lone black flag followed by a stray tag is not a flag: the tag shows.
    expect(displayText('\u{1F3F4}\u{E0041}')).toBe('\u{1F3F4}⟨U+E0041⟩');
  });
});

/**
 * Zero-width joiners (U+200D) and non-joiners (U+200C) between two letters of Latin, Greek or Cyrillic
 * draw as nothing: "Har\u200Dvard" read as "Harvard" (the known limit before session 18). UAX #31
 * §4.3 (and RFC 5892 Appendix A.1/A.2, CONTEXTJ) allows them in identifiers only after a virama or,
 * for ZWNJ, between letters that join (Arabic, Syriac…); these scripts' letters do neither. Where
 * writing uses them (Indic conjuncts, Persian, emoji sequences) they stay.
 */
describe('joiners between Latin, Greek or Cyrillic letters', () => {
  it('show, one marker each, also in a run or after an accent', () => {
    expect(displayText('Har\u200Dvard')).toBe('Har⟨ZWJ⟩vard');
    expect(displayText('Goo\u200Cgle')).toBe('Goo⟨ZWNJ⟩gle');
    expect(displayText('Goo\u200C\u200Dgle')).toBe('Goo⟨ZWNJ⟩⟨ZWJ⟩gle');
    expect(displayText('Наr\u200Dvаrd')).toBe('Наr⟨ZWJ⟩vаrd'); // Cyrillic Н and а
    expect(displayText('Ολυ\u200Dμπος')).toBe('Ολυ⟨ZWJ⟩μπος');
    expect(displayText('Ha\u0301\u200Drvard')).toBe('Ha\u0301⟨ZWJ⟩rvard');
    expect(displayText('MIT\u200D2026')).toBe('MIT⟨ZWJ⟩2026');
    // Latin's other blocks: full-width forms, IPA, Latin Extended-D (review18 found them hidden).
    expect(displayText('Ｈａｒ\u200Dｖａｒｄ')).toBe('Ｈａｒ⟨ZWJ⟩ｖａｒｄ');
    expect(displayText('Harv\u200Dɑrd')).toBe('Harv⟨ZWJ⟩ɑrd');
    expect(displayText('Ꝺa\u200Cvid')).toBe('Ꝺa⟨ZWNJ⟩vid');
    expect(hasHiddenControls('Har\u200Dvard')).toBe(true);
    // A longer run than the rule looks across still shows (its last nine).
    // (The first shows too since session 19: a ZWJ after a Latin letter, whatever follows: display-joiner-edges.test.ts.)
    expect(displayText(`Har${'\u200D'.repeat(40)}vard`)).toBe(`Har⟨ZWJ⟩${'\u200D'.repeat(30)}${'⟨ZWJ⟩'.repeat(9)}vard`);
  });

  it('reads a long run of accents or joiners in linear time', () => {
    const started = performance.now();
    // Accents alone hide nothing; joiners after a Latin letter, or ending a word, show (since session 19).
    for (const [run, hidden] of [['\u0301', false], ['\u200D', true], ['\uFE0F', true]] as const) expect(hasHiddenControls(`a${run.repeat(200_000)}!`)).toBe(hidden);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stay where a script needs them: Indic conjuncts, Persian, Arabic, emoji sequences', () => {
    const kept = [
      '\u0915\u094D\u200D\u0937', // Devanagari half form (ZWJ after virama)
      '\u0915\u094D\u200C\u0937', // Devanagari explicit virama (ZWNJ after virama)
      '\u0DC1\u0DCA\u200D\u0DBB\u0DD3', // Sinhala ශ්‍රී
      '\u09B0\u200D\u09CD\u09AF', // Bengali র‍্য (ya-phala after ra)
      '\u0D28\u0D4D\u200D', // Malayalam chillu, the older encoding
      'می\u200Cخواهم', // Persian
      '\u0644\u200D', // Arabic joining form
      '👩\u200D💻 Ann', // an emoji sequence after a Latin word
      '\u{1F3F3}\uFE0F\u200D\u{1F308}',
      'Ann \u{1F469}\u{1F3FD}\u200D\u{1F52C}',
    ];
    for (const ok of kept) {
      expect(displayText(ok)).toBe(ok);
      expect(hasHiddenControls(ok)).toBe(false);
    }
  });
});
