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

  it('keeps what writing needs: joiners, variation selectors, emoji and tag flags', () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    for (const ok of ['zero\u200Cnon\u200Djoiner', '❤\uFE0F', '👩‍👩‍👧‍👦', `Scotland ${scotland}`, 'Zürich']) expect(escapeForTerminal(ok)).toBe(ok);
  });
});
