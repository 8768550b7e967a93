/**
 * The public conformance corpus (test/fixtures/conformance/expected.json) through the engine.
 * Every case: parse as expected and the format detected right. In-scope cases: the verdict and
 * the checks that must pass or fail. Cases left for the Data Integrity issue are listed below by
 * identity; they must at least never come out `valid` unless that is their expected verdict.
 */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/core/verify/pipeline.ts';
import { caseFetch, caseId, inputPath, loadExpected } from '../support/conformance.ts';
import { FORMATS, PENDING } from './conformance-formats.ts';

const expected = loadExpected();





describe('conformance corpus', () => {
  it('has every case expected.json lists, with its input present', () => {
    expect(expected.cases.length).toBeGreaterThanOrEqual(51);
    const missing = expected.cases.filter((c) => !existsSync(inputPath(c))).map(caseId);
    expect(missing).toEqual([]);
    const ids = new Set(expected.cases.map(caseId));
    expect(ids.size).toBe(expected.cases.length);
    for (const c of expected.cases) expect(FORMATS[c.input], `format listed for ${c.input}`).toBeDefined();
  });

  for (const c of expected.cases) {
    const id = caseId(c);
    it(`${PENDING.has(id) ? '[pending DI] ' : ''}${id} → ${c.verdict}`, async () => {
      const result = await verify(new Uint8Array(readFileSync(inputPath(c))), {
        fetch: caseFetch(expected, c),
        now: new Date(c.now ?? expected.now),
        identities: c.recipients ?? [],
      });
      const outcome = (cid: string) => result.checks.find((k) => k.id === cid)?.outcome;
      if (c.fail?.includes('parse')) expect(outcome('parse')).toBe('fail');
      else if (c.verdict !== 'indeterminate' || c.pass?.includes('parse')) expect(outcome('parse')).toBe('pass');
      if (outcome('parse') === 'pass') expect(result.format).toBe(FORMATS[c.input]);
      expect(result.checks.slice(0, 8).map((k) => k.id)).toEqual(expected.checkIds ?? ['parse', 'structure', 'signature', 'issuer-key', 'hosted', 'validity', 'revocation', 'recipient']);
      if (PENDING.has(id)) {
        if (c.verdict !== 'valid') expect(result.verdict).not.toBe('valid');
        return;
      }
      const detail = JSON.stringify(result.checks, null, 1);
      expect(result.verdict, detail).toBe(c.verdict);
      for (const p of c.pass ?? []) expect(outcome(p), `${p} should pass\n${detail}`).toBe('pass');
      for (const f of c.fail ?? []) expect(outcome(f), `${f} should fail\n${detail}`).toBe('fail');
    });
  }
});
