/**
 * Bad usage quotes what was typed, and what was "typed" is often a file name a shell glob expanded
 * (`lanyard *` in a folder of downloaded badges: a file named `-\e]52;c;…\a` is read as an option).
 * The message on stderr must not carry that name's control sequences to the terminal (OSC 52
 * clipboard writes, OSC 8 links, CSI, C1 controls, BEL, CR and BS overwrites, bidi overrides); under
 * --json the same message is one valid JSON line that parses back to the text typed.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const EVIL = '\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b]8;;https://evil.test\u001b\\x\u009b2J\r\bVALID\u202e';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('lanyard bad usage on hostile words', () => {
  // A --map prefix ends at its first `=`: there the hostile words are those before it.
  const NO_EQ = EVIL.replace(/=/g, '');
  const cases: [string, string[], string][] = [
    ['an unknown option (a glob-expanded file name)', [`-${EVIL}.png`, 'a.json'], EVIL],
    ['--now', ['--now', `2026${EVIL}`, 'a.json'], EVIL],
    ['a --map prefix', ['--map', `ftp://x${NO_EQ}=dir`, 'a.json'], NO_EQ],
    ['a --map directory', ['--map', `https://example.org/=/nonexistent/${EVIL}`, 'a.json'], EVIL],
    ['a switch given a value', [`--json=${EVIL}`, 'a.json'], EVIL],
  ];
  for (const [what, argv, typed] of cases) {
    it(`escapes ${what} on stderr; exit 2`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^lanyard: /);
      expect(r.stderr).not.toMatch(UNSAFE);
      expect(r.stderr).toContain('\\u001B]52;c;');
      expect(r.stdout).toBe('');
    });
    it(`keeps ${what} as one valid JSON line under --json, the text typed once parsed`, async () => {
      const r = await run([...argv, '--json']);
      expect(r.code).toBe(2);
      expect(r.stdout).not.toMatch(UNSAFE);
      const lines = r.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as { error: string; code: string };
      expect(line.code).toBe('usage');
      expect(line.error).toContain(typed);
      expect(r.stderr).not.toMatch(UNSAFE);
    });
  }
});
