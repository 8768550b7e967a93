/**
 * Hostile review (session 29): the command line's report kept every zero-width joiner and non-joiner,
 * and any run of combining marks, where the extension's display (core/share/display.ts) shows them.
 * A terminal draws U+200D and U+200C as nothing (wcwidth 0), so an issuer named "Har\u200Dvard University"
 * read "Harvard University" in the report while the popup reads "Har⟨ZWJ⟩vard University"; UAX #31 §4.3
 * (RFC 5892 A.1, A.2) allows the joiners only after a virama or between joining letters, which Latin,
 * Greek and Cyrillic letters are not. A run of a hundred combining marks, which the extension cuts to 8
 * (display.ts MAX_MARKS), was printed whole: terminals that stack marks draw it over the rows above
 * and below, the verdict's row among them. Now the report escapes the same joiners display.ts shows,
 * and cuts mark runs the same way; writing that needs joiners (Indic conjuncts, Persian, emoji) keeps them.
 */
import { describe, expect, it } from 'vitest';
import { toText } from '../../src/cli/report.ts';
import { escapeForTerminal } from '../../src/cli/terminal.ts';
import type { VerifyResult } from '../../src/core/result.ts';

const report = (issuerName: string, name = 'Intro to Law'): string => {
  const badge = { name, issuer: { id: 'https://evil.example/issuer.json', name: issuerName }, recipients: [] } as unknown as NonNullable<VerifyResult['badge']>;
  const result: VerifyResult = { verdict: 'valid', format: 'ob2.0-hosted', recipient: null, badge, input: { kind: 'json', size: 1, sha256: '' }, checks: [] };
  return toText(result, 'a.json');
};

describe('joiners that no Latin, Greek or Cyrillic word needs are shown in the report', () => {
  it('a ZWJ or ZWNJ between two Latin letters is escaped, as the popup shows it', () => {
    expect(escapeForTerminal('Har\u200Dvard University')).toBe('Har\\u200Dvard University');
    expect(escapeForTerminal('Ya\u200Cle')).toBe('Ya\\u200Cle');
    // Cyrillic and Greek letters join nothing either.
    expect(escapeForTerminal('\u041C\u200D\u0418\u0422')).toBe('\u041C\\u200D\u0418\u0422');
    // At a word's edge a joiner joins nothing.
    expect(escapeForTerminal('\u200DHarvard')).toBe('\\u200DHarvard');
  });

  it('the issuer line reads the joiner, not a name that looks like Harvard', () => {
    const line = report('Har\u200Dvard University').split('\n').find((l) => l.startsWith('issuer: '));
    expect(line).toBe('issuer: Har\\u200Dvard University (evil.example)');
    expect(line).not.toContain('\u200D');
  });

  it('keeps the joiners writing needs: an Indic conjunct, Persian, emoji sequences', () => {
    for (const ok of ['\u0915\u094D\u200D\u0937', '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}', '\u2764\uFE0F', 'Z\u00FCrich']) {
      expect(escapeForTerminal(ok)).toBe(ok);
    }
  });
});

describe('a run of combining marks is cut as the extension cuts it', () => {
  it('a hundred marks on one letter: at most 8 in a row, the rest counted', () => {
    const out = escapeForTerminal(`Harvard${'\u0332'.repeat(100)}`);
    expect(out).not.toMatch(/\p{M}{9}/u);
    expect(out).toBe(`Harvard${'\u0332'.repeat(8)}\u27E8U+0332\u00D792\u27E9`);
  });

  it('in the badge name of the verdict line too', () => {
    const first = report('Example', `Law${'\u0301'.repeat(500)}`).split('\n')[0]!;
    expect(first).not.toMatch(/\p{M}{9}/u);
    expect(first.startsWith('VALID  Law')).toBe(true);
  });

  it('leaves Vietnamese and Hebrew with cantillation as written', () => {
    for (const ok of ['Vi\u1EC7t Nam', '\u05D1\u05BC\u05B0\u05E8\u05B5\u05D0\u05E9\u05B4\u0591\u05D9\u05EA']) expect(escapeForTerminal(ok)).toBe(ok);
  });
});
