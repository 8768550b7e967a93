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

  it('cuts a source of 100 KB (a data: URL given as the input) to one short line, as --json keeps it whole', () => {
    const source = `data:application/vc+jwt,eyJ${'A'.repeat(100_000)}.sig`;
    const result: VerifyResult = { verdict: 'valid', format: 'ob3.0-jwt', recipient: null, badge: null, input: { kind: 'jws', size: 1, sha256: '' }, checks: [] };
    const line = toText(result, source).split('\n').find((l) => l.startsWith('source: '))!;
    expect(line.length).toBeLessThan(600);
    expect(line).toMatch(/^source: data:application\/vc\+jwt,eyJA+\u2026A+\.sig$/);
  });
});
