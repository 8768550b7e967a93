/**
 * LinkedIn is given only a link its readers can open (reference §2.1: certUrl is the "Credential
 * URL", a public verification URL; §2.2: share-offsite's preview is fetched by LinkedIn's crawler).
 * A badge whose link is on a local or private network (a backpack on localhost, 192.168.x.x, a
 * `.corp` host: core/verify/private-address.ts) goes to the profile without a Credential URL, and
 * there is no post of it; its Credential ID stays.
 */
import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl, linkedInShareUrl } from '../../../src/core/share/linkedin.ts';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);
const PRIVATE = ['http://localhost:8000/public/assertions/a', 'http://127.0.0.1/public/assertions/a', 'http://192.168.1.20/public/assertions/a', 'https://badges.acme.corp/a/1', 'http://[::1]/a', 'https://badgr/a', 'http://10.0.0.5.nip.io/a'];

describe('a link on a local or private network', () => {
  it('is no Credential URL; the rest of the certification is filled', () => {
    for (const certUrl of PRIVATE) {
      const p = params(linkedInAddToProfileUrl({ name: 'First Aid', organizationName: 'Red Cross', issuedOn: '2024-03-01', certUrl, certId: 'a' }));
      expect(p.certUrl, certUrl).toBeUndefined();
      expect(p).toMatchObject({ name: 'First Aid', organizationName: 'Red Cross', issueYear: '2024', issueMonth: '3', certId: 'a' });
    }
  });

  it('is never posted', () => {
    for (const url of PRIVATE) expect(linkedInShareUrl(url), url).toBeUndefined();
  });

  it('a public link is kept for both', () => {
    const url = 'https://api.badgr.io/public/assertions/a';
    expect(params(linkedInAddToProfileUrl({ name: 'N', certUrl: url })).certUrl).toBe(url);
    expect(linkedInShareUrl(url)).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`);
  });
});
