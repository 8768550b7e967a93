// @vitest-environment jsdom
/**
 * An address change shows Cancel while it runs, as a sign-in's form does (a backpack that does not
 * answer, or asks Lanyard to pause, held the screen busy with nothing to press): Cancel sends
 * emails/cancel, the change's reply says ERR_CANCELLED, no error is shown, the list is read again and
 * focus stays on the card's button (or the add field).
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/messaging/protocol.ts';
import type { EmailView } from '../../src/messaging/views.ts';
import { addressCard, renderAddresses } from './render.tsx';

afterEach(cleanup);

const addresses = renderAddresses;
const card = addressCard;

/** A change that runs until cancelled, as the worker answers it then (emails.ts cancel). */
function heldUntilCancelled(actions: Awaited<ReturnType<typeof renderAddresses>>['actions']) {
  const cancelled: string[] = [];
  let end: (() => void) | undefined;
  const held = (): Promise<Reply<EmailView[]>> => new Promise((resolve) => (end = () => resolve({ ok: false, error: { code: 'ERR_CANCELLED', message: 'The address change was cancelled' } })));
  actions.cancelEmailChange = async (accountId) => {
    cancelled.push(accountId);
    const was = !!end;
    end?.();
    end = undefined;
    return { ok: true, value: { cancelled: was } };
  };
  return { held, cancelled };
}

describe('cancelling an address change', () => {
  it('a card: Cancel while it runs, no error, the list read again, focus on the card\'s button', async () => {
    const { actions } = await addresses();
    const { held, cancelled } = heldUntilCancelled(actions);
    actions.makePrimaryEmail = held;
    let lists = 0;
    const list = actions.listEmails;
    actions.listEmails = (id) => (lists++, list(id));
    const work = card('ada.lovelace@work.example');
    expect(within(work).queryByRole('button', { name: /^Cancel/ })).toBeNull();
    fireEvent.click(within(work).getByRole('button', { name: 'Make primary ada.lovelace@work.example' }));
    const cancel = await within(work).findByRole('button', { name: 'Cancel ada.lovelace@work.example' });
    // Only the card whose change runs offers it.
    expect(within(card('ada@old-school.example')).queryByRole('button', { name: /^Cancel/ })).toBeNull();
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => expect(within(work).queryByRole('button', { name: /^Cancel/ })).toBeNull());
    expect(cancelled).toEqual(['badgr-us']);
    const primary = within(work).getByRole('button', { name: 'Make primary ada.lovelace@work.example' });
    expect(primary.getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(primary);
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(lists).toBe(1));
  });

  it('adding: Cancel beside the busy button, focus back on the field, which keeps what was typed', async () => {
    const { actions } = await addresses();
    const { held, cancelled } = heldUntilCancelled(actions);
    actions.addEmail = held;
    const field = screen.getByLabelText('Add an address') as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'ada@new.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
    expect(cancelled).toEqual(['badgr-us']);
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('ada@new.example');
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a removal: Cancel puts focus back on the busy Remove, not on the card\'s first button', async () => {
    const { actions } = await addresses();
    const { held } = heldUntilCancelled(actions);
    actions.removeEmail = held;
    const work = card('ada.lovelace@work.example');
    fireEvent.click(within(work).getByRole('button', { name: 'Remove ada.lovelace@work.example' }));
    fireEvent.click(within(work).getByRole('button', { name: /^Remove/ }));
    const cancel = await within(work).findByRole('button', { name: 'Cancel ada.lovelace@work.example' });
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => expect(within(work).queryByRole('button', { name: /^Cancel/ })).toBeNull());
    expect(document.activeElement).toBe(within(work).getByRole('button', { name: 'Remove ada.lovelace@work.example' }));
  });
});

describe('a change cancelled after it was sent (emails.ts: reason ERR_MAYBE_MADE)', () => {
  it('says the backpack may have made it, as a status on the card, not an alert; the list is read again', async () => {
    const { actions } = await addresses();
    let end: (() => void) | undefined;
    actions.makePrimaryEmail = () => new Promise((resolve) => (end = () => resolve({ ok: false, error: { code: 'ERR_CANCELLED', message: 'cancelled after it was sent', reason: 'ERR_MAYBE_MADE' } })));
    actions.cancelEmailChange = async () => (end?.(), { ok: true, value: { cancelled: true } });
    let lists = 0;
    const list = actions.listEmails;
    actions.listEmails = (id) => (lists++, list(id));
    const work = card('ada.lovelace@work.example');
    fireEvent.click(within(work).getByRole('button', { name: 'Make primary ada.lovelace@work.example' }));
    fireEvent.click(await within(work).findByRole('button', { name: 'Cancel ada.lovelace@work.example' }));
    await screen.findByText(/the backpack may have made this change/);
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(lists).toBe(1));
  });
});

describe('a change made whose list could not be read after it (emails.ts: reason ERR_CHANGE_MADE)', () => {
  it('says it was made and that the list may not show it yet, as a status, not an alert', async () => {
    const { actions } = await addresses();
    actions.makePrimaryEmail = async () => ({ ok: false, error: { code: 'UNREACHABLE', message: 'made, list unread', reason: 'ERR_CHANGE_MADE' } });
    const work = card('ada.lovelace@work.example');
    fireEvent.click(within(work).getByRole('button', { name: 'Make primary ada.lovelace@work.example' }));
    await screen.findByText(/it may not show this change yet/);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
