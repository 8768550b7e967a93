// @vitest-environment jsdom
/**
 * A badge without a name, in the popup: the background sends no name and the reason (`noName`),
 * and the popup says it in the user's words wherever a badge's name shows (the list, the badge
 * page, the share screen, the import message). What is shared with others (the card, the
 * sentence, the e-mail, LinkedIn's certification name) does not present those words as the
 * badge's title: it speaks of "an Open Badge" instead.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { storedName } from '../../src/core/share/badge-name.ts';
import { App } from '../../src/popup/App.tsx';
import { viewForDisplay } from '../../src/popup/display.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { mockSettings } from '../../src/popup/mock-data.ts';
import { shareContent } from '../../src/popup/share/share-content.ts';
import type { BadgeDetail, BadgeView } from '../../src/messaging/views.ts';
import { now } from './render.tsx';

afterEach(cleanup);

const tFr = createTranslator(fr as Messages);

const NAMELESS: BadgeView = { key: 'local:n1', accountId: 'local', name: '', noName: 'untitled', issuerName: 'École Polytechnique', issuedOn: '2026-02-01T00:00:00Z', tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false, publicUrl: 'https://ecole.example/a/1' };
const UNREADABLE: BadgeView = { key: 'local:n2', accountId: 'local', name: '', noName: 'unreadable', tags: [], format: 'unknown', verdict: 'invalid', recipient: null, pending: false };
const DETAIL: BadgeDetail = { ...NAMELESS, evidence: [], alignments: [], claimedRecipients: [], checks: [], credentialId: 'https://ecole.example/a/1' };

describe('a badge without a name, in the popup', () => {
  it('is named in the user’s words where the data arrives (list, badge page, share screen)', () => {
    expect(viewForDisplay(NAMELESS, tFr).name).toBe('Badge sans titre');
    expect(viewForDisplay(UNREADABLE, tFr).name).toBe('Badge illisible');
    expect(viewForDisplay({ ...NAMELESS, name: 'Poetical Science', noName: undefined }, tFr).name).toBe('Poetical Science');
  });

  it('the French list shows “Badge sans titre” and “Badge illisible”, never the English words', async () => {
    const mock = createMockActions();
    const actions = { ...mock, listBadges: async () => ({ ok: true as const, value: [NAMELESS, UNREADABLE] }) };
    render(<App actions={actions} t={tFr} locale="fr" now={now} />);
    expect(await screen.findByText('Badge sans titre')).toBeTruthy();
    expect(screen.getByText('Badge illisible')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Untitled|Unreadable/);
  });

  it('what is shared with others speaks of an Open Badge, not of a title the badge does not have', () => {
    const shown = { ...DETAIL, ...viewForDisplay(DETAIL, tFr) };
    const c = shareContent(shown, mockSettings(), tFr, 'fr');
    expect(new URL(c.addToProfile).searchParams.get('name')).toBe('Open Badge');
    expect(c.text).toMatch(/^J’ai obtenu un Open Badge délivré par École Polytechnique\./);
    expect(c.html).toContain('Open Badge');
    for (const s of [c.html, c.text, decodeURIComponent(c.mail)]) expect(s).not.toMatch(/sans titre|Untitled/);
    expect(decodeURIComponent(c.mail)).toContain('subject=Mon badge : Open Badge');
  });
});

describe('searching for a badge without a name', () => {
  it('finds it by the words the list shows for it (“Badge sans titre”), not by the English ones or the empty name', async () => {
    const mock = createMockActions();
    const named: BadgeView = { ...NAMELESS, key: 'local:n3', name: 'Poetical Science', noName: undefined, issuerName: 'Guild' };
    const actions = { ...mock, listBadges: async () => ({ ok: true as const, value: [NAMELESS, UNREADABLE, named] }) };
    render(<App actions={actions} t={tFr} locale="fr" now={now} />);
    await screen.findByText('Badge sans titre');
    const search = screen.getByRole('searchbox');
    fireEvent.input(search, { target: { value: 'sans titre' } });
    await screen.findByText('Badge sans titre');
    expect(screen.queryByText('Badge illisible')).toBeNull();
    expect(screen.queryByText('Poetical Science')).toBeNull();
    fireEvent.input(search, { target: { value: 'illisible' } });
    await screen.findByText('Badge illisible');
    expect(screen.queryByText('Badge sans titre')).toBeNull();
    fireEvent.input(search, { target: { value: 'untitled' } });
    await waitFor(() => expect(screen.queryByText('Badge sans titre')).toBeNull());
    expect(screen.queryByText('Badge illisible')).toBeNull();
  });
});

describe('a name that shows as nothing (braille blanks U+2800, only controls) is no name', () => {
  const BLANK = '\u2800\u2800\u2800';
  const blankNamed: BadgeView = { ...NAMELESS, key: 'local:b1', name: BLANK, noName: undefined, issuerName: `${BLANK} \u2800` };

  it('the popup’s view names it in the user’s words, keeps noName for what is shared, and shows no issuer', () => {
    const v = viewForDisplay(blankNamed, tFr);
    expect(v.name).toBe('Badge sans titre');
    expect(v.noName).toBe('untitled');
    expect(v.issuerName).toBeUndefined();
    // A name given in the reader's language as blanks gives way to the stored one.
    const inFr = viewForDisplay({ ...blankNamed, name: 'Poetical Science', texts: { name: [{ value: BLANK, language: 'fr' }, { value: 'Poetical Science', language: 'en' }] } }, tFr, 'fr');
    expect(inFr.name).toBe('Poetical Science');
    expect(inFr.noName).toBeUndefined();
  });

  it('the background’s view reads a stored blank name as none (storedName)', () => {
    expect(storedName({ name: BLANK })).toEqual({ name: '', noName: 'untitled' });
    expect(storedName({ name: '\u202E\u200B' })).toEqual({ name: '', noName: 'untitled' });
    expect(storedName({ name: 'Poetical Science' })).toEqual({ name: 'Poetical Science' });
  });

  it('the list and the badge page show “Badge sans titre”, and no blank issuer', async () => {
    const mock = createMockActions();
    const actions = { ...mock, listBadges: async () => ({ ok: true as const, value: [blankNamed] }) };
    const { container } = render(<App actions={actions} t={tFr} locale="fr" now={now} />);
    expect(await screen.findByText('Badge sans titre')).toBeTruthy();
    expect(container.querySelector('.row-issuer')).toBeNull();
  });
});
