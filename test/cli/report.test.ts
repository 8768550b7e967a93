/** The human report (src/cli/report.ts toText) stays readable whatever the badge holds. */
import { describe, expect, it } from 'vitest';
import { toText } from '../../src/cli/report.ts';
import type { VerifyResult } from '../../src/core/result.ts';

describe('toText', () => {
  it('cuts a check message quoting a megabyte URL to one short line, keeping its start and its reason', () => {
    const url = `https://issuer.example/${'a'.repeat(1_000_000)}`;
    const result: VerifyResult = {
      verdict: 'indeterminate', format: 'ob2.0-hosted', recipient: null, badge: null,
      input: { kind: 'json', size: 1, sha256: '' },
      checks: [{ id: 'hosted', outcome: 'indeterminate', message: `The issuer's copy could not be fetched: ${url} could not be fetched: host not found (ENOTFOUND)` }],
    };
    const line = toText(result, 'a.json').split('\n').find((l) => l.startsWith('  ? hosted'))!;
    expect(line.length).toBeLessThan(600);
    expect(line).toMatch(/^ {2}\? hosted {6}indeterminate The issuer's copy could not be fetched: https:\/\/issuer\.example\/a+\u2026a+ could not be fetched: host not found \(ENOTFOUND\)$/);
  });
});
