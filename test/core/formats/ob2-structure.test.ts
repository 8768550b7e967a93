/**
 * OB 2.0 structure as 1EdTech's validator (openbadges-validator-core, ClassValidators) checks it:
 * type through the OB 2.0 context, the Open Badges @context, IRIs, DateTime with a zone. Conformance-like
 * cases: each changes one thing in a valid hosted or signed assertion and names the property that fails.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { isIri, isOb2DateTime, ob2NodeProblems } from '../../../src/core/formats/ob2-structure.ts';
import { assertion, BADGE, CTX, ISSUER, makeIssuer, NOW, rawJws, signJws } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const HOSTED = 'https://issuer.test/assertions/1.json';
const hosted = (o: Record<string, unknown> = {}) => assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, ...o });

/** Serves `served` at the hosted id (the copy that is checked) and verifies it. */
async function runHosted(served: Record<string, unknown>, tweak?: (web: Awaited<ReturnType<typeof makeIssuer>>['web']) => void) {
  const { web } = await makeIssuer();
  tweak?.(web);
  web.json(HOSTED, served);
  return verify(JSON.stringify(served), { fetch: web.fetch, now: NOW });
}

describe('OB 2.0 structure: type and @context of the assertion', () => {
  const valid: [string, Record<string, unknown>][] = [
    ['type Assertion', {}],
    ['type as a full IRI', { type: 'https://w3id.org/openbadges#Assertion' }],
    ['type as the compact obi:Assertion', { type: 'obi:Assertion' }],
    ['type as an array with an extension type', { type: ['Assertion', 'extensions:ApplyLink'] }],
    ['@context as an array with an extension context', { '@context': [CTX, 'https://w3id.org/openbadges/extensions/exampleExtension/context.json'] }],
    ['@context as the openbadgespec.org alias', { '@context': 'https://openbadgespec.org/v2/context.json' }],
    ['issuedOn with a ±hh:mm zone and fractions', { issuedOn: '2025-01-01T02:00:00.123+02:00' }],
  ];
  it.each(valid)('accepts %s', async (_, o) => {
    const r = await runHosted(await hosted(o));
    expect(check(r, 'structure')?.outcome, check(r, 'structure')?.message).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['type OtherAssertion', { type: 'OtherAssertion' }, 'Assertion type'],
    ['type BadgeClass on the assertion', { type: 'BadgeClass' }, 'Assertion type'],
    ['no type', { type: undefined }, 'Assertion type'],
    ['a type IRI from another vocabulary', { type: 'https://schema.org/Assertion' }, 'Assertion type'],
    ['a non-OB @context', { '@context': 'https://schema.org/' }, 'Assertion @context'],
    ['an OB 3.0 context on a 2.0 assertion', { '@context': 'https://purl.imsglobal.org/spec/ob/v3p0/context.json' }, 'Assertion @context'],
    ['an inline context that maps Assertion elsewhere', { '@context': [CTX, { Assertion: 'https://evil.test/Assertion' }] }, 'Assertion type'],
    ['issuedOn as a Unix timestamp', { issuedOn: 1735689600 }, 'Assertion issuedOn'],
    ['issuedOn without a time zone', { issuedOn: '2025-01-01T00:00:00' }, 'Assertion issuedOn'],
    ['issuedOn as a date only', { issuedOn: '2025-01-01' }, 'Assertion issuedOn'],
    ['expires that is not a date', { expires: 'next year' }, 'Assertion expires'],
    ['an image that is not an IRI', { image: 'not an iri' }, 'Assertion image'],
  ];
  it.each(invalid)('fails structure for %s, naming the property', async (_, o, property) => {
    const r = await runHosted(await hosted(o));
    const s = check(r, 'structure');
    expect(s?.outcome).toBe('fail');
    expect(s?.message).toContain(property);
    expect(s?.message).not.toContain('undefined');
    expect(r.verdict).toBe('invalid');
  });
});

describe('OB 2.0 structure without the issuer\'s copy', () => {
  it('fails the input\'s own structure when the hosted copy cannot be fetched, and stays indeterminate when the shape is right', async () => {
    const { web } = await makeIssuer();
    const bad = await verify(JSON.stringify(await hosted({ type: 'OtherAssertion' })), { fetch: web.fetch, now: NOW });
    expect(check(bad, 'hosted')?.outcome).toBe('indeterminate');
    expect(check(bad, 'structure')?.message).toContain('Assertion type');
    expect(bad.verdict).toBe('invalid');
    const ok = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(ok.verdict).toBe('indeterminate');
  });

  it('fails a 2.0 input with no web address whose @context is not Open Badges\'', async () => {
    const r = await verify(JSON.stringify(await hosted({ id: 'urn:uuid:9d278beb-36cf-4bc8-888d-674ff9843d72', '@context': 'https://example.org/other/v2' })), { now: NOW });
    expect(check(r, 'structure')?.message).toContain('Assertion @context');
    expect(r.verdict).toBe('invalid');
  });
});

describe('OB 2.0 structure: badge class and issuer in their places', () => {
  it('fails a fetched badge class whose type is not BadgeClass', async () => {
    const r = await runHosted(await hosted(), (web) => web.json(BADGE, { '@context': CTX, type: 'Issuer', id: BADGE, name: 'B', description: 'd', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/c', issuer: ISSUER }));
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail' });
    expect(check(r, 'structure')?.message).toContain('BadgeClass type (must include BadgeClass, found Issuer)');
  });

  it('fails an issuer profile whose type is neither Issuer nor Profile, and an issuer url that is not a URL', async () => {
    const r = await runHosted(await hosted(), (web) => web.json(ISSUER, { '@context': CTX, type: 'BadgeClass', id: ISSUER, name: 'Test Issuer', url: 'issuer.test', email: 'b@issuer.test' }));
    const msg = check(r, 'structure')?.message ?? '';
    expect(msg).toContain('Issuer type (must include Issuer or Profile');
    expect(msg).toContain('Issuer url (an http(s) URL, found issuer.test)');
  });

  it('accepts Profile as the issuer type and full IRIs for BadgeClass', async () => {
    const r = await runHosted(await hosted(), (web) => {
      web.json(ISSUER, { '@context': CTX, type: 'Profile', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'b@issuer.test' });
      web.json(BADGE, { '@context': CTX, type: 'https://w3id.org/openbadges#BadgeClass', id: BADGE, name: 'B', description: 'd', image: 'data:image/png;base64,iVBORw0KGgo=', criteria: { narrative: 'Do it' }, issuer: ISSUER });
    });
    expect(check(r, 'structure')?.outcome, check(r, 'structure')?.message).toBe('pass');
  });

  it('reads an embedded badge class with the assertion context: its type must be BadgeClass', async () => {
    const embedded = { type: 'Assertion', id: BADGE, name: 'B', description: 'd', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/c', issuer: ISSUER };
    const r = await runHosted(await hosted({ badge: embedded }));
    expect(check(r, 'structure')?.message).toContain('BadgeClass type (must include BadgeClass, found Assertion)');
    const ok = await runHosted(await hosted({ badge: { ...embedded, type: 'BadgeClass' } }));
    expect(check(ok, 'structure')?.outcome, check(ok, 'structure')?.message).toBe('pass');
  });

  it('does not hold a fetched badge class without @context (an OB 1.0 document, upgraded) to the 2.0 type rule', async () => {
    const r = await runHosted(await hosted(), (web) => web.json(BADGE, { name: 'B', description: 'd', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/c', issuer: ISSUER }));
    expect(check(r, 'structure')?.outcome, check(r, 'structure')?.message).toBe('pass');
  });

  it('fails a criteria that is not an IRI', async () => {
    const r = await runHosted(await hosted(), (web) => web.json(BADGE, { '@context': CTX, type: 'BadgeClass', id: BADGE, name: 'B', description: 'd', image: 'https://issuer.test/b.png', criteria: 'see our website', issuer: ISSUER }));
    expect(check(r, 'structure')?.message).toContain('BadgeClass criteria (an IRI, found see our website)');
  });
});

describe('OB 2.0 structure: signed assertions, and documents that are not assertions', () => {
  it('fails structure for type OtherAssertion and still reports the genuine signature', async () => {
    const { web, privateKey } = await makeIssuer();
    const r = await verify(await signJws(await assertion({ type: 'OtherAssertion' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'structure')?.outcome).toBe('fail');
    expect(check(r, 'structure')?.message).toContain('Assertion type');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
    expect(r.verdict).toBe('invalid');
  });

  it('fails structure for a signed assertion whose id is a malformed urn:uuid, signature still checked', async () => {
    const { web, privateKey } = await makeIssuer();
    const r = await verify(await signJws(await assertion({ id: 'urn:uuid:123' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'structure')?.message).toContain('Assertion id (an IRI, found urn:uuid:123)');
    expect(check(r, 'signature')?.outcome).toBe('pass');
  });

  it('fails structure for a non-OB @context on a signed assertion, signature still checked', async () => {
    const { web, privateKey } = await makeIssuer();
    const r = await verify(await signJws(await assertion({ '@context': 'https://example.org/not-open-badges' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'structure')?.message).toContain('Assertion @context');
    expect(check(r, 'signature')?.outcome).toBe('pass');
  });

  it('reads an unsigned JWS (alg none, empty signature): parse passes, signature fails as unsigned', async () => {
    const { web } = await makeIssuer();
    const r = await verify(rawJws({ alg: 'none' }, await assertion()), { fetch: web.fetch, now: NOW });
    expect(check(r, 'parse')?.outcome).toBe('pass');
    expect(r.format).toBe('ob2.0-signed');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    expect(check(r, 'signature')?.message).toMatch(/not signed/);
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(r.verdict).toBe('invalid');
  });

  it('says an issuer profile given as input is an issuer profile, not a badge (never "undefined")', async () => {
    const { web } = await makeIssuer();
    const profile = { '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'b@issuer.test' };
    const r = await verify(JSON.stringify(profile), { fetch: web.fetch, now: NOW });
    expect(check(r, 'structure')?.outcome).toBe('fail');
    expect(check(r, 'structure')?.message).toContain('issuer profile');
    expect(r.verdict).toBe('invalid');
    for (const c of r.checks) expect(c.message).not.toMatch(/undefined/);
    const bc = await verify(JSON.stringify({ '@context': CTX, type: 'BadgeClass', id: BADGE, name: 'B' }), { fetch: web.fetch, now: NOW });
    expect(check(bc, 'structure')?.message).toContain('badge class');
  });
});

describe('OB 2.0 data types', () => {
  it.each([
    ['2016-12-31T23:59:59Z', true], ['2016-12-31T23:59:59+00:00', true], ['2016-12-31T23:59:59.5-0500', true], ['2016-12-31T23:59+01', true],
    ['20161231T235959Z', true], ['2016-12-31T23:59:59', false], ['2016-12-31', false], ['1483228799', false], ['2016-13-01T00:00:00Z', false], ['2016-12-31t23:59:59z', false],
  ])('DateTime %s → %s', (v, ok) => expect(isOb2DateTime(v)).toBe(ok));
  it('does not take a number for a DateTime', () => expect(isOb2DateTime(1483228799)).toBe(false));
  it.each([
    ['https://example.org/a', true], ['urn:uuid:2f6a5c1e-0000-4000-8000-000000000000', true], ['_:b0', true], ['did:key:z6Mk', true],
    ['https://', false], ['example.org/a', false], ['https://exa mple.org', false], ['', false],
    // openbadges-validator-core tests/test_validation.py bad_iris
    ['urn:uuid', false], ['urn:uuid:123', false], ['urn:uuid:', false], ['urn:uuid:zz278beb-36cf-4bc8-888d-674ff9843d72', false], ['data:image/gif;base64,R0lGODlhyAAiALM', false],
    ['urn:uuid:9D278beb-36cf-4bc8-888d-674ff9843d72', true], ['http://www.example.com:8080/', true],
  ])('IRI %s → %s', (v, ok) => expect(isIri(v)).toBe(ok));
  it('leaves a node read with the OB 1.x context or none to the 1.x upgrade', () => {
    expect(ob2NodeProblems({ cls: 'Assertion', node: { issuedOn: 1483228799 }, context: 'https://w3id.org/openbadges/v1' })).toEqual([]);
    expect(ob2NodeProblems({ cls: 'Assertion', node: { issuedOn: 1483228799 }, context: undefined })).toEqual([]);
    expect(ob2NodeProblems({ cls: 'Assertion', node: { issuedOn: 1483228799 }, context: CTX }).join()).toContain('issuedOn');
  });
});
