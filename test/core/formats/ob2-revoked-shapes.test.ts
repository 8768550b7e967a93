/**
 * The issuer's hosted copy is the authority on revocation (OB 2.0 §HostedBadge Verification), and
 * `revoked` is a Boolean (OB 2.0 §Assertion). A copy saying `"revoked": "true"` (or 1) was read as
 * not revoked, and the badge verified as valid; now a true-ish value is revoked, a value that is
 * neither true nor false leaves revocation unsettled, and false, "false" or null is not revoked.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from './ob2-fixtures.ts';

const HOSTED = 'https://issuer.test/assertions/1.json';

async function withCopySaying(revoked: unknown) {
  const { web } = await makeIssuer();
  const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
  web.json(HOSTED, { ...a, revoked });
  const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
  return { verdict: r.verdict, revocation: r.checks.find((c) => c.id === 'revocation') };
}

describe('OB 2.0 hosted: what the copy\'s revoked says', () => {
  it.each(['true', 'TRUE', 1])('revoked: %j is revoked', async (v) => {
    const r = await withCopySaying(v);
    expect(r.revocation).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  it.each<[unknown]>([['yes'], [[true]], [{ value: true }], [2]])('revoked: %j is neither true nor false: not valid, not called revoked', async (v) => {
    const r = await withCopySaying(v);
    expect(r.revocation?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it.each([false, 'false', 0, null])('revoked: %j is not revoked', async (v) => {
    const r = await withCopySaying(v);
    expect(r.revocation?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });
});
