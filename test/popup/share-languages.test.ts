// @vitest-environment jsdom
/**
 * The share screen's card, sentence, e-mail and LinkedIn name in the popup's language (VC DM 2.0
 * §11.1): the popup chose each text (src/popup/display.ts), and core/share now gives a right-to-left
 * one its direction: dir="rtl" in the card, RIGHT-TO-LEFT ISOLATE … POP DIRECTIONAL ISOLATE in the
 * sentence and the e-mail's subject and body. With the multilingual credential of test/fixtures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { detailForDisplay } from '../../src/popup/display.ts';
import { shareContent } from '../../src/popup/share/share-content.ts';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { GERMAN_NAME, ISSUER_NAMES, multilingualBadge, NAMES } from '../support/multilingual.ts';
import { t } from './render.tsx';

let detail: BadgeDetail;
beforeAll(async () => {
  const b = await multilingualBadge();
  detail = {
    key: 'local|ml', accountId: 'local', name: b.name, description: b.description, issuerName: b.issuer.name, issuerId: b.issuer.id, tags: [], format: 'blockcerts3',
    verdict: 'indeterminate', recipient: null, pending: false, publicUrl: 'https://www.blockcerts.org/b/1', texts: b.texts, evidence: [], alignments: [], claimedRecipients: [], checks: [],
  } as BadgeDetail;
});

const content = (locale: string) => shareContent(detailForDisplay(detail, t, locale), undefined, t, locale);
const nameBlock = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.querySelector('td > div')!;
const decoded = (mail: string) => Object.fromEntries([...new URL(mail).searchParams]);

describe('sharing from the popup, in its language', () => {
  it('French, German or (for others) English texts in the card, the sentence, the e-mail and the LinkedIn name', () => {
    for (const [locale, name, issuer] of [['fr', NAMES.fr, ISSUER_NAMES.fr], ['de', GERMAN_NAME, ISSUER_NAMES.de], ['en', NAMES.en, ISSUER_NAMES.en], ['ja', NAMES.en, ISSUER_NAMES.en]] as const) {
      const c = content(locale);
      expect(c.text, locale).toContain(`“${name}” from ${issuer}.`);
      expect(nameBlock(c.html).textContent).toBe(name);
      expect(new URL(c.addToProfile).searchParams.get('name')).toBe(name);
      expect(decoded(c.mail).subject).toContain(name);
    }
  });

  it('a right-to-left text: dir="rtl" in the card, isolated right to left in the sentence, the e-mail’s subject and body', () => {
    const c = content('ar');
    expect(nameBlock(c.html).getAttribute('dir')).toBe('rtl');
    expect(nameBlock(c.html).textContent).toBe(NAMES.ar);
    expect(new DOMParser().parseFromString(c.html, 'text/html').querySelector('span[dir=rtl]')?.textContent).toBe(ISSUER_NAMES.ar);
    expect(c.text).toContain(`“\u2067${NAMES.ar}\u2069” from \u2067${ISSUER_NAMES.ar}\u2069.`);
    const mail = decoded(c.mail);
    expect(mail.subject).toContain(`\u2067${NAMES.ar}\u2069`);
    expect(mail.body).toContain(`\u2067${NAMES.ar}\u2069`);
    // LinkedIn's certification name is a field of its own, not a sentence: the name as it is.
    expect(new URL(c.addToProfile).searchParams.get('name')).toBe(NAMES.ar);
  });
});
