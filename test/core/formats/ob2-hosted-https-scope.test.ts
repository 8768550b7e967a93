/**
 * An issuer that moved to https and now declares `startsWith: "https://issuer.test/badges/"` (OB 2.0
 * §VerificationObject) still has old badges whose id is `http://issuer.test/badges/9.json`: it
 * redirects that id to its https form, where the copy (read over TLS, inside the declared prefix)
 * still declares the http id. SPEC ob_v2p0 §HostedBadge Verification: the hosted URI "is the source
 * of truth for the badge" and "Redirects are permissible as long as appropriate Assertion content is
 * eventually returned". The same badge given as its https link was already valid (ob2-hosted.ts reads
 * the http id at its https form); given as its JSON or its http id it was `invalid` ("outside the
 * issuer's declared locations"): a genuine badge called forged. Now valid only when the copy was read
 * over TLS at exactly the https form of the id (same host, default ports, same path) and that form is
 * in the scope; a plain http read or another landing place confirms nothing (indeterminate); an id
 * whose https form is outside the scope, or that has none (another port), stays invalid.
 */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, CTX, makeIssuer, NOW, REVOCATIONS } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skipped'));
const scoped = () => makeIssuer({ verification: { type: 'VerificationObject', startsWith: 'https://issuer.test/badges/' } });
const HTTP_ID = 'http://issuer.test/badges/9.json';
const HTTPS_FORM = 'https://issuer.test/badges/9.json';

describe('an http id whose issuer now declares an https startsWith', () => {
  it('is valid when its copy was read over TLS at exactly its https form, inside the prefix (was invalid)', async () => {
    const { web } = await scoped();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    web.redirect(HTTP_ID, HTTPS_FORM).json(HTTPS_FORM, a);
    for (const input of [JSON.stringify(a), HTTP_ID, HTTPS_FORM]) {
      const r = await verify(input, { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted')?.outcome, `${input.slice(0, 40)} ${show(r)}`).toBe('pass');
      expect(check(r, 'hosted')?.message).toContain('https://issuer.test/badges/');
      expect(r.verdict).toBe('valid');
    }
  });

  it('is revoked when the issuer\'s list names its https form (id-form.ts reads both as one id)', async () => {
    const { web } = await makeIssuer({ revocationList: true, verification: { type: 'VerificationObject', startsWith: 'https://issuer.test/badges/' } });
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    web.redirect(HTTP_ID, HTTPS_FORM).json(HTTPS_FORM, a).json(REVOCATIONS, { '@context': CTX, type: 'RevocationList', id: REVOCATIONS, revokedAssertions: [HTTPS_FORM] });
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).not.toBe('valid');
  });

  it('confirms nothing when the copy was read over plain http or landed elsewhere in the prefix: indeterminate', async () => {
    const plain = await scoped();
    const a = await assertion({ id: HTTP_ID, verification: { type: 'HostedBadge' } });
    plain.web.json(HTTP_ID, a);
    const r = await verify(JSON.stringify(a), { fetch: plain.web.fetch, now: NOW });
    expect(check(r, 'hosted'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
    expect(r.verdict).toBe('indeterminate');

    const moved = await scoped();
    moved.web.redirect(HTTP_ID, 'https://issuer.test/badges/v2/9.json').json('https://issuer.test/badges/v2/9.json', a);
    const m = await verify(JSON.stringify(a), { fetch: moved.web.fetch, now: NOW });
    expect(check(m, 'hosted'), show(m)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
    expect(m.verdict).toBe('indeterminate');
  });

  it('stays invalid when the https form is outside the prefix, or there is none (another port)', async () => {
    for (const id of ['http://issuer.test/uploads/9.json', 'http://issuer.test:8080/badges/9.json']) {
      const { web } = await scoped();
      const a = await assertion({ id, verification: { type: 'HostedBadge' } });
      // A redirect to another port is another site (fetch-once.ts): that id is served where it names.
      const https = id.replace(/^http:/, 'https:');
      if (id.includes(':8080')) web.json(id, a);
      else web.redirect(id, https).json(https, a);
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted'), `${id} ${show(r)}`).toMatchObject({ outcome: 'fail', code: 'ERR_HOSTED_SCOPE' });
      expect(r.verdict).toBe('invalid');
    }
  });
});
