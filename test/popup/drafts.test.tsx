// @vitest-environment jsdom
/**
 * The popup closes whenever focus leaves it: the link or JSON pasted in "Add a badge", and the
 * sign-in form's address and e-mail, were lost with it (2026-12-06 review). Each form now keeps a
 * draft for ten minutes (src/popup/drafts.ts), the popup opens on the form it closed on, and the
 * draft goes once the form succeeded. A password or a token is never kept.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { pageDrafts } from '../../src/popup/browser-platform.ts';
import { cleanFields, DRAFTS_KEY, draftsToRestore, holdsSecret, memoryDrafts, type SavedDrafts } from '../../src/popup/drafts.ts';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { createMockActions, type MockOptions } from '../../src/popup/mock-actions.ts';
import { RESUME_MS, viewToRestore, type SavedView } from '../../src/popup/resume.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

/** One popup, as the browser opens it, over what the last one kept (its view and its drafts). */
function openPopup(kept: { view?: SavedView; drafts?: SavedDrafts }, options: MockOptions = {}, at = MOCK_NOW) {
  const views: SavedView[] = [];
  const drafts = memoryDrafts(() => at, kept.drafts);
  const actions = createMockActions(options);
  const r = render(<App actions={actions} t={t} locale="en" now={now} resume={viewToRestore(kept.view, at)} remember={(v) => views.push(v)} drafts={drafts} />);
  return { ...r, actions, close: () => (r.unmount(), { view: views[views.length - 1], drafts: drafts.kept() }) };
}

const LINK = 'https://badges.example.org/assertions/42';

describe('a form\'s draft survives the popup closing', () => {
  it('"Add a badge": the pasted link comes back, on that screen; once added, it is gone', async () => {
    const first = openPopup({});
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.input(await screen.findByLabelText('Or paste a badge link, its JSON or a JWS'), { target: { value: LINK } });
    const kept = first.close();
    expect(kept.drafts?.forms.import).toEqual({ text: LINK });

    const second = openPopup(kept, {}, MOCK_NOW + 60_000);
    const box = (await screen.findByLabelText('Or paste a badge link, its JSON or a JWS')) as HTMLTextAreaElement;
    expect(screen.getByRole('heading', { level: 2, name: 'Add a badge' })).toBeTruthy();
    expect(box.value).toBe(LINK);
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    await waitFor(() => expect(second.actions.calls.some((c) => c.name === 'importBadge')).toBe(true));
    await screen.findByRole('heading', { level: 2, name: 'Imported badge' });
    expect(second.close().drafts).toBeUndefined();
  });

  it('a refused paste stays kept; past ten minutes, or left for the list, the popup opens on the list', async () => {
    const first = openPopup({});
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.input(await screen.findByLabelText('Or paste a badge link, its JSON or a JWS'), { target: { value: 'hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    await screen.findByRole('alert');
    const kept = first.close();
    expect(kept.drafts?.forms.import).toEqual({ text: 'hello' });
    openPopup(kept, {}, MOCK_NOW + RESUME_MS);
    expect(await screen.findByRole('listbox')).toBeTruthy();
    cleanup();
    // Back on the list before it closed: it opens on the list; the draft is there when "Add a badge" is opened.
    const third = openPopup(kept, {}, MOCK_NOW + 60_000);
    await screen.findByLabelText('Or paste a badge link, its JSON or a JWS');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('listbox');
    const again = third.close();
    openPopup(again, {}, MOCK_NOW + 120_000);
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    expect(((await screen.findByLabelText('Or paste a badge link, its JSON or a JWS')) as HTMLTextAreaElement).value).toBe('hello');
  });

  it('the password sign-in: the custom address and the e-mail come back, never the password; signed in, the draft goes', async () => {
    const first = openPopup({}, { scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
    fireEvent.input(await screen.findByLabelText('Server address'), { target: { value: 'https://badges.school.example' } });
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'ada@example.org' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'lanyard-demo' } });
    const kept = first.close();
    expect(JSON.stringify(kept)).not.toContain('lanyard-demo');
    expect(kept.drafts?.forms.badgr).toEqual({ region: 'custom', custom: 'https://badges.school.example', username: 'ada@example.org' });

    const second = openPopup(kept, { scenario: 'first-run' }, MOCK_NOW + 60_000);
    await screen.findByRole('heading', { level: 2, name: 'Canvas Credentials (Badgr)' });
    expect((screen.getByRole('combobox', { name: 'Region' }) as HTMLSelectElement).value).toBe('custom');
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://badges.school.example');
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.org');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'lanyard-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(second.actions.calls.some((c) => c.name === 'signIn')).toBe(true));
    await waitFor(() => expect(second.close().drafts).toBeUndefined());
  });

  it('a provider\'s address comes back with its kind, on "Add a backpack" opened from the list', async () => {
    const first = openPopup({});
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a backpack' }));
    fireEvent.click(await screen.findByRole('button', { name: /Another wallet or backpack/ }));
    fireEvent.click(await screen.findByRole('radio', { name: /Badge Connect/ }));
    fireEvent.input(screen.getByLabelText("Provider's web address"), { target: { value: 'https://wallet.example.org' } });
    const kept = first.close();
    openPopup(kept, {}, MOCK_NOW + 60_000);
    expect(((await screen.findByLabelText("Provider's web address")) as HTMLInputElement).value).toBe('https://wallet.example.org');
    expect((screen.getByRole('radio', { name: /Badge Connect/ }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('what a draft may hold', () => {
  it('never a password, a link with credentials in it, or a token in a link', () => {
    expect(cleanFields('badgr', { region: 'us', custom: '', username: 'ada@example.org', password: 'hunter2' })).toEqual({ region: 'us', custom: '', username: 'ada@example.org' });
    for (const secret of ['https://ada:hunter2@badges.example.org/a/1', 'https://badges.example.org/a/1?access_token=abc', 'see https://x.example/cb?code=xyz', 'https://x.example/#access_token=abc', 'https://x.example/a?Token=1']) {
      expect(holdsSecret(secret), secret).toBe(true);
      expect(cleanFields('import', { text: secret }), secret).toBeUndefined();
    }
    expect(cleanFields('provider', { url: 'https://ada:pw@wallet.example' })).toBeUndefined();
    expect(holdsSecret(LINK)).toBe(false);
    expect(holdsSecret('{"@context":"https://w3id.org/openbadges/v2","id":"https://x.example/a?v=2_0"}')).toBe(false);
    // Nothing typed (a region chosen): no draft.
    expect(cleanFields('badgr', { region: 'eu', custom: '', username: ' ' })).toBeUndefined();
  });

  it('what is read back is checked: stale, malformed or unknown fields are dropped', () => {
    const good: SavedDrafts = { at: MOCK_NOW, last: 'import', forms: { import: { text: LINK } } };
    expect(draftsToRestore(good, MOCK_NOW + 1)).toEqual(good);
    expect(draftsToRestore(good, MOCK_NOW + RESUME_MS)).toBeUndefined();
    expect(draftsToRestore(good, MOCK_NOW - 1)).toBeUndefined();
    for (const bad of [null, 'x', {}, { ...good, last: 'settings' }, { ...good, forms: null }, { ...good, forms: { import: { text: 5 } } }, { ...good, forms: { import: { text: 'x'.repeat(100_001) } } }]) {
      expect(draftsToRestore(bad, MOCK_NOW), JSON.stringify(bad).slice(0, 80)).toBeUndefined();
    }
    expect(draftsToRestore({ ...good, forms: { import: { text: LINK, password: 'p' }, badgr: { username: 'a', token: 't' } } }, MOCK_NOW)?.forms).toEqual({ import: { text: LINK }, badgr: { username: 'a' } });
  });
});

describe('kept in the page\'s localStorage', () => {
  it('written as typed, cleared once done, and removed when found stale as the popup opens', () => {
    localStorage.clear();
    let at = MOCK_NOW;
    const store = pageDrafts(() => at);
    store.set('badgr', { region: 'us', custom: '', username: 'ada@example.org' });
    expect(JSON.parse(localStorage.getItem(DRAFTS_KEY)!).forms.badgr.username).toBe('ada@example.org');
    store.set('badgr', undefined);
    expect(localStorage.getItem(DRAFTS_KEY)).toBeNull();
    store.set('import', { text: LINK });
    at += RESUME_MS;
    expect(pageDrafts(() => at).get('import')).toBeUndefined();
    expect(localStorage.getItem(DRAFTS_KEY)).toBeNull();
  });
});
