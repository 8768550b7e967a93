/**
 * LinkedIn's certification form has one-line fields (Name, Issuing organization, Credential ID;
 * reference §2.1/§2.3). A badge's name, issuer or id with line breaks or tabs (JSON strings may hold
 * them) goes in as one line: a break is a space, never `%0A` in the link, and never dropped so that
 * words run together (an <input> strips line breaks from its value: "Line1Line2").
 */
import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl } from '../../../src/core/share/linkedin.ts';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('the Add-to-profile link’s text fields', () => {
  it('are one line: line breaks, tabs and their runs are one space', () => {
    const p = params(
      linkedInAddToProfileUrl({ name: ' Data\r\nScience &\t#1\n\n100% ', organizationName: 'River\r\nClub\u2028Rowing', certId: 'urn:uuid:a\nb', issuedOn: '2025-06-01' }),
    );
    expect(p.name).toBe('Data Science & #1 100%');
    expect(p.organizationName).toBe('River Club Rowing');
    expect(p.certId).toBe('urn:uuid:a b');
  });

  it('other controls still show as markers (display.ts), and a bidi override is not obeyed', () => {
    const p = params(linkedInAddToProfileUrl({ name: 'A\u202Eb\u0007\nc' }));
    expect(p.name).toBe('A⟨RLO⟩b⟨U+0007⟩ c');
  });

  it('a name of only line breaks is no name: the link names what it is', () => {
    expect(params(linkedInAddToProfileUrl({ name: 'N', organizationName: '\r\n\t' })).organizationName).toBeUndefined();
  });
});

describe('in linear time', () => {
  it('a name of a million spaces, or of spaces and breaks, is read at once', () => {
    const t0 = performance.now();
    for (const name of [' '.repeat(1_000_000) + 'x', ' \n'.repeat(500_000), ' '.repeat(500_000) + '\n']) linkedInAddToProfileUrl({ name });
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
