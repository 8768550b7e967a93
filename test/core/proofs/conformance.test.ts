/**
 * Every Data Integrity case of test/fixtures/conformance/expected.json, at the proof level: the
 * `signature` and `issuer-key` checks come out as expected, and (where listed) `revocation`.
 * Baked images are the input layer's business; their extracted JSON is covered by the .json cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyDataIntegrity, verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { createContext } from '../../../src/core/verify/context.ts';
import { caseFetch, caseId, inputPath, loadExpected } from '../../support/conformance.ts';

const expected = loadExpected();
const cases = expected.cases.filter((c) => c.input.endsWith('.json') && !c.input.startsWith('ob20/'));

describe('conformance: Data Integrity cases at the proof level', () => {
  it('finds them all', () => expect(cases.length).toBeGreaterThanOrEqual(25));
  for (const c of cases) {
    it(`${caseId(c)} → ${c.verdict}`, async () => {
      const credential = JSON.parse(readFileSync(inputPath(c), 'utf8')) as Record<string, unknown>;
      const ctx = createContext({ fetch: caseFetch(expected, c), now: new Date(c.now ?? expected.now) });
      const checks = new CheckList();
      applyDataIntegrity(await verifyDataIntegrity(credential, ctx), checks);
      const s = await checkCredentialStatus(credential, ctx);
      checks.set('revocation', s.outcome, s.message, s.code);
      for (const id of ['signature', 'issuer-key', 'revocation'] as const) {
        if (c.pass?.includes(id)) expect(checks.get(id), `${id}: ${checks.get(id)?.message}`).toMatchObject({ outcome: 'pass' });
        if (c.fail?.includes(id)) expect(checks.get(id), `${id}: ${checks.get(id)?.message}`).toMatchObject({ outcome: 'fail' });
      }
      // What the verdict needs from these checks: valid → all pass; indeterminate → none fails; invalid → a failure here unless another check fails.
      const outcomes = ['signature', 'issuer-key', 'revocation'].map((id) => checks.get(id as 'signature')?.outcome);
      if (c.verdict === 'valid') expect(outcomes).toEqual(['pass', 'pass', 'pass']);
      if (c.verdict === 'indeterminate') {
        expect(outcomes).not.toContain('fail');
        expect(outcomes.some((o) => o === 'indeterminate')).toBe(true);
      }
      if (c.verdict === 'invalid' && !c.fail?.some((id) => !['signature', 'issuer-key', 'revocation'].includes(id))) expect(outcomes).toContain('fail');
    });
  }
});
