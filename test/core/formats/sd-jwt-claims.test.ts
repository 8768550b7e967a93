/**
 * integrity.md §Verify (VC-JWT): iss, jti, nbf and exp, when present, must say what the credential's
 * issuer, id, validFrom and validUntil say. Under an SD-JWT (RFC 9901 §7.1 step 3) those members are
 * compared once their disclosures are put back: disclosed, each is compared as it would be in the
 * clear (a disagreement is malformed, an agreement valid); withheld, there is nothing to disagree with
 * (unknown, never malformed: the holder's choice is no fault of the issuer's).
 */
import { describe, expect, it } from 'vitest';
import { credential, runJwt, show } from '../keys/jwt-fixtures.ts';
import { didKey, digest, disclosure, issue, sdJwt, type DidKey, type Obj } from './sd-jwt-support.ts';
const seconds = (iso: string): number => Date.parse(iso) / 1000;

const UNTIL = '2030-01-01T00:00:00Z';
/** Each member, the claim that stands for it, and the claim's value agreeing and disagreeing (issuer's given the signer's did). */
const CASES: [member: string, claim: string, agree: (did: string, c: Obj) => unknown, disagree: unknown][] = [
  ['issuer', 'iss', (did) => did, 'did:example:someone-else'],
  ['id', 'jti', (_, c) => c.id, 'urn:uuid:another'],
  ['validFrom', 'nbf', (_, c) => seconds(c.validFrom as string), seconds('2024-06-01T00:00:00Z')],
  ['validUntil', 'exp', () => seconds(UNTIL), seconds('2031-01-01T00:00:00Z')],
];

/** The SD-JWT of `c` with `claims`, its `member` in the clear, disclosed, or withheld. */
async function issued(k: DidKey, member: string, claims: Obj, how: 'clear' | 'disclosed' | 'withheld'): Promise<string> {
  const c: Obj = { ...credential(k.did, { validUntil: UNTIL }), ...claims };
  if (how === 'clear') return sdJwt(await issue(k, c));
  const d = disclosure('c2FsdA', member, c[member]);
  delete c[member];
  c._sd = [digest(d)];
  const jwt = await issue(k, c);
  return how === 'disclosed' ? sdJwt(jwt, d) : sdJwt(jwt);
}

describe('an SD-JWT\'s registered claims against the credential\'s members', () => {
  for (const [member, claim, agree, disagree] of CASES) {
    it.each(['clear', 'disclosed'] as const)(`${member} ${'%s'}, ${claim} agreeing: valid`, async (how) => {
      const k = await didKey();
      const r = await runJwt(await issued(k, member, { [claim]: agree(k.did, credential(k.did)) }, how));
      expect(r.check('structure')?.outcome, show(r)).toBe('pass');
      expect(r.verdict).toBe('valid');
    });

    it.each(['clear', 'disclosed'] as const)(`${member} ${'%s'}, ${claim} disagreeing: malformed`, async (how) => {
      const k = await didKey();
      const r = await runJwt(await issued(k, member, { [claim]: disagree }, how));
      expect(r.check('structure'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_CLAIM_MISMATCH' });
      expect(r.check('structure')?.message).toContain(claim);
      expect(r.verdict).toBe('invalid');
    });

    it(`${member} withheld, ${claim} given: nothing to disagree with, never malformed`, async () => {
      const k = await didKey();
      const r = await runJwt(await issued(k, member, { [claim]: agree(k.did, credential(k.did)) }, 'withheld'));
      expect(r.check('signature')?.outcome, show(r)).toBe('pass');
      expect(r.checks.filter((x) => x.outcome === 'fail'), show(r)).toEqual([]);
      expect(r.verdict).not.toBe('invalid');
    });
  }
});
