/**
 * The OB 3.0 VC-JWT cases of test/fixtures/conformance/expected.json. The `.jwt` inputs go
 * straight to the verifier; every case also runs through the whole pipeline (baked PNG/SVG included).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseFetch, caseId, inputPath, loadExpected, type ConformanceCase } from '../../support/conformance.ts';
import { runJwt, show } from '../keys/jwt-fixtures.ts';

const expected = loadExpected();
const JWT_INPUTS = /^(ob30\/.*\.jwt|baking\/ob30_simple-jwt.*)$/;
const cases = expected.cases.filter((c) => JWT_INPUTS.test(c.input));

function expectOutcome(c: ConformanceCase, verdict: string, outcome: (id: string) => string | undefined, detail: string): void {
  expect(verdict, detail).toBe(c.verdict);
  for (const p of c.pass ?? []) expect(outcome(p), `${p} should pass\n${detail}`).toBe('pass');
  for (const f of c.fail ?? []) expect(outcome(f), `${f} should fail\n${detail}`).toBe('fail');
}

describe('OB 3.0 VC-JWT conformance cases', () => {
  it('finds every JWT case expected.json lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
    expect(cases.some((c) => c.maps.includes('1edtech.edu'))).toBe(true);
  });

  for (const c of cases.filter((x) => x.input.endsWith('.jwt'))) {
    it(`verifier: ${caseId(c)} → ${c.verdict}`, async () => {
      const r = await runJwt(readFileSync(inputPath(c), 'utf8'), {
        fetch: caseFetch(expected, c),
        now: new Date(c.now ?? expected.now),
        identities: c.recipients ?? [],
      });
      expectOutcome(c, r.verdict, (id) => r.check(id)?.outcome, show(r));
    });
  }

  for (const c of cases) {
    it(`pipeline: ${caseId(c)} → ${c.verdict}`, async () => {
      const { verify } = await import('../../../src/core/verify/pipeline.ts');
      const r = await verify(new Uint8Array(readFileSync(inputPath(c))), {
        fetch: caseFetch(expected, c),
        now: new Date(c.now ?? expected.now),
        identities: c.recipients ?? [],
      });
      expect(r.format).toBe('ob3.0-jwt');
      expectOutcome(c, r.verdict, (id) => r.checks.find((k) => k.id === id)?.outcome, JSON.stringify(r.checks, null, 1));
    });
  }

  it('reports the 1EdTech JWT fixture\'s header key as not the issuer\'s, and reads its badge', async () => {
    const c = cases.find((x) => x.input === 'ob30/simple-jwt.extracted.jwt' && x.maps.includes('1edtech.edu'))!;
    const r = await runJwt(readFileSync(inputPath(c), 'utf8'), { fetch: caseFetch(expected, c), now: new Date(expected.now) });
    expect(r.check('issuer-key')).toMatchObject({ outcome: 'fail', code: 'ERR_KEY_NOT_OWNED' });
    expect(r.badge).toMatchObject({ name: 'Teamwork', issuer: { id: 'https://1edtech.edu/issuers/565049', name: 'Example Corp' }, recipients: [{ type: 'id', identity: 'did:example:ebfeb1f712ebc6f1c276e12ec21' }] });
  });
});
