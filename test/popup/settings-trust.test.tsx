// @vitest-environment jsdom
/** Settings: the per-backpack trust switch (issue 12 point 4) goes through the actions interface and shows what trusting confirms. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import type { AccountView } from '../../src/messaging/views.ts';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, renderApp, t } from './render.tsx';

afterEach(cleanup);

async function settings() {
  const r = renderApp();
  await screen.findByRole('listbox');
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { level: 2, name: 'Settings' });
  return r;
}

describe('trusting a backpack\'s addresses', () => {
  it('is off by default, names the addresses it would confirm, and is saved through setTrust', async () => {
    const { actions } = await settings();
    expect(screen.getByRole('heading', { name: 'Addresses you trust' })).toBeTruthy();
    const toggle = screen.getByRole('switch', { name: 'Trust the addresses Canvas Credentials (US) at api.badgr.io verified ada@example.org' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByText((_, el) => el?.tagName === 'P' && el.textContent === 'Verified there: ada@example.org, ada.lovelace@work.example')).toBeTruthy();
    // The local backpack has nothing to trust.
    expect(screen.queryByRole('switch', { name: /This browser/ })).toBeNull();
    fireEvent.click(toggle);
    await screen.findByText('Saved. Lanyard is checking your badges again.');
    expect(actions.calls.find((c) => c.name === 'setTrust')?.args).toEqual(['badgr-us', true]);
    await waitFor(() => expect(toggle.checked).toBe(true));
    fireEvent.click(toggle);
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'setTrust').at(-1)?.args).toEqual(['badgr-us', false]));
    await waitFor(() => expect(toggle.checked).toBe(false));
  });
});

// Found in the Firefox walk of 2026-12-06: the user was written in parentheses inside the sentence
// ("… par api.badgr.io (ada@example.org)"); the popup breaks a long word anywhere (overflow-wrap),
// so at 300 px an address of the wrong length left ")" alone on the last line, in Firefox and
// Chromium alike (a <bdi>'s edge is a break there too). The account's user is its own line now.
describe('the switch names the account on a line of its own', () => {
  it('the sentence names the backpack; the user follows it, isolated, with no brackets to leave behind', async () => {
    await settings();
    const label = screen.getByRole('switch', { name: /api\.badgr\.io/ }).closest('label')!;
    const user = label.querySelector('.trust-user');
    expect(user?.textContent).toBe('ada@example.org');
    expect(user?.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
    expect(label.textContent).not.toMatch(/[()]\s*$|\(ada@example\.org\)/);
    expect(label.querySelector('.trust-name')?.textContent).toBe('Trust the addresses Canvas Credentials (US) at api.badgr.io verified');
    // The backpack's words are isolated one by one in the sentence (Sentence.tsx).
    expect([...label.querySelectorAll('.trust-name bdi')].map((b) => b.textContent)).toEqual(['Canvas Credentials (US)', 'api.badgr.io']);
  });
});

describe('a hostile backpack names itself (SECURITY.md "Addresses are per account")', () => {
  // The name is the discovery document's title and the user the profile's name: the backpack writes both.
  const hostile: AccountView = {
    id: 'ob3-hostile',
    kind: 'ob3',
    providerName: 'Canvas Credentials (US)',
    baseUrl: 'https://wallet.hostile.example',
    user: '\u202Egro.elpmaxe@ada',
    needsSignIn: false,
    sync: { status: 'idle', done: 0, total: 0 },
    trustAddresses: false,
    verifiedAddresses: ['grace@example.org\u2067 ', 'x'.repeat(5000)],
  };
  /** The popup, with the hostile account beside the mock ones, on its Settings screen. */
  async function panel() {
    const actions = createMockActions();
    const getState = actions.getState.bind(actions);
    actions.getState = async () => {
      const r = await getState();
      return r.ok ? { ...r, value: { ...r.value, accounts: [...r.value.accounts, hostile] } } : r;
    };
    const r = render(<App actions={actions} t={t} locale="en" now={now} />);
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    return r;
  }

  it('the switch names the site the user signed in to, not only the name the backpack gave itself', async () => {
    await panel();
    const toggle = screen.getAllByRole('switch').find((s) => s.closest('label')!.textContent!.includes('gro.elpmaxe'))!;
    expect(toggle.closest('label')!.textContent).toContain('wallet.hostile.example');
  });

  it("the backpack's words show their bidi controls and are cut", async () => {
    const { container } = await panel();
    const text = container.querySelector('.trust-list')!.textContent!;
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(text).toContain('⟨RLO⟩');
    expect(text).toContain('⟨RLI⟩');
    expect(text.length).toBeLessThan(4000);
  });
});
