/**
 * OB 2.0 §Assertion `revoked` and §HostedBadge: the issuer's copy at the badge's own id deciding.
 * A copy that declares another id is followed to it (ob2-hosted.ts followDeclaredId, after Badgr's
 * `?v=2_0` ids); when the copy at the badge's own address already says `revoked: true`, the issuer
 * has spoken for this badge at its address, and a copy elsewhere that does not say so must not make
 * it valid again.
 */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass'));
const plain = 'https://issuer.test/assertions/1';
const versioned = `${plain}?v=2_0`;
const hosted = (overrides: Record<string, unknown> = {}) => assertion({ id: versioned, verification: { type: 'HostedBadge' }, ...overrides });

describe('a hosted copy saying revoked at the badge\'s own address, declaring another id', () => {
  it('is revoked, whatever the copy at the declared id says', async () => {
    const { web } = await makeIssuer();
    web.json(versioned, await hosted({ id: plain, revoked: true, revocationReason: 'Issued in error' }));
    web.json(plain, await hosted({ id: plain }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('invalid');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });

  it('a bare {"id": <declared>, "revoked": true} at the badge\'s address: revoked too, nothing followed', async () => {
    const { web } = await makeIssuer();
    web.json(versioned, { id: plain, revoked: true });
    web.json(plain, await hosted({ id: plain }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')?.outcome, show(r)).toBe('fail');
    expect(web.requested).not.toContain(plain);
  });

  it('not revoked at the badge\'s address, revoked at the declared id: revoked, as before', async () => {
    const { web } = await makeIssuer();
    web.json(versioned, await hosted({ id: plain }));
    web.json(plain, await hosted({ id: plain, revoked: true }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')?.outcome, show(r)).toBe('fail');
  });

  it('neither revoked: valid, as before', async () => {
    const { web } = await makeIssuer();
    web.json(versioned, await hosted({ id: plain }));
    web.json(plain, await hosted({ id: plain }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('valid');
  });
});
