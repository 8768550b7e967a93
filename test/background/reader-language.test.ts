/**
 * What the background sends content scripts, in the reader's language (VC DM 2.0 §11.1): the hover
 * card's verdict, the picker's rows and search, the card and sentence a picker inserts, and
 * LinkedIn's add-to-profile name. Each text a badge gives in several languages is chosen for the
 * browser's UI language (platform/i18n.ts readerLanguages), as the popup chooses it, else the first;
 * the name's and issuer's direction (`@direction`) goes with it. Before, every one of them showed
 * the first language. With the multilingual credential of test/fixtures (test/support/multilingual.ts).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pickerHandle } from '../../src/background/services/picker-handles.ts';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { metaOf } from '../../src/background/services/badge-record.ts';
import { createContent, hoverVerdict } from '../../src/background/services/content.ts';
import { pickerBadge } from '../../src/background/services/views.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { isHoverVerdict, isPickerBadge } from '../../src/content/messages.ts';
import { guards } from '../../src/messaging/validate.ts';
import { openDb, type Db } from '../../src/platform/db.ts';
import { readerLanguages } from '../../src/platform/i18n.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import type { Messages } from '../../src/popup/i18n.ts';
import { fakeI18n } from '../content/support/runtime.ts';
import { GERMAN_NAME, ISSUER_NAMES, multilingualResult, NAMES } from '../support/multilingual.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

let result: VerifyResult;
let record: BadgeRecord;
beforeAll(async () => {
  result = await multilingualResult();
  record = {
    key: 'local|ml', accountId: 'local', sourceId: 'ml', original: { kind: 'json' }, contentHash: 'h', format: result.format, verdict: 'valid',
    checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z',
    meta: { ...metaOf(result.badge), publicUrl: 'https://www.blockcerts.org/b/1' },
  } as BadgeRecord;
});

/** The browser's i18n as the background reads it: getUILanguage, and the messages of one locale. */
function browserIn(uiLanguage: string | undefined, messages: Messages = en as Messages): void {
  (globalThis as { chrome?: unknown }).chrome = { i18n: { ...fakeI18n(messages), ...(uiLanguage ? { getUILanguage: () => uiLanguage } : {}) } };
}
afterEach(() => void delete (globalThis as { chrome?: unknown }).chrome);

describe('the reader’s languages (platform/i18n.ts)', () => {
  it('the browser’s UI language, after the messages’ own when the browser chose French messages and says another language', () => {
    browserIn('de');
    expect(readerLanguages()).toEqual(['de']);
    browserIn('en-US');
    expect(readerLanguages()).toEqual(['en-US']);
    browserIn('fr-CA', fr as Messages);
    expect(readerLanguages()).toEqual(['fr-CA']);
    // Chromium under LANGUAGE=fr: French messages, "en-US" from getUILanguage.
    browserIn('en-US', fr as Messages);
    expect(readerLanguages()).toEqual(['fr', 'en-US']);
    browserIn(undefined, fr as Messages);
    expect(readerLanguages()).toEqual(['fr']);
    delete (globalThis as { chrome?: unknown }).chrome;
    expect(readerLanguages()).toEqual([]);
  });
});

describe('the hover card’s verdict', () => {
  it('the French or German name and issuer for a French or German reader, the English for others; both guards take it', () => {
    for (const [languages, name, issuer] of [[['fr'], NAMES.fr, ISSUER_NAMES.fr], [['de-DE'], GERMAN_NAME, ISSUER_NAMES.de], [['en-US'], NAMES.en, ISSUER_NAMES.en], [['ja'], NAMES.en, ISSUER_NAMES.en], [[], NAMES.en, ISSUER_NAMES.en]] as const) {
      const v = hoverVerdict(result, undefined, [], [], languages);
      expect([v.name, v.issuerName, v.dirs], languages.join()).toEqual([name, issuer, undefined]);
      expect(guards.content.reply['hover/verify'](v)).toBe(true);
      expect(isHoverVerdict(v)).toBe(true);
    }
  });

  it('a right-to-left name and issuer go with their direction; a direction that is neither is refused on both sides', () => {
    const v = hoverVerdict(result, undefined, [], [], ['ar']);
    expect(v).toMatchObject({ name: NAMES.ar, issuerName: ISSUER_NAMES.ar, dirs: { name: 'rtl', issuerName: 'rtl' } });
    expect(guards.content.reply['hover/verify'](v)).toBe(true);
    expect(isHoverVerdict(v)).toBe(true);
    for (const dirs of [{ name: 'up' }, 'rtl', { issuerName: 1 }]) {
      expect(guards.content.reply['hover/verify']({ ...v, dirs })).toBe(false);
      expect(isHoverVerdict({ ...v, dirs })).toBe(false);
    }
  });
});

describe('the picker’s rows', () => {
  it('the name and issuer in the reader’s language, with their direction, and both guards take the row', () => {
    expect(pickerBadge(record, ['fr'])).toMatchObject({ name: NAMES.fr, issuerName: ISSUER_NAMES.fr });
    expect(pickerBadge(record, ['de'])).toMatchObject({ name: GERMAN_NAME, issuerName: ISSUER_NAMES.de });
    expect(pickerBadge(record, ['pt-BR'])).toMatchObject({ name: NAMES.en, issuerName: ISSUER_NAMES.en });
    expect(pickerBadge(record, ['fr']).dirs).toBeUndefined();
    const ar = pickerBadge(record, ['ar']);
    expect(ar).toMatchObject({ name: NAMES.ar, issuerName: ISSUER_NAMES.ar, dirs: { name: 'rtl', issuerName: 'rtl' } });
    expect(guards.content.reply['picker/list']([ar])).toBe(true);
    expect(isPickerBadge(ar)).toBe(true);
    expect(isPickerBadge({ ...ar, dirs: { name: 'sideways' } })).toBe(false);
  });
});

describe('the content service, in the browser’s language', () => {
  const settings = { get: async () => ({ hoverVerify: true, syncIntervalMinutes: 60, linkedInOrgIds: {} }) };
  const content = () =>
    createContent({
      db: { badges: { get: async (k: string) => (k === record.key ? record : undefined), all: async () => [record] }, originals: { get: async () => undefined } } as unknown as Db,
      settings, verifier: undefined as never,
    } as unknown as Parameters<typeof createContent>[0]);

  it('the picker finds a badge by the name it shows, and lists it so', async () => {
    browserIn('de');
    expect((await content().pickerList('personalausweis')).map((b) => b.name)).toEqual([GERMAN_NAME]);
    expect(await content().pickerList('carte')).toEqual([]);
    browserIn('en-US', fr as Messages);
    expect((await content().pickerList('carte')).map((b) => b.name)).toEqual([NAMES.fr]);
  });

  it('the card and sentence a picker inserts, and LinkedIn’s name: German for a German browser, French for a French one, English for others', async () => {
    for (const [ui, messages, name, issuer] of [['de', undefined, GERMAN_NAME, ISSUER_NAMES.de], ['fr-FR', fr, NAMES.fr, ISSUER_NAMES.fr], ['en-GB', undefined, NAMES.en, ISSUER_NAMES.en], ['ja', undefined, NAMES.en, ISSUER_NAMES.en]] as const) {
      browserIn(ui, (messages ?? en) as Messages);
      const card = await content().card(await pickerHandle(record.key));
      expect(card.html, ui).toContain(`>${name.replace("'", '&#39;')}</div>`);
      expect(card.text).toContain(name);
      expect(card.text).toContain(issuer);
      expect(new URL((await content().linkedInUrl(await pickerHandle(record.key))).url).searchParams.get('name')).toBe(name);
      expect(new URL((await content().linkedInUrl(await pickerHandle(record.key))).url).searchParams.get('organizationName')).toBe(issuer);
    }
  });

  it('a right-to-left name: dir="rtl" in the card, isolated in the sentence', async () => {
    browserIn('ar');
    const card = await content().card(await pickerHandle(record.key));
    expect(card.html).toContain(`<div dir="rtl"`);
    expect(card.html).toContain(`<span dir="rtl" style="unicode-bidi:isolate;">${ISSUER_NAMES.ar}</span>`);
    expect(card.text).toContain(`\u2067${NAMES.ar}\u2069`);
  });
});

describe('a hover verdict kept for a while', () => {
  it('is kept per reader language: after the browser’s language changed, the card names the badge in the new one', async () => {
    let verified = 0;
    const content = createContent({
      db: await openDb({ name: `reader-language-${Date.now()}` }),
      settings: { get: async () => ({ hoverVerify: true }) } as never,
      verifier: { matchRecipient, verify: async () => (verified++, result) },
      now: (() => {
        let t = 1_000_000;
        return () => (t += 2_000);
      })(),
    });
    const from = { url: 'https://blog.example/p', tab: { id: 3 }, frameId: 0 };
    const url = 'https://issuer.example/badges/ml.json';
    browserIn('en-US', fr as Messages);
    expect((await content.hoverVerify(url, from)).name).toBe(NAMES.fr);
    expect((await content.hoverVerify(url, from)).name).toBe(NAMES.fr);
    expect(verified).toBe(1);
    // Before: the French verdict, kept 10 minutes, was shown to the German reader.
    browserIn('de');
    expect((await content.hoverVerify(url, from)).name).toBe(GERMAN_NAME);
    browserIn('en-US', fr as Messages);
    expect((await content.hoverVerify(url, from)).name).toBe(NAMES.fr);
    expect(verified).toBe(2);
  });
});
