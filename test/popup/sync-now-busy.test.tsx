// @vitest-environment jsdom
/**
 * "Sync now" from the press until the worker answers (found walking the popup: with a slow answer
 * the press showed nothing, and a second press sent a second sync/start): the button is busy and
 * off, a second press asks nothing more, and it is back once the answer came.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/messaging/views.ts';
import AccountsScreen from '../../src/popup/accounts/AccountsScreen.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

const ACCOUNT = { id: 'a', kind: 'badgr', providerName: 'Canvas Credentials (US)', baseUrl: 'https://api.badgr.io', user: 'ada@example.org', needsSignIn: false, sync: { status: 'idle', done: 0, total: 0 } } as AccountView;

describe('Sync now while its request runs', () => {
  it('is busy and off, asks once however often pressed, and is back when answered', async () => {
    const mock = createMockActions();
    let answer!: () => void;
    let asked = 0;
    const actions = { ...mock, startSync: (id?: string) => (asked++, new Promise<Awaited<ReturnType<typeof mock.startSync>>>((done) => { answer = () => void mock.startSync(id).then(done); })) };
    renderWithEnv(<AccountsScreen accounts={[ACCOUNT]} onAdd={() => undefined} onAddresses={() => undefined} onSignInAgain={() => undefined} onChanged={() => undefined} />, actions);
    const button = screen.getByRole('button', { name: /^Sync now/ });
    expect(button.getAttribute('aria-busy')).not.toBe('true');
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(asked).toBe(1);
    answer();
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('false'));
    expect(button.getAttribute('aria-disabled')).toBeNull();
  });
});
