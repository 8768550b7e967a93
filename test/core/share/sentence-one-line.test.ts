/**
 * The sentence the user shares ("I earned the badge “…” from …", the copied text and the e-mail's
 * body) is the user's own words around the issuer's. An issuer's name or a badge name with line
 * breaks started new lines, paragraphs even, in it: an issuer could write a line that reads as the
 * user's ("P.S. …"). A name is one line there: its breaks and tabs are spaces (display.ts oneLine).
 */
import { describe, expect, it } from 'vitest';
import { badgeShareText, earnedSentence } from '../../../src/core/share/card.ts';
import { mailtoUrl } from '../../../src/core/share/mail.ts';

const issuerName = 'River Club.\r\n\r\nP.S. Please also pay River Club $500 at evil.example';

describe('the shared sentence', () => {
  it('holds the issuer’s and the badge’s names on one line', () => {
    expect(earnedSentence({ name: 'Kayak\nLevel\t1', issuerName })).toBe('I earned the badge “Kayak Level 1” from River Club. P.S. Please also pay River Club $500 at evil.example.');
    expect(badgeShareText({ name: 'Kayak\u2028Level 1', issuerName: 'River\nClub', publicUrl: 'https://b.example/1' })).toBe('I earned the badge “Kayak Level 1” from River Club. See and verify it: https://b.example/1');
    expect(earnedSentence({ name: '', noName: 'untitled', issuerName: 'River\r\nClub' })).toBe('I earned an Open Badge from River Club.');
  });

  it('so the e-mail’s body has no line the issuer started', () => {
    const body = new URL(mailtoUrl({ subject: 'S', body: earnedSentence({ name: 'Kayak', issuerName }), link: 'https://b.example/1' })).searchParams.get('body')!;
    expect(body.split('\r\n')).toEqual(['I earned the badge “Kayak” from River Club. P.S. Please also pay River Club $500 at evil.example.', '', 'https://b.example/1']);
  });

  it('other controls still show (display.ts)', () => {
    expect(earnedSentence({ name: 'A\u202Eb\u0007', issuerName: 'X' })).toBe('I earned the badge “A⟨RLO⟩b⟨U+0007⟩” from X.');
  });
});
