/**
 * The card links the issuer's name to the homepage its profile claims only when that homepage is on
 * the issuer's own site (its id's host, or a subdomain): any profile may claim https://www.harvard.edu.
 */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml } from '../../../src/core/share/card.ts';
import { onIssuerSite } from '../../../src/core/share/issuer-site.ts';

const card = (issuerId: string | undefined, issuerUrl: string) => badgeCardHtml({ name: 'Nursing', issuerName: 'Harvard University', issuerId, issuerUrl, publicUrl: 'https://evil.example/a/1' });

describe('the card’s issuer link', () => {
  it('is left out when the claimed homepage is on another site than the issuer’s id', () => {
    const html = card('https://evil.example/issuer', 'https://www.harvard.edu/');
    expect(html).not.toContain('harvard.edu');
    expect(html).toContain('Issued by Harvard University');
  });

  it('is left out for an issuer with no id, or a DID other than did:web', () => {
    expect(card(undefined, 'https://www.harvard.edu/')).not.toContain('href="https://www.harvard.edu/"');
    expect(card('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'https://www.harvard.edu/')).not.toContain('href="https://www.harvard.edu/"');
  });

  it('is kept for a homepage on the issuer’s host, a subdomain of it, or its did:web host', () => {
    expect(card('https://harvard.edu/issuer.json', 'https://www.harvard.edu/')).toContain('href="https://www.harvard.edu/"');
    expect(card('https://badges.harvard.edu/issuer', 'https://badges.harvard.edu/about')).toContain('href="https://badges.harvard.edu/about"');
    expect(card('did:web:harvard.edu', 'https://nursing.harvard.edu/')).toContain('href="https://nursing.harvard.edu/"');
  });

  it('does not take a look-alike ending, a parent domain, a sibling or another port for the issuer’s site', () => {
    expect(onIssuerSite('https://evilharvard.edu/', 'https://harvard.edu/i')).toBe(false);
    expect(onIssuerSite('https://harvard.edu.evil.example/', 'https://harvard.edu/i')).toBe(false);
    expect(onIssuerSite('https://github.io/', 'https://attacker.github.io/i')).toBe(false);
    expect(onIssuerSite('https://www.uni.example/', 'https://badges.uni.example/i')).toBe(false);
    expect(onIssuerSite('https://uni.example:8443/', 'https://uni.example/i')).toBe(false);
    expect(onIssuerSite('https://WWW.Uni.Example/', 'https://uni.example/i')).toBe(true);
  });
});
