/**
 * OB 2.0 §HostedBadge Verification rule 3 binds where the issuer hosts its badges (§VerificationObject
 * `startsWith`), and "Redirects are permissible as long as appropriate Assertion content is eventually
 * returned" (1EdTech openbadges-specification ob_v2p0). The scope and the id match were compared with
 * the URL asked for, not where a same-site redirect ended (fetch-once.ts finalUrl): an open redirect on
 * the issuer's own site, from a path inside `startsWith` to one outside it (an uploads folder), let a
 * copy served from outside the declared path be `valid`. Such a copy confirms nothing now
 * (`indeterminate`, never `invalid`: genuine servers add trailing slashes and move http to https); a
 * redirect that stays in the scope is still valid.
 */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skipped'));
const scoped = (startsWith: string) => makeIssuer({ verification: { type: 'VerificationObject', startsWith } });

describe('a hosted copy reached through a redirect on the issuer\'s own site', () => {
  it('from inside startsWith to outside it (an open redirect) confirms nothing: indeterminate, never valid', async () => {
    const { web } = await scoped('https://issuer.test/badges/');
    const id = 'https://issuer.test/badges/go?to=/uploads/evil.json';
    const forged = await assertion({ id, verification: { type: 'HostedBadge' }, recipient: { type: 'email', hashed: false, identity: 'mallory@evil.test' } });
    web.redirect(id, '/uploads/evil.json').json('https://issuer.test/uploads/evil.json', forged);
    const r = await verify(JSON.stringify(forged), { fetch: web.fetch, now: NOW, identities: ['mallory@evil.test'] });
    expect(check(r, 'hosted'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
    expect(check(r, 'hosted')?.message).toContain('https://issuer.test/uploads/evil.json');
    expect(r.verdict).toBe('indeterminate');
    // Pasted as its URL, the same.
    const byUrl = await verify(id, { fetch: web.fetch, now: NOW, identities: ['mallory@evil.test'] });
    expect(check(byUrl, 'hosted'), show(byUrl)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
  });

  it('within the scope stays valid: a trailing slash, http to https on the same host, a move inside the path', async () => {
    for (const [startsWith, id, to] of [
      ['https://issuer.test/badges/', 'https://issuer.test/badges/9', 'https://issuer.test/badges/9/'],
      ['http://issuer.test/badges/', 'http://issuer.test/badges/9.json', 'https://issuer.test/badges/9.json'],
      ['https://issuer.test/badges/', 'https://issuer.test/badges/9.json', 'https://issuer.test/badges/v2/9.json'],
    ] as const) {
      const { web } = await scoped(startsWith);
      const a = await assertion({ id, verification: { type: 'HostedBadge' } });
      web.redirect(id, to).json(to, a);
      const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted')?.outcome, `${startsWith} ${id} -> ${to} ${show(r)}`).toBe('pass');
      expect(r.verdict).toBe('valid');
    }
  });

  it('with no verification object, anywhere on the issuer\'s origin is its scope, as before', async () => {
    const { web } = await makeIssuer();
    const id = 'https://issuer.test/badges/9.json';
    const a = await assertion({ id, verification: { type: 'HostedBadge' } });
    web.redirect(id, '/elsewhere/9.json').json('https://issuer.test/elsewhere/9.json', a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, show(r)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });
});
