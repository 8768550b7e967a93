// @vitest-environment jsdom
/**
 * A badge the backpack stopped listing stays cached, marked `unlisted` (sync-listed.ts), and a
 * sign-out keeps it in this browser (unlisted-keep.ts). Nothing in the popup showed the mark: the
 * user could not tell that a badge was no longer in their backpack, and the sign-out's question said
 * only that the account's badges are removed. Now the badge page says by which backpack and since
 * when, the list's row says it in a word (text, not a colour), the question counts the badges that
 * stay, and the note after the sign-out counts those kept; in French too.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { EnvContext, type PopupEnv } from '../../src/popup/env.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { render } from '@testing-library/preact';
import { now, renderApp, renderWithEnv } from './render.tsx';

afterEach(cleanup);

const SINCE = '2026-11-01T10:00:00.000Z';
const TEAM = 'ob3-academy:urn-c2';
const WALLET = 'wallet.climate-academy.example';
const noop = () => {};
const row = (name: string) => within(screen.getByRole('listbox')).getAllByRole('option').find((o) => o.querySelector('.row-name')?.textContent === name)!;

describe('a badge its backpack no longer lists', () => {
  it('its page says by which backpack and since when, as text; its row says it in a word; the others say nothing', async () => {
    renderApp({ unlisted: { [TEAM]: SINCE } });
    await screen.findByRole('listbox');
    expect(row('Team Leadership').textContent).toContain('No longer listed');
    expect(row('Climate Science Literacy').textContent).not.toContain('No longer listed');
    fireEvent.click(row('Team Leadership'));
    await screen.findByRole('heading', { level: 2, name: 'Team Leadership' });
    const note = screen.getByText((_, el) => el?.tagName === 'DIV' && !!el.parentElement?.classList.contains('notice') && /^No longer listed by/.test(el.textContent ?? ''));
    expect(note.textContent).toBe(`No longer listed by ${WALLET} since Nov 1, 2026: Lanyard keeps its copy in this browser.`);
    // The host is the backpack's, isolated as a word of its own (ui/Sentence.tsx).
    expect(note.querySelector('bdi')?.textContent).toBe(WALLET);
  });

  it('a badge that is listed shows no such note', async () => {
    renderWithEnv(<BadgeScreen badgeKey="ob3-academy:urn-c1" onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />);
    await screen.findByRole('heading', { level: 2, name: 'Climate Science Literacy' });
    expect(screen.queryByText(/No longer listed/)).toBeNull();
  });

  it('can be removed from its page (the backpack will not sync it back), where a listed synced badge cannot', async () => {
    const actions = createMockActions({ unlisted: { [TEAM]: SINCE } });
    let removed = false;
    renderWithEnv(<BadgeScreen badgeKey={TEAM} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={() => (removed = true)} />, actions);
    await screen.findByRole('heading', { level: 2, name: 'Team Leadership' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove from Lanyard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(removed).toBe(true));
    expect(actions.calls.some((c) => c.name === 'removeBadge' && c.args[0] === TEAM)).toBe(true);
    cleanup();
    renderWithEnv(<BadgeScreen badgeKey="ob3-academy:urn-c1" onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />);
    await screen.findByRole('heading', { level: 2, name: 'Climate Science Literacy' });
    expect(screen.queryByRole('button', { name: 'Remove from Lanyard' })).toBeNull();
  });

  it('signing out: the question counts the badges that stay in this browser, the note counts those kept, and the kept badge\'s page says where it came from', async () => {
    renderApp({ unlisted: { [TEAM]: SINCE } });
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const card = (await screen.findByRole('heading', { name: 'Open Climate Academy wallet' })).closest('li') as HTMLElement;
    // Another account's question says nothing of badges kept: it has none its backpack stopped listing.
    const other = screen.getByRole('heading', { name: 'Canvas Credentials (US)' }).closest('li') as HTMLElement;
    fireEvent.click(within(other).getByRole('button', { name: /^Sign out for/ }));
    expect(within(other).getByRole('group').getAttribute('aria-labelledby')).toBeTruthy();
    expect(within(other).getByRole('group', { name: "Sign out and remove this account's badges from this browser?" })).toBeTruthy();
    fireEvent.click(within(other).getByRole('button', { name: 'Cancel' }));

    const local = () => (screen.getByRole('heading', { name: 'This browser' }).closest('li') as HTMLElement).textContent;
    expect(local()).toContain('Badges you imported yourself.');
    fireEvent.click(within(card).getByRole('button', { name: /^Sign out for/ }));
    const question = within(card).getByRole('group');
    expect(question.textContent).toContain("Sign out? This account's badges are removed from this browser, except those it no longer lists, which stay here (badges kept: 1).");
    fireEvent.click(within(card).getByRole('button', { name: /^Sign out for/ }));
    const note = await screen.findByText((_, el) => el?.tagName === 'DIV' && !!el.parentElement?.classList.contains('notice') && /^Signed out of Open Climate Academy wallet/.test(el.textContent ?? ''));
    // Not "forgot … its badges" and then a count of badges kept (a contradiction): what it forgot, what stays.
    expect(note.textContent).toBe('Signed out of Open Climate Academy wallet: Lanyard forgot this account, its sign-in and the badges it still listed. Those it no longer listed stay in this browser (badges kept: 1).');

    // "This browser" holds the kept badge now: its card no longer says only "Badges you imported yourself."
    await waitFor(() => expect(local()).toContain('Badges you imported yourself, and those kept when you signed out of a backpack that no longer listed them.'));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('listbox');
    expect(row('Team Leadership').textContent).toContain('No longer listed');
    expect(screen.queryByText('Climate Science Literacy')).toBeNull();
    fireEvent.click(row('Team Leadership'));
    await screen.findByRole('heading', { level: 2, name: 'Team Leadership' });
    expect(screen.getByText((_, el) => el?.tagName === 'DIV' && !!el.parentElement?.classList.contains('notice') && /^Kept in this browser/.test(el.textContent ?? '')).textContent)
      .toBe(`Kept in this browser when you signed out of ${WALLET}, which no longer listed it since Nov 1, 2026.`);
  });

  it('in French', async () => {
    const tf = createTranslator(fr as Messages);
    const t = createTranslator(en as Messages);
    const actions = createMockActions({ unlisted: { [TEAM]: SINCE } });
    const env: PopupEnv = { actions, t: tf, locale: 'fr', now };
    render(<EnvContext.Provider value={env}><BadgeScreen badgeKey={TEAM} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} /></EnvContext.Provider>);
    await screen.findByRole('heading', { level: 2, name: 'Team Leadership' });
    expect(screen.getByText((_, el) => el?.tagName === 'DIV' && !!el.parentElement?.classList.contains('notice') && /^Plus listé par/.test(el.textContent ?? '')).textContent)
      .toBe('Plus listé par son sac à badges depuis le 1 nov. 2026\u00a0: Lanyard garde sa copie dans ce navigateur.');
    expect(tf('chipUnlisted')).toBe('Plus listé');
    expect(tf('signOutDoneKeeps', 'Badgr', 2)).toBe('Déconnecté de Badgr\u00a0: Lanyard a oublié ce compte, sa connexion et les badges qu’il listait encore. Ceux qu’il ne listait plus restent dans ce navigateur (badges gardés\u00a0: 2).');
    for (const key of ['signOutNotRevokedKeeps', 'signOutRevokeFailedKeeps'] as const) {
      expect(tf(key, 'Badgr', 2)).toMatch(/^Déconnecté\u00a0: Lanyard a oublié ce compte, sa connexion et les badges qu’il listait encore\. Ceux qu’il ne listait plus restent dans ce navigateur \(badges gardés\u00a0: 2\)\. /);
      expect(t(key, 'Badgr', 2)).toMatch(/^Signed out: Lanyard forgot this account, its sign-in and the badges it still listed\. Those it no longer listed stay in this browser \(badges kept: 2\)\. /);
    }
  });
});
