// @vitest-environment jsdom
/**
 * Hostile review (session 11): an issuer's name and web site are its own words. A profile named
 * "Harvard University" whose `url` is https://www.harvard.edu, served from evil.example, makes a
 * badge that verifies (the checks tie it to evil.example, rightly). The badge page showed only
 * "Harvard University", linked to harvard.edu: nothing said where the issuer really is. Now the
 * line under the name says it ("Issued from evil.example"; session 28: not "Issuer's address", which
 * read as the postal address the details also show), an internationalised host in its
 * xn-- form so look-alike letters show.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { issuerSite } from '../../src/core/share/issuer-site.ts';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { renderWithEnv } from './render.tsx';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };

afterEach(cleanup);

describe('issuerSite', () => {
  it('names the place the checks tie the issuer to', () => {
    expect(issuerSite('https://evil.example/issuer.json')).toBe('evil.example');
    expect(issuerSite('https://Issuer.Example:8443/p')).toBe('issuer.example:8443');
    expect(issuerSite('did:web:evil.example')).toBe('evil.example');
    expect(issuerSite('did:web:evil.example%3A8443:issuers:1')).toBe('evil.example:8443');
    // A look-alike name (Cyrillic а, р, ӏ) is shown as the DNS sees it.
    expect(issuerSite('https://\u0430\u0440\u0440\u04cf\u0435.com/issuer')).toBe('xn--80ak6aa92e.com');
    expect(issuerSite('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).toBe('did:key:z6MkhaXgBZDv…nEGta2doK');
    expect(issuerSite('urn:uuid:5e5b2f7c-7d54-4bbf-9f1b-0d0e7f3a0001')).toBeUndefined();
    expect(issuerSite('did:web:evil.example%2Fpath')).toBeUndefined();
    expect(issuerSite(undefined)).toBeUndefined();
  });
});

describe('issuerSite: a long DID', () => {
  it('shows its end too: two did:keys alike in their first 20 characters (8 of them the key\'s, about 47 bits to grind) read apart', () => {
    const mine = issuerSite('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK');
    const lookAlike = issuerSite('did:key:z6MkhaXgBZDvQ2r8VmWxYk3TnEbJcLpHsAdFgUiOoPzRtKeM');
    expect(mine).not.toBe(lookAlike);
    expect(issuerSite('did:example:short')).toBe('did:example:short');
  });
});

describe('the badge page', () => {
  it('says where the issuer is under its name, which links to the web site the issuer claims', async () => {
    const mock = createMockActions();
    const detail: BadgeDetail = {
      key: 'k', accountId: 'local', name: 'Doctorate', tags: [], format: 'ob2.0-hosted', verdict: 'valid', pending: false, recipient: null,
      issuerName: 'Harvard University', issuerUrl: 'https://www.harvard.edu/', issuerId: 'https://evil.example/issuer.json',
      checks: [{ id: 'hosted', outcome: 'pass', message: 'Hosted on evil.example, the issuer\'s own site' }], evidence: [], alignments: [], claimedRecipients: [],
    };
    renderWithEnv(<BadgeScreen badgeKey="k" onShare={() => {}} onAddresses={() => {}} onChanged={() => {}} onRemoved={() => {}} />, { ...mock, getBadge: async () => ({ ok: true, value: detail }) });
    expect((await screen.findByRole('link', { name: 'Harvard University' })).getAttribute('href')).toBe('https://www.harvard.edu/');
    expect(screen.getByText('Issued from evil.example')).toBeTruthy();
  });
});

describe('the line under the issuer\'s name and the postal address', () => {
  it('do not share the word "address" (en) or "adresse" (fr): one is a host or a DID, the other a street', () => {
    for (const [m, word] of [[en, /address/i], [fr, /adresse/i]] as const) {
      expect(m.badgeIssuerAddress.message).toMatch(word);
      expect(m.badgeIssuerSite.message).not.toMatch(word);
      expect(m.badgeIssuerSite.message).toContain('$SITE$');
    }
  });
});
