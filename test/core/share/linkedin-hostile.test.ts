/**
 * LinkedIn's "Add to profile" link (reference §2.1) from a badge that says odd or hostile things:
 * dates out of order, an issuer named by nothing visible.
 */
import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl } from '../../../src/core/share/linkedin.ts';
import { badgeCardHtml, badgeShareText, earnedSentence, sharedName } from '../../../src/core/share/card.ts';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('the certification’s dates', () => {
  it('an expiry before the issue is left out: LinkedIn’s form refuses an end before its start', () => {
    const p = params(linkedInAddToProfileUrl({ name: 'N', issuedOn: '2025-06-01', expires: '2024-01-01' }));
    expect(p.issueYear).toBe('2025');
    expect(p.issueMonth).toBe('6');
    expect(p.expirationYear).toBeUndefined();
    expect(p.expirationMonth).toBeUndefined();
    // The same month is not before: a badge valid for a few days.
    expect(params(linkedInAddToProfileUrl({ name: 'N', issuedOn: '2025-06-01', expires: '2025-06-20' })).expirationMonth).toBe('6');
  });

  it('without an issue date, an expiry alone is still given (OB 3.0 validUntil without validFrom)', () => {
    const p = params(linkedInAddToProfileUrl({ name: 'N', expires: '2030-02-28T00:00:00Z' }));
    expect([p.issueYear, p.issueMonth, p.expirationYear, p.expirationMonth]).toEqual([undefined, undefined, '2030', '2']);
  });
});

describe('an issuer or badge named by nothing visible', () => {
  const blanks = ['\u202E', '\u200B\u2066\u2069', ' \u00A0\u3000 ', '\u202E \u200F'];

  it('gives LinkedIn no organization name made of markers', () => {
    for (const issuer of blanks) {
      expect(params(linkedInAddToProfileUrl({ name: 'N', organizationName: issuer })).organizationName, JSON.stringify(issuer)).toBeUndefined();
    }
    // A real name with a control in it still shows the control (display.ts).
    expect(params(linkedInAddToProfileUrl({ name: 'N', organizationName: 'River\u202EClub' })).organizationName).toBe('River⟨RLO⟩Club');
  });

  it('a badge whose name is only controls is shared as an Open Badge, as one with no name', () => {
    for (const name of blanks) {
      expect(sharedName({ name }), JSON.stringify(name)).toBe('Open Badge');
      expect(params(linkedInAddToProfileUrl({ name: sharedName({ name }) })).name).toBe('Open Badge');
      expect(earnedSentence({ name, issuerName: 'River Club' })).toBe('I earned an Open Badge from River Club.');
    }
  });

  it('the sentence and card leave out an issuer that is only controls', () => {
    for (const issuerName of blanks) {
      expect(earnedSentence({ name: 'Kayaking', issuerName })).toBe('I earned the badge “Kayaking”.');
      expect(badgeShareText({ name: 'Kayaking', issuerName })).toBe('I earned the badge “Kayaking”.');
      expect(badgeCardHtml({ name: 'Kayaking', issuerName })).not.toContain('Issued by');
    }
  });
});

/**
 * Hostile49: U+2800 BRAILLE PATTERN BLANK is a letter (General_Category So), not a space nor a
 * default-ignorable character, but every font draws it as nothing: the well-known "blank name". A
 * badge named "\u2800" was shared as the badge “⠀”, an issuer named so as "Issued by ⠀". In braille
 * text it is the space between words, so it is not marked where it stands beside other cells: only a
 * name of blanks alone (display.ts hasVisibleText) names nothing.
 */
describe('a name of braille blanks names nothing', () => {
  for (const blank of ['\u2800', '\u2800 \u2800\u2800', '\u3000\u2800\u200B']) {
    it(`${JSON.stringify(blank)}: shared as an Open Badge, and an issuer so named left out`, () => {
      expect(sharedName({ name: blank })).toBe('Open Badge');
      expect(params(linkedInAddToProfileUrl({ name: sharedName({ name: blank }), organizationName: blank })).organizationName).toBeUndefined();
      expect(earnedSentence({ name: 'Kayaking', issuerName: blank })).toBe('I earned the badge “Kayaking”.');
      expect(badgeCardHtml({ name: 'Kayaking', issuerName: blank })).not.toContain('Issued by');
    });
  }

  it('braille text, its words spaced by blanks, is a name', () => {
    const braille = '\u2813\u2811\u2807\u2807\u2815\u2800\u283A\u2815\u2817\u2807\u2819';
    expect(sharedName({ name: braille })).toBe(braille);
    expect(earnedSentence({ name: 'Kayaking', issuerName: braille })).toContain(braille);
  });
});

describe('the Credential ID', () => {
  it('is not an e-mail address: LinkedIn shows it on the public profile', async () => {
    const { credentialIdFor } = await import('../../../src/core/share/linkedin.ts');
    expect(credentialIdFor('mailto:ada@home.example')).toBeUndefined();
    expect(credentialIdFor('https://b.example/recipients/ada%40home.example')).toBeUndefined();
    expect(credentialIdFor(undefined, 'https://b.example/c/ada@home.example')).toBeUndefined();
    expect(credentialIdFor('urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002')).toBe('urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002');
  });
});
