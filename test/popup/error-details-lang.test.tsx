// @vitest-environment jsdom
/**
 * Under "Details" the French popup showed Lanyard's English ("This is not a badge Lanyard can read:
 * …"): what Lanyard writes there is now said in the reader's language (what the engine found, by its
 * code), and a server's own words, which stay as they came, are labelled as the server's.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import type { ReplyError } from '../../src/messaging/protocol.ts';
import { EnvContext } from '../../src/popup/env.ts';
import { errorDetail } from '../../src/popup/errors.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { ErrorState } from '../../src/popup/ui/ErrorState.tsx';
import { ImportPanel } from '../../src/popup/welcome/ImportPanel.tsx';
import { now, t } from './render.tsx';

afterEach(cleanup);

const tf = createTranslator(fr as Messages);
const ENGLISH = 'This is not a badge Lanyard can read: no PNG signature at byte 0';

function frenchImport(error: ReplyError) {
  const actions = createMockActions();
  actions.importBadge = async () => ({ ok: false, error });
  render(<EnvContext.Provider value={{ actions, t: tf, locale: 'fr', now }}><ImportPanel onImported={() => undefined} /></EnvContext.Provider>);
  fireEvent.input(document.querySelector('textarea')!, { target: { value: 'https://badges.example.org/a/1' } });
  fireEvent.click(screen.getByRole('button', { name: tf('importButton') }));
}
const shownDetails = () => {
  const button = screen.getByRole('button', { name: 'Détails' });
  fireEvent.click(button);
  return document.getElementById(button.getAttribute('aria-controls')!)!.textContent!;
};

describe('Details in the reader\'s language', () => {
  it('French: what the engine found, in French, with its code; never Lanyard\'s English sentence', async () => {
    frenchImport({ code: 'ERR_NOT_A_BADGE', message: ENGLISH, reason: 'ERR_PARSE_PNG' });
    await screen.findByRole('alert');
    const text = shownDetails();
    expect(text).toBe(`${tf('reasonParsePng')} Code d’erreur\u00a0: ERR_PARSE_PNG`);
    expect(text).toContain('Son image PNG n’a pas pu être lue');
    expect(text).not.toContain('not a badge');
  });

  it('French, a list of badges pasted as one (ERR_PARSE_JSON for sound JSON): not called malformed, and says to add each badge on its own', () => {
    const list = 'This is not a badge Lanyard can read: The JSON is a list of 7 items, not one badge: Lanyard reads one badge at a time, so add each badge on its own';
    const text = errorDetail(tf, { code: 'ERR_NOT_A_BADGE', message: list, reason: 'ERR_PARSE_JSON' })!.text!;
    expect(text).toContain('liste de badges');
    expect(text).toContain('ajoutez chaque badge séparément');
    expect(text).toContain('ERR_PARSE_JSON');
  });

  it('French, a reason Lanyard has no words for: the code alone, not the English', () => {
    const d = errorDetail(tf, { code: 'ERR_STRUCTURE_INVALID', message: 'a list of 7 items' });
    expect(d).toEqual({ text: 'Code d’erreur\u00a0: ERR_STRUCTURE_INVALID' });
    expect(errorDetail(tf, { code: 'ERR_NOT_A_BADGE', message: ENGLISH, reason: 'ERR_SOMETHING_NEW' })).toEqual({ text: 'Code d’erreur\u00a0: ERR_SOMETHING_NEW' });
    // Nothing more to say than the sentence: no Details, in French as in English.
    expect(errorDetail(tf, { code: 'ERR_NOT_A_BADGE', message: '' })).toBeUndefined();
  });

  it('English keeps the engine\'s own words (English is the language Lanyard writes them in)', () => {
    expect(errorDetail(t, { code: 'ERR_NOT_A_BADGE', message: ENGLISH, reason: 'ERR_PARSE_PNG' })).toEqual({ text: ENGLISH });
  });

  it('an unexpected error\'s own message (the browser\'s), in French: quoted and labelled as technical', () => {
    const actions = createMockActions();
    render(<EnvContext.Provider value={{ actions, t: tf, locale: 'fr', now }}><ErrorState title="x" error={{ code: 'ERR_INTERNAL', message: 'IndexedDB: QuotaExceededError' }} onRetry={() => undefined} /></EnvContext.Provider>);
    expect(shownDetails()).toBe('Message technique (en anglais)\u00a0: IndexedDB: QuotaExceededError');
  });

  it('a server\'s own words stay as they came, labelled as the server\'s, in French and English; hostile ones shown as text', async () => {
    expect(errorDetail(tf, { code: 'AUTHORIZATION_FAILED', message: 'The provider refused: access_denied', said: 'access_denied' })).toEqual({ text: 'Code d’erreur\u00a0: AUTHORIZATION_FAILED', said: 'Le serveur a répondu\u00a0: «\u00a0access_denied\u00a0»' });
    // In English, Lanyard's message already quotes them: not said twice.
    expect(errorDetail(t, { code: 'AUTHORIZATION_FAILED', message: 'The provider refused: access_denied', said: 'access_denied' })).toEqual({ text: 'The provider refused: access_denied' });
    expect(errorDetail(t, { code: 'SERVER_ERROR', message: 'HTTP 500 from badges.example', said: 'database down' })).toEqual({ text: 'HTTP 500 from badges.example', said: 'The server said: “database down”' });
    frenchImport({ code: 'ERR_NOT_A_BADGE', message: ENGLISH, said: '<img src=x onerror=alert(1)>\u202Eevil' });
    await screen.findByRole('alert');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Détails' })).toBeTruthy());
    const text = shownDetails();
    expect(text).toContain('Le serveur a répondu\u00a0: «\u00a0<img src=x onerror=alert(1)>⟨RLO⟩evil\u00a0»');
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
