import { describe, expect, it } from 'vitest';
import { credentialIdFor, linkedInAddToProfileUrl, linkedInShareUrl, organizationIdFor } from '../../../src/core/share/linkedin.ts';
import { isoDay, yearMonth } from '../../../src/core/share/dates.ts';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('linkedInAddToProfileUrl', () => {
  it('fills every parameter, months 1–12, with the organization id when there is one', () => {
    const url = linkedInAddToProfileUrl({
      name: 'Data & Analysis <Level 2>',
      organizationId: '1035',
      organizationName: 'Northwind University',
      issuedOn: '2024-12-05T10:00:00Z',
      expires: '2027-01-31T00:00:00Z',
      certUrl: 'https://api.badgr.io/public/assertions/abc?x=1&y=2',
      certId: 'abc',
    });
    expect(url.startsWith('https://www.linkedin.com/profile/add?')).toBe(true);
    expect(params(url)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data & Analysis <Level 2>',
      organizationId: '1035',
      issueYear: '2024',
      issueMonth: '12',
      expirationYear: '2027',
      expirationMonth: '1',
      certUrl: 'https://api.badgr.io/public/assertions/abc?x=1&y=2',
      certId: 'abc',
    });
    // Encoded, not concatenated: a name with & cannot add a parameter.
    expect(url).toContain('name=Data+%26+Analysis+%3CLevel+2%3E');
  });

  it('falls back to the organization name, and omits what is missing or unsafe', () => {
    const p = params(linkedInAddToProfileUrl({ name: 'Kayaking', organizationId: 'not-digits', organizationName: 'River Club', certUrl: 'javascript:alert(1)' }));
    expect(p).toEqual({ startTask: 'CERTIFICATION_NAME', name: 'Kayaking', organizationName: 'River Club' });
  });

  it('shows a bidi override in the credential id as ⟨RLO⟩ and cuts a huge one, as it does the name', () => {
    expect(params(linkedInAddToProfileUrl({ name: 'N', certId: 'urn:uuid:\u202Eelif.exe' })).certId).toBe('urn:uuid:⟨RLO⟩elif.exe');
    expect(params(linkedInAddToProfileUrl({ name: 'N', certId: 'x'.repeat(1_000_000) })).certId).toHaveLength(301);
  });

  it('keeps the issuer calendar month (no time-zone shift, no 0-based month)', () => {
    expect(yearMonth('2024-03-31T23:30:00-05:00')).toEqual({ year: 2024, month: 3 });
    expect(yearMonth('2024-01-01')).toEqual({ year: 2024, month: 1 });
    expect(yearMonth('not a date')).toBeUndefined();
    expect(yearMonth('2024-13-01')).toBeUndefined();
  });

  it('does not invent a date: V8 reads "12" as December 2001 and "2024" as January', () => {
    for (const bad of ['12', '1', '2024', '7/8', 'yesterday']) expect(yearMonth(bad), bad).toBeUndefined();
    expect(yearMonth('Tue, 05 Mar 2024 10:00:00 GMT')).toEqual({ year: 2024, month: 3 });
    const p = new URL(linkedInAddToProfileUrl({ name: 'N', issuedOn: '12', expires: '2024' })).searchParams;
    expect([p.get('issueYear'), p.get('issueMonth'), p.get('expirationYear')]).toEqual([null, null, null]);
    expect(isoDay('12')).toBeUndefined();
    expect(isoDay('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05');
  });
});

describe('linkedInShareUrl', () => {
  it('posts only an http(s) url', () => {
    expect(linkedInShareUrl('https://example.org/a?b=c')).toBe('https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.org%2Fa%3Fb%3Dc');
    expect(linkedInShareUrl('javascript:alert(1)')).toBeUndefined();
    expect(linkedInShareUrl(undefined)).toBeUndefined();
  });
});

describe('organizationIdFor', () => {
  it('looks the issuer up by its id; by name only when it has no id; ignores ids that are not digits', () => {
    const map = { 'https://issuer.example/profile': '111', 'River Club': '222', Bad: 'abc' };
    expect(organizationIdFor(map, { id: 'https://issuer.example/profile', name: 'River Club' })).toBe('111');
    expect(organizationIdFor(map, { name: 'River Club' })).toBe('222');
    // Another issuer calling itself "River Club" does not get River Club's LinkedIn page and logo.
    expect(organizationIdFor(map, { id: 'https://impostor.example/issuer', name: 'River Club' })).toBeUndefined();
    expect(organizationIdFor(map, { name: 'Bad' })).toBeUndefined();
    expect(organizationIdFor(map, { name: 'toString' })).toBeUndefined();
  });
});

describe('credentialIdFor', () => {
  it('gives one Credential ID for every surface: a URL id its last segment, any other id itself', () => {
    expect(credentialIdFor('https://api.badgr.io/public/assertions/aB3dE5fG7h', 'https://api.badgr.io/public/assertions/aB3dE5fG7h')).toBe('aB3dE5fG7h');
    expect(credentialIdFor('https://riverclub.example/badges/kayak-1.json')).toBe('kayak-1');
    expect(credentialIdFor('https://x.example/c/%E2%9C%93%zz/')).toBe('%E2%9C%93%zz');
    expect(credentialIdFor('https://x.example/c/caf%C3%A9')).toBe('café');
    expect(credentialIdFor('urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002', 'https://x.example/c/1')).toBe('urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002');
    expect(credentialIdFor(undefined, 'https://x.example/c/7')).toBe('7');
    expect(credentialIdFor('https://x.example/', 'https://x.example/c/7')).toBe('7');
    expect(credentialIdFor(undefined, undefined)).toBeUndefined();
    expect(credentialIdFor('  ', 'javascript:alert(1)')).toBeUndefined();
  });
});
