// @vitest-environment jsdom
/**
 * A badge whose texts are given in several languages (VC Data Model 2.0 §11.1; JSON-LD 1.1 §4.2.4
 * language value objects, kept by the engine in `texts`): the popup shows each in its own language
 * (BCP 47 lookup: fr-CA → fr), else the first, with the base direction the badge gives it
 * (`@direction` → the element's `dir`), and through displayText like any issuer's words.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { chooseText } from '../../src/core/share/lang-text.ts';
import { guards } from '../../src/messaging/validate.ts';
import { App } from '../../src/popup/App.tsx';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { EnvContext } from '../../src/popup/env.ts';
import { detailForDisplay, viewForDisplay } from '../../src/popup/display.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import type { BadgeDetail, BadgeView } from '../../src/messaging/views.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

const tFr = createTranslator(fr as Messages);

const BADGE: BadgeView = {
  key: 'local:lang1',
  accountId: 'local',
  name: 'Teamwork',
  description: 'Works in teams',
  issuerName: 'Example Issuer',
  issuedOn: '2026-02-01T00:00:00Z',
  tags: [],
  format: 'ob3.0-data-integrity',
  verdict: 'valid',
  recipient: null,
  pending: false,
  texts: {
    name: [{ value: 'Teamwork', language: 'en' }, { value: 'Travail en équipe', language: 'fr' }, { value: 'العمل الجماعي', language: 'ar', direction: 'rtl' }],
    description: [{ value: 'Works in teams', language: 'en' }, { value: 'Travaille en équipe', language: 'fr' }],
    issuerName: [{ value: 'Example Issuer', language: 'en' }, { value: 'Émetteur exemple', language: 'fr-CA' }],
    narrative: [{ value: 'Nominated by peers', language: 'en' }, { value: 'Proposé par ses pairs', language: 'fr' }],
  },
};
const DETAIL: BadgeDetail = { ...BADGE, criteria: { narrative: 'Nominated by peers' }, evidence: [], alignments: [], claimedRecipients: [], checks: [] };

describe('choosing a language (RFC 4647 §3.4 lookup)', () => {
  const list = BADGE.texts!.name!;
  it('exact, then by prefix, else the first', () => {
    expect(chooseText(list, 'fr')?.value).toBe('Travail en équipe');
    expect(chooseText(list, 'fr-CA')?.value).toBe('Travail en équipe');
    expect(chooseText(BADGE.texts!.issuerName!, 'fr')?.value).toBe('Émetteur exemple');
    expect(chooseText(list, 'de')?.value).toBe('Teamwork');
    expect(chooseText(list, undefined)?.value).toBe('Teamwork');
    expect(chooseText(list, '../../x')?.value).toBe('Teamwork');
  });
});

describe('a badge in several languages, in the popup', () => {
  it('the French popup lists the French name and issuer', async () => {
    const actions = { ...createMockActions(), listBadges: async () => ({ ok: true as const, value: [BADGE] }) };
    render(<App actions={actions} t={tFr} locale="fr" now={now} />);
    expect(await screen.findByText('Travail en équipe')).toBeTruthy();
    expect(screen.getByText('Émetteur exemple')).toBeTruthy();
    expect(screen.queryByText('Teamwork')).toBeNull();
  });

  it('the English popup lists the English name', async () => {
    const actions = { ...createMockActions(), listBadges: async () => ({ ok: true as const, value: [BADGE] }) };
    render(<App actions={actions} t={t} locale="en" now={now} />);
    expect(await screen.findByText('Teamwork')).toBeTruthy();
    expect(screen.queryByText('Travail en équipe')).toBeNull();
  });

  it('the badge page in French: description and criteria in French; `texts` is not passed on', () => {
    const d = detailForDisplay(DETAIL, tFr, 'fr-CA');
    expect(d.name).toBe('Travail en équipe');
    expect(d.description).toBe('Travaille en équipe');
    expect(d.criteria?.narrative).toBe('Proposé par ses pairs');
    expect(d.issuerName).toBe('Émetteur exemple');
    expect(d.texts).toBeUndefined();
  });

  it('the badge page in French: title, description and criteria in French; in Arabic, the title right to left', async () => {
    const actions = { ...createMockActions(), getBadge: async () => ({ ok: true as const, value: DETAIL }) };
    const page = (tr: typeof t, locale: string) =>
      render(
        <EnvContext.Provider value={{ actions, t: tr, locale, now }}>
          <BadgeScreen badgeKey={DETAIL.key} onShare={() => {}} onAddresses={() => {}} onGuide={() => {}} onChanged={() => {}} onRemoved={() => {}} />
        </EnvContext.Provider>,
      );
    page(tFr, 'fr');
    expect(await screen.findByRole('heading', { level: 2, name: 'Travail en équipe' })).toBeTruthy();
    expect(screen.getByText('Travaille en équipe')).toBeTruthy();
    expect(screen.getByText('Proposé par ses pairs')).toBeTruthy();
    cleanup();
    page(t, 'ar');
    expect((await screen.findByRole('heading', { level: 2, name: 'العمل الجماعي' })).getAttribute('dir')).toBe('rtl');
  });

  it('@direction reaches the row as its dir', async () => {
    const v = viewForDisplay(BADGE, t, 'ar');
    expect(v.name).toBe('العمل الجماعي');
    expect(v.dirs).toEqual({ name: 'rtl' });
    const actions = { ...createMockActions(), listBadges: async () => ({ ok: true as const, value: [BADGE] }) };
    render(<App actions={actions} t={t} locale="ar" now={now} />);
    expect((await screen.findByText('العمل الجماعي')).getAttribute('dir')).toBe('rtl');
    expect(screen.getByText('Example Issuer').getAttribute('dir')).toBe('auto');
  });

  it('a chosen text goes through displayText: bidi controls made visible', () => {
    const hostile: BadgeView = { ...BADGE, texts: { name: [{ value: 'abc\u202Edef', language: 'fr' }] } };
    const v = viewForDisplay(hostile, tFr, 'fr');
    expect(v.name).not.toContain('\u202E');
    expect(v.name).toContain('⟨RLO⟩');
  });

  it('the messages refuse texts that are not as the engine writes them', () => {
    const ok = guards.popup.reply['badges/list'];
    expect(ok([BADGE])).toBe(true);
    const many = Array.from({ length: 17 }, () => ({ value: 'x' }));
    expect(ok([{ ...BADGE, texts: { name: many } }])).toBe(false);
    expect(ok([{ ...BADGE, texts: { name: [{ value: 42 }] } }])).toBe(false);
    expect(ok([{ ...BADGE, texts: { name: [{ value: 'x', direction: 'up' }] } }])).toBe(false);
    expect(ok([{ ...BADGE, texts: { title: [{ value: 'x' }] } }])).toBe(false);
  });
});
