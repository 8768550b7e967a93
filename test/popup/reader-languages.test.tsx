// @vitest-environment jsdom
/**
 * The popup chose a badge's texts by the language of its messages (messagesLocale), which for a
 * browser in a language Lanyard has no messages in (German) is the default English: the popup
 * showed English where the badge gives German, while the hover card and pickers, chosen by the
 * browser's own language, showed German. The popup now chooses by the reader's languages
 * (core/share/lang-text.ts readerLanguagesOf, the rule platform/i18n.ts readerLanguages uses too),
 * its words and dates still in its messages' language. With the multilingual credential of test/fixtures.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readerLanguagesOf } from '../../src/core/share/lang-text.ts';
import type { BadgeView } from '../../src/messaging/views.ts';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { GERMAN_NAME, ISSUER_NAMES, multilingualBadge, NAMES } from '../support/multilingual.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

let badge: BadgeView;
beforeAll(async () => {
  const b = await multilingualBadge();
  badge = { key: 'local|ml', accountId: 'local', name: b.name, issuerName: b.issuer.name, tags: [], format: 'blockcerts3', verdict: 'indeterminate', recipient: null, pending: false, texts: b.texts } as BadgeView;
});

describe('the reader’s languages (readerLanguagesOf)', () => {
  it('the browser’s UI language, after its messages’ own when they are not the default ones and it names another', () => {
    expect(readerLanguagesOf('de', 'en')).toEqual(['de']);
    expect(readerLanguagesOf('en-US', 'en')).toEqual(['en-US']);
    expect(readerLanguagesOf('fr-CA', 'fr')).toEqual(['fr-CA']);
    expect(readerLanguagesOf('en-US', 'fr')).toEqual(['fr', 'en-US']);
    expect(readerLanguagesOf(undefined, 'fr')).toEqual(['fr']);
    expect(readerLanguagesOf(undefined, undefined)).toEqual([]);
  });
});

describe('the popup’s list in the reader’s languages', () => {
  const list = (languages: readonly string[] | undefined, locale = 'en') => {
    const actions = { ...createMockActions(), listBadges: async () => ({ ok: true as const, value: [badge] }) };
    render(<App actions={actions} t={t} locale={locale} {...(languages ? { languages } : {})} now={now} />);
  };

  it('a German browser with English messages: the German name and issuer', async () => {
    list(readerLanguagesOf('de-DE', 'en'));
    expect(await screen.findByText(GERMAN_NAME)).toBeTruthy();
    expect(screen.getByText(ISSUER_NAMES.de)).toBeTruthy();
    expect(screen.queryByText(NAMES.en)).toBeNull();
  });

  it('French for a French browser, English for another; the locale alone when no languages are given', async () => {
    list(readerLanguagesOf('fr', 'fr'), 'fr');
    expect(await screen.findByText(NAMES.fr)).toBeTruthy();
    cleanup();
    list(readerLanguagesOf('pt-BR', 'en'));
    expect(await screen.findByText(NAMES.en)).toBeTruthy();
    cleanup();
    list(undefined, 'fr');
    expect(await screen.findByText(NAMES.fr)).toBeTruthy();
  });

  it('a right-to-left text gets dir="rtl"', async () => {
    list(['ar']);
    expect((await screen.findByText(NAMES.ar)).getAttribute('dir')).toBe('rtl');
    expect(screen.getByText(ISSUER_NAMES.ar).getAttribute('dir')).toBe('rtl');
  });
});
