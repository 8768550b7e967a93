// @vitest-environment jsdom
/**
 * A slow sign-in can be cancelled from the popup: a Cancel button while it waits, reachable by
 * keyboard, which aborts it in the background (accounts/sign-in-cancel) and returns to the form,
 * focus on its first field, with no error shown.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';

afterEach(cleanup);

/** The id the form gave its sign-in (SignInRequest `attempt`). */
const attemptOf = (actions: { calls: { name: string; args: unknown[] }[] }): string => {
  const attempt = (actions.calls.find((c) => c.name === 'signIn')?.args[0] as { attempt?: unknown } | undefined)?.attempt;
  expect(attempt).toMatch(/^[\w-]{8,64}$/);
  return attempt as string;
};

describe('cancelling a slow sign-in', () => {
  it('password sign-in: Cancel while it waits aborts it, and the form is back with focus on the e-mail field', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
    fireEvent.input(screen.getByLabelText('Server address'), { target: { value: 'https://slow.example' } });
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'ada@example.org' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'lanyard-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    // A real button in the tab order, right after the busy one.
    expect(cancel.tagName).toBe('BUTTON');
    expect(cancel.getAttribute('type')).toBe('button');
    expect(cancel.getAttribute('aria-disabled')).toBeNull();
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('E-mail')));
    // Its own backpack's only: a sign-in to another (another form, another popup) goes on. Named by the
    // sign-in's own id too: a Cancel that reaches the worker first still ends it (sign-in-cancel-early.test.ts).
    expect(actions.calls.filter((c) => c.name === 'cancelSignIn').map((c) => c.args)).toEqual([['https://slow.example', attemptOf(actions)]]);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' }).getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // What was typed is still there.
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.org');
  });

  it('provider sign-in: Cancel returns to the address, with focus on it', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Another wallet or backpack/ }));
    const address = await screen.findByLabelText("Provider's web address");
    fireEvent.input(address, { target: { value: 'https://slow.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('button', { name: 'Signing in…' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Provider's web address")));
    // Its own backpack's only: a sign-in to another (another form, another popup) goes on. Named by the
    // sign-in's own id too: a Cancel that reaches the worker first still ends it (sign-in-cancel-early.test.ts).
    expect(actions.calls.filter((c) => c.name === 'cancelSignIn').map((c) => c.args)).toEqual([['https://slow.example', attemptOf(actions)]]);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
