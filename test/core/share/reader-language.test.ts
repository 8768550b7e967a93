// @vitest-environment jsdom
// jsdom only as the HTML parser that reads the card; the builders use no DOM.
/**
 * A badge's words in the reader's language on what is shared (VC DM 2.0 §11.1): the card, its
 * sentence and the e-mail's take the text chooseText picks among the reader's languages, in their
 * order (RFC 4647 §3.4 lookup each), else the issuer's first; the card sets the base direction the
 * badge gives it (`@direction`) as `dir`, and a plain sentence isolates it (UAX #9: RLI/LRI/FSI…PDI).
 * With the multilingual credential of test/fixtures (test/support/multilingual.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inSentence, isolated, needsIsolation } from '../../../src/core/share/bidi.ts';
import { badgeCardHtml, badgeShareText, earnedSentence, type ShareableBadge } from '../../../src/core/share/card.ts';
import { chooseText, chooseTexts } from '../../../src/core/share/lang-text.ts';
import { displaySentence, displayText } from '../../../src/core/share/display.ts';
import { mailtoUrl } from '../../../src/core/share/mail.ts';
import type { Badge } from '../../../src/core/model.ts';
import { GERMAN_NAME, ISSUER_NAMES, multilingualBadge, NAMES } from '../../support/multilingual.ts';

let badge: Badge;
beforeAll(async () => {
  badge = await multilingualBadge();
});

/** The badge's card words in `languages`, as the background and the popup pass them to core/share. */
function shareable(languages: readonly string[]): ShareableBadge {
  const { pick, dirs } = chooseTexts(badge.texts, languages);
  return { name: pick.name!.value, issuerName: pick.issuerName!.value, publicUrl: 'https://www.blockcerts.org/b/1', ...(dirs ? { dirs } : {}) };
}

const nameBlock = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.querySelector('td > div')!;

describe('choosing among the reader’s languages', () => {
  it('the French or German text for a French or German reader, the English (the first) for any other', () => {
    const names = badge.texts!.name!;
    expect(chooseText(names, ['fr'])?.value).toBe(NAMES.fr);
    expect(chooseText(names, ['fr-CA'])?.value).toBe(NAMES.fr);
    expect(chooseText(names, ['de-AT'])?.value).toBe(GERMAN_NAME);
    for (const other of [['en-US'], ['ja'], [], ['../x']]) expect(chooseText(names, other)?.value).toBe(NAMES.en);
  });

  it('the reader’s languages in their order: the first that finds a text wins, a later one only when the first finds none', () => {
    const names = badge.texts!.name!;
    expect(chooseText(names, ['fr', 'de'])?.value).toBe(NAMES.fr);
    expect(chooseText(names, ['de', 'fr'])?.value).toBe(GERMAN_NAME);
    expect(chooseText(names, ['ja', 'de'])?.value).toBe(GERMAN_NAME);
    // One language as a string, as the popup passes it.
    expect(chooseText(names, 'de')?.value).toBe(GERMAN_NAME);
  });

  it('chooseTexts: each text in the language, and the direction of those that give one', () => {
    expect(chooseTexts(badge.texts, ['ar'])).toMatchObject({ pick: { name: { value: NAMES.ar }, issuerName: { value: ISSUER_NAMES.ar } }, dirs: { name: 'rtl', description: 'rtl', issuerName: 'rtl' } });
    expect(chooseTexts(badge.texts, ['fr']).dirs).toBeUndefined();
    expect(chooseTexts(undefined, ['fr'])).toEqual({ pick: {} });
  });
});

describe('the shared card and sentence in the reader’s language', () => {
  it('French for a French reader, German for a German one, English for others; the sentence leaves left-to-right words as they are', () => {
    expect(badgeShareText(shareable(['fr']))).toBe(`I earned the badge “${NAMES.fr}” from ${ISSUER_NAMES.fr}. See and verify it: https://www.blockcerts.org/b/1`);
    expect(earnedSentence(shareable(['de']))).toBe(`I earned the badge “${GERMAN_NAME}” from ${ISSUER_NAMES.de}.`);
    expect(earnedSentence(shareable(['en-GB']))).toBe(`I earned the badge “${NAMES.en}” from ${ISSUER_NAMES.en}.`);
    expect(nameBlock(badgeCardHtml(shareable(['fr']))).textContent).toBe(NAMES.fr);
    expect(badgeCardHtml(shareable(['de']))).toContain(`Issued by ${ISSUER_NAMES.de}`);
  });

  it('a right-to-left text gets dir="rtl" in the card, and RIGHT-TO-LEFT ISOLATE … POP DIRECTIONAL ISOLATE in the sentence', () => {
    const ar = shareable(['ar']);
    const html = badgeCardHtml(ar);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(nameBlock(html).getAttribute('dir')).toBe('rtl');
    expect(nameBlock(html).textContent).toBe(NAMES.ar);
    const issuer = doc.querySelector('span[dir]')!;
    expect(issuer.getAttribute('dir')).toBe('rtl');
    expect(issuer.textContent).toBe(ISSUER_NAMES.ar);
    expect(issuer.parentElement?.textContent).toBe(`Issued by ${ISSUER_NAMES.ar}`);
    expect(earnedSentence(ar)).toBe(`I earned the badge “\u2067${NAMES.ar}\u2069” from \u2067${ISSUER_NAMES.ar}\u2069.`);
    // Other languages keep dir="auto" and no span.
    expect(nameBlock(badgeCardHtml(shareable(['fr']))).getAttribute('dir')).toBe('auto');
    expect(badgeCardHtml(shareable(['fr']))).not.toContain('<span');
  });

  it('a badge without a name is an Open Badge, whatever direction its texts had', () => {
    const html = badgeCardHtml({ name: '', noName: 'untitled', dirs: { name: 'rtl' } });
    expect(nameBlock(html).getAttribute('dir')).toBe('auto');
    expect(earnedSentence({ name: '', noName: 'untitled', dirs: { name: 'rtl' } })).toBe('I earned an Open Badge.');
  });
});

describe('isolating an issuer’s words in a plain sentence (UAX #9 §2.7)', () => {
  it('the given direction as RLI or LRI, else FSI; only where a left-to-right sentence needs it', () => {
    expect(isolated('x', 'rtl')).toBe('\u2067x\u2069');
    expect(isolated('x', 'ltr')).toBe('\u2066x\u2069');
    expect(isolated('x')).toBe('\u2068x\u2069');
    expect(needsIsolation('Analytical Society')).toBe(false);
    expect(needsIsolation('Analytical Society', 'ltr')).toBe(false);
    expect(needsIsolation('Analytical Society', 'rtl')).toBe(true);
    expect(needsIsolation('2026 · מכון ויצמן')).toBe(true);
    expect(inSentence('מכון ויצמן')).toBe('\u2068מכון ויצמן\u2069');
    expect(inSentence('Kayaking')).toBe('Kayaking');
  });
});

describe('the isolates of a sentence survive the e-mail’s displaySentence, nothing else does', () => {
  const params = (url: string) => Object.fromEntries([...new URL(url).searchParams]);

  it('mailtoUrl keeps the isolate around a right-to-left name, in the subject and the body', () => {
    const sentence = earnedSentence(shareable(['ar']));
    const mail = params(mailtoUrl({ subject: `My badge: ${inSentence(NAMES.ar, 'rtl')}`, body: sentence }));
    expect(mail.subject).toBe(`My badge: \u2067${NAMES.ar}\u2069`);
    expect(mail.body).toBe(sentence);
  });

  it('an override, a lone isolate or an empty pair still shows as a marker; a cut isolate is closed', () => {
    expect(displaySentence('a\u202Eb \u2067c \u2068\u2069 \u2069', 100)).toBe('a⟨RLO⟩b ⟨RLI⟩c ⟨FSI⟩⟨PDI⟩ ⟨PDI⟩');
    expect(displaySentence('\u2067\u202Ex\u2069', 100)).toBe('⟨RLI⟩⟨RLO⟩x⟨PDI⟩');
    // displayText (every issuer's word) shows a balanced pair too.
    expect(displayText(`\u2067${NAMES.ar}\u2069`)).toBe(`⟨RLI⟩${NAMES.ar}⟨PDI⟩`);
    expect(displaySentence(`Badge: \u2067${'ب'.repeat(50)}\u2069`, 20)).toBe(`Badge: \u2067${'ب'.repeat(12)}…\u2069`);
  });
});

describe('a direction that is neither ltr nor rtl', () => {
  it('is never written into the card’s HTML: dir="auto" instead', () => {
    const hostile = { name: 'A', issuerName: 'جامعة', dirs: { name: '"><script>x</script>', issuerName: 'up' } } as unknown as ShareableBadge;
    const html = badgeCardHtml(hostile);
    expect(html).not.toContain('<script');
    expect(nameBlock(html).getAttribute('dir')).toBe('auto');
    expect(new DOMParser().parseFromString(html, 'text/html').querySelector('span')?.getAttribute('dir')).toBe('auto');
  });
});
