// @vitest-environment jsdom
/**
 * Every address the popup shows is drawn by ui/Address.tsx (wraps at its "@" and dots, never after a
 * hyphen) and isolated: the Settings trust panel (the account's user and the addresses it verified)
 * and the account cards printed them as plain text, which wrapped as "ada@old-" over "school.example".
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/messaging/views.ts';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

const hyphened: AccountView = {
  id: 'badgr-eu',
  kind: 'badgr',
  providerName: 'Canvas Credentials (EU)',
  baseUrl: 'https://api.eu.badgr.io',
  user: 'ada@old-school.example',
  needsSignIn: false,
  sync: { status: 'idle', done: 0, total: 0 },
  trustAddresses: false,
  verifiedAddresses: ['ada@old-school.example', 'ada-l@work.example'],
};

async function open(button: 'Settings' | 'Accounts', title: string) {
  const actions = createMockActions();
  const getState = actions.getState.bind(actions);
  actions.getState = async () => {
    const s = await getState();
    return s.ok ? { ...s, value: { ...s.value, accounts: [...s.value.accounts, hyphened] } } : s;
  };
  const r = render(<App actions={actions} t={t} locale="en" now={now} />);
  await screen.findByRole('listbox');
  fireEvent.click(screen.getByRole('button', { name: button }));
  await screen.findByRole('heading', { level: 2, name: title });
  return r;
}

/** The address drawn by Address.tsx inside `el`: a <bdi dir=auto> holding its break points and held hyphens. */
function drawn(el: Element, address: string) {
  const bdi = [...el.querySelectorAll('bdi')].find((b) => b.textContent === address);
  expect(bdi, address).toBeTruthy();
  expect(bdi!.getAttribute('dir')).toBe('auto');
  expect(bdi!.querySelector('wbr')).not.toBeNull();
  if (address.includes('-')) expect(bdi!.querySelector('.address-hold')?.textContent).toMatch(/^-/);
}

describe('addresses are drawn by Address.tsx wherever they are shown', () => {
  it('in the Settings trust panel: the account\'s user and each address it verified', async () => {
    await open('Settings', 'Settings');
    const item = screen.getByRole('switch', { name: /api\.eu\.badgr\.io/ }).closest('li')!;
    drawn(item.querySelector('.trust-user')!, 'ada@old-school.example');
    const verified = item.querySelector('p')!;
    expect(verified.textContent).toBe('Verified there: ada@old-school.example, ada-l@work.example');
    drawn(verified, 'ada@old-school.example');
    drawn(verified, 'ada-l@work.example');
  });

  it('on an account card: the user under the backpack\'s name, its host beside it isolated too', async () => {
    await open('Accounts', 'Accounts');
    const card = screen.getByRole('heading', { level: 3, name: 'Canvas Credentials (EU)' }).closest('li')!;
    const who = card.querySelector('p')!;
    expect(who.textContent).toBe('ada@old-school.example · api.eu.badgr.io');
    drawn(who, 'ada@old-school.example');
    expect([...who.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['ada@old-school.example', 'api.eu.badgr.io']);
  });
});
