/**
 * Hostile review (session 24): the human report named the issuer only by the name its profile gives
 * itself. A profile named "Harvard University" on evil.example verifies (OB 2.0 §Profile `name` is the
 * issuer's own word), and the report read "VALID … issuer: Harvard University", where the extension
 * says "Harvard University (evil.example)" (core/share/issuer-site.ts). Now the report names the
 * issuer's site or DID beside its name, as the extension does, look-alike letters in their xn-- form.
 */
import { describe, expect, it } from 'vitest';
import { toText } from '../../src/cli/report.ts';
import type { VerifyResult } from '../../src/core/result.ts';

const report = (issuer: { id?: string; name?: string }): string => {
  const badge = { name: 'Intro to Law', issuer, recipients: [] } as unknown as NonNullable<VerifyResult['badge']>;
  const result: VerifyResult = { verdict: 'valid', format: 'ob2.0-hosted', recipient: null, badge, input: { kind: 'json', size: 1, sha256: '' }, checks: [] };
  return toText(result, 'a.json');
};
const issuerLine = (issuer: { id?: string; name?: string }): string | undefined => report(issuer).split('\n').find((l) => l.startsWith('issuer: '));

describe('the report names where the issuer is, beside the name it gives itself', () => {
  it('the host of an http(s) issuer id', () => {
    expect(issuerLine({ id: 'https://evil.example/issuer.json', name: 'Harvard University' })).toBe('issuer: Harvard University (evil.example)');
  });

  it('an internationalised host in its xn-- form, so that look-alike letters show', () => {
    expect(issuerLine({ id: 'https://h\u0430rvard.edu/issuer', name: 'Harvard University' })).toBe('issuer: Harvard University (xn--hrvard-3nf.edu)');
  });

  it('a DID, shortened at both ends; nothing for an id that names no place', () => {
    const did = `did:key:z6Mk${'a'.repeat(44)}`;
    expect(issuerLine({ id: did, name: 'Harvard University' })).toBe(`issuer: Harvard University (${did.slice(0, 20)}\u2026${did.slice(-9)})`);
    expect(issuerLine({ id: 'urn:uuid:5e5b2f7c-7d54-4bbf-9f1b-0d0e7f3a0001', name: 'Harvard University' })).toBe('issuer: Harvard University');
  });

  it('an issuer with a site but no name is still named by its site', () => {
    expect(issuerLine({ id: 'https://evil.example/issuer.json' })).toBe('issuer: (no name) (evil.example)');
  });
});
