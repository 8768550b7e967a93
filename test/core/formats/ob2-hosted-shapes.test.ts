/** Hosted OB 2.0 assertions as old badges meet issuers that moved on (not in the conformance corpus). */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);

describe('an http id whose issuer now serves the assertion under its https id', () => {
  it('is the same assertion: the https id is checked against the issuer scope', async () => {
    const { web } = await makeIssuer({ verification: { type: 'VerificationObject', startsWith: 'https://issuer.test/assertions/' } });
    const old = await assertion({ id: 'http://issuer.test/assertions/9.json', verification: { type: 'HostedBadge' } });
    web.json('http://issuer.test/assertions/9.json', { ...old, id: 'https://issuer.test/assertions/9.json' });
    const r = await verify(JSON.stringify(old), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('is not confirmed by a copy that declares another path or host that does not serve it, or a downgrade to http', async () => {
    // The declared id is fetched once (ob2-hosted.ts followDeclaredId); here nothing answers there.
    const { web } = await makeIssuer();
    const asked = 'http://issuer.test/assertions/9.json';
    for (const declared of ['https://issuer.test/assertions/10.json', 'https://evil.test/assertions/9.json']) {
      const a = await assertion({ id: asked, verification: { type: 'HostedBadge' } });
      web.json(asked, { ...a, id: declared });
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted'), declared).toMatchObject({ outcome: 'indeterminate' });
      expect(r.verdict, declared).toBe('indeterminate');
    }
    // An https copy declaring its http address is not followed over plain http.
    const https = 'https://issuer.test/assertions/11.json';
    const b = await assertion({ id: https, verification: { type: 'HostedBadge' } });
    web.json(https, { ...b, id: 'http://issuer.test/assertions/11.json' });
    web.json('http://issuer.test/assertions/11.json', { ...b, id: 'http://issuer.test/assertions/11.json' });
    const down = await verify(JSON.stringify(b), { fetch: web.fetch, now: NOW });
    expect(check(down, 'hosted')?.outcome).toBe('indeterminate');
    expect(web.requested).not.toContain('http://issuer.test/assertions/11.json');
  });
});
