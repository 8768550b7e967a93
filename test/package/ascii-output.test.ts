/** scripts/ascii-output.ts: escaped code means the same as the code it came from, and the build is ASCII. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiSource } from '../../scripts/ascii-output.ts';

const run = (code: string): unknown => new Function(`return (${code});`)();

describe('asciiSource', () => {
  const samples: [string, string][] = [
    ['a string', `"Lanyard \u2026 caf\u00e9 \u{1F3C5} \u202e"`],
    ['a template', '`${1 + 1} \u2014 “quoted” \u{1F3C5}`'],
    ['a regular expression (no flag)', `["Caf\u00e9", "\u0372x", "a\u00f7"].map((s) => /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u0370-\u037d]+$/.test(s))`],
    ['a regular expression (u flag, astral range)', `[/^[\u{10000}-\u{EFFFF}]$/u.test("\u{1F3C5}"), /^[\u{10000}-\u{EFFFF}]$/u.test("a"), /^.$/u.test("\u{1F3C5}")]`],
    ['an object key', `({ "\u061c": "ALM", "\u200e": "LRM" })`],
    ['an identifier', `(() => { const caf\u00e9 = 3; return caf\u00e9 * 2; })()`],
  ];
  for (const [what, code] of samples) {
    it(`keeps the meaning of ${what}`, () => {
      const escaped = asciiSource(code);
      expect(escaped).not.toMatch(/[^\x00-\x7f]/);
      expect(escaped).not.toBe(code);
      expect(run(escaped)).toEqual(run(code));
    });
  }
  it('returns ASCII code as it is', () => {
    const code = '"plain" + `text`';
    expect(asciiSource(code)).toBe(code);
  });
  it('refuses a file where a tagged template\'s raw text would change', () => {
    expect(() => asciiSource('String.raw`caf\u00e9`', 'x.js')).toThrow(/String\.raw/);
    expect(asciiSource('String.raw`cafe`')).toBe('String.raw`cafe`');
  });
});

describe('the built extension', () => {
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(import.meta.dirname, '../../dist', browser);
    it.runIf(existsSync(join(dir, 'manifest.json')))(`has only ASCII JavaScript (${browser})`, () => {
      const files = [...readdirSync(dir).filter((f) => f.endsWith('.js')), ...readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)];
      expect(files.length).toBeGreaterThan(3);
      const offending = files.filter((f) => /[^\x00-\x7f]/.test(readFileSync(join(dir, f), 'utf8')));
      expect(offending).toEqual([]);
    });
  }
});
