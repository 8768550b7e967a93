/** The human report's escapes (src/cli/terminal.ts): nothing a badge writes can hide or reorder text in a terminal. */
import { describe, expect, it } from 'vitest';
import { escapeForTerminal } from '../../src/cli/terminal.ts';

describe('escapeForTerminal', () => {
  it('escapes controls, bidi characters and backslashes', () => {
    expect(escapeForTerminal('Safe\u202Egnp.exe\u001b[2J\\u202E')).toBe('Safe\\u202Egnp.exe\\u001B[2J\\\\u202E');
  });

  it('escapes the invisible characters that make one name look like another (spoofing), astral ones included', () => {
    expect(escapeForTerminal('Goo\u200Bgle')).toBe('Goo\\u200Bgle');
    expect(escapeForTerminal('Harvard\u2060\u2062\u206A\u180E\u3164\uFEFF')).toBe('Harvard\\u2060\\u2062\\u206A\\u180E\\u3164\\uFEFF');
    expect(escapeForTerminal('ok\u{E0068}\u{E0069}')).toBe('ok\\u{E0068}\\u{E0069}');
    // The interlinear annotation characters, hidden by the extension's display (core/share/display.ts) too.
    expect(escapeForTerminal('Ha\uFFF9rv\uFFFAard\uFFFB')).toBe('Ha\\uFFF9rv\\uFFFAard\\uFFFB');
  });

  it('escapes the rest of the default-ignorable set, which Chromium and terminals draw as nothing (hostile review, session 11)', () => {
    // Each of these made "Goo?gle" draw exactly as "Google" (measured in Chromium: the same width).
    for (const [c, esc] of [['\u17B4', '\\u17B4'], ['\u2065', '\\u2065'], ['\uFFF0', '\\uFFF0'], ['\u{1D173}', '\\u{1D173}'], ['\u{1BCA0}', '\\u{1BCA0}'], ['\u{E0080}', '\\u{E0080}'], ['\u{E0FFF}', '\\u{E0FFF}']] as const) {
      expect(escapeForTerminal(`Goo${c}gle`)).toBe(`Goo${esc}gle`);
    }
    // A combining grapheme joiner or variation selector between two ASCII letters serves no script.
    expect(escapeForTerminal('Goo\u034Fgle Ha\uFE0Frvard Ya\u{E0100}le')).toBe('Goo\\u034Fgle Ha\\uFE0Frvard Ya\\u{E0100}le');
    for (const ok of ['❤\uFE0F', '1\uFE0F\u20E3', '\u845B\u{E0100}', '\u1820\u180B']) expect(escapeForTerminal(ok)).toBe(ok);
  });

  it('keeps what writing needs: joiners, variation selectors, emoji and tag flags', () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    // Joiners where writing uses them (a Persian ZWNJ, a Devanagari conjunct); between Latin letters they
    // join nothing and are shown since session 29 (terminal-joiners.test.ts), as display.ts shows them.
    for (const ok of ['\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', '\u0915\u094D\u200D\u0937', '❤\uFE0F', '👩‍👩‍👧‍👦', `Scotland ${scotland}`, 'Zürich']) expect(escapeForTerminal(ok)).toBe(ok);
  });
});
