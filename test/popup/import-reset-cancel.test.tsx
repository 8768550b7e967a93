// @vitest-environment jsdom
/**
 * "Add a badge" and "Forgot your password?" show Cancel while they run, as a sign-in's form and an
 * address change do: a slow link or issuer, or a backpack that does not answer, held them busy with
 * nothing to press. Cancel sends the request's own `attempt` to the worker; the import says nothing
 * (nothing was added) and drops the files waiting; the reset says the link may still arrive. Focus is
 * never dropped with the Cancel button.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportedView, Reply } from '../../src/messaging/protocol.ts';
import { renderApp } from './render.tsx';
import { across } from '../support/across.ts';

afterEach(cleanup);

const CANCELLED = { ok: false as const, error: { code: 'ERR_CANCELLED', message: 'cancelled' } };

/** Requests held until cancelled by their attempt id, as the worker answers them then (services/attempts.ts). */
function heldUntilCancelled<T>() {
  const held = new Map<string, (r: Reply<T>) => void>();
  const cancelled: string[] = [];
  return {
    held,
    cancelled,
    start: (attempt: string | undefined) => new Promise<Reply<T>>((r) => held.set(attempt ?? 'none', r)),
    cancel: async (attempt: string) => {
      cancelled.push(attempt);
      const end = held.get(attempt);
      held.delete(attempt);
      end?.(CANCELLED);
      return { ok: true as const, value: { cancelled: !!end } };
    },
  };
}

describe('Cancel while a badge is added', () => {
  it('ends the import under way by its attempt, says no error, focus on the paste box, which keeps the link', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    const h = heldUntilCancelled<ImportedView>();
    actions.importBadge = (_source, attempt) => h.start(attempt);
    actions.cancelImport = h.cancel;
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    const box = (await screen.findByLabelText(/Or paste/)) as HTMLTextAreaElement;
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.input(box, { target: { value: 'https://slow.example/assertions/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
    expect(h.cancelled).toHaveLength(1);
    expect(h.cancelled[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('https://slow.example/assertions/1');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.getElementById('import-answer')!.textContent).toBe('');
    expect(screen.getByRole('button', { name: 'Add badge' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('pressed while a chosen file is still being read, adds nothing of it (the file was taken from the queue before its import had an attempt to cancel)', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    const started: (string | undefined)[] = [];
    actions.importBadge = async (_source, attempt) => (started.push(attempt), CANCELLED);
    actions.cancelImport = async () => ({ ok: true as const, value: { cancelled: false } });
    let release!: () => void;
    const slow = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'slow.png', { type: 'image/png' });
    // A large file from a slow disk: its bytes come after the Cancel.
    const bytes = slow.arrayBuffer();
    slow.arrayBuffer = () => new Promise<ArrayBuffer>((r) => (release = () => void bytes.then(r)));
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [slow] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    release();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toEqual([]);
  });
});

describe('Cancel while a password reset is asked for', () => {
  it('ends the request by its attempt, says the link may still arrive, focus on the address', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    const h = heldUntilCancelled<{ sent: true }>();
    actions.requestPasswordReset = (_baseUrl, _email, attempt) => h.start(attempt);
    actions.cancelPasswordReset = h.cancel;
    fireEvent.click(screen.getByRole('button', { name: "Can't find a badge?" }));
    const panel = await screen.findByRole('region', { name: 'Forgot your password?' });
    const email = within(panel).getByLabelText('E-mail') as HTMLInputElement;
    fireEvent.input(email, { target: { value: 'ada@example.org' } });
    expect(within(panel).queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Send me a reset link' }));
    const cancel = await within(panel).findByRole('button', { name: 'Cancel' });
    cancel.focus();
    fireEvent.click(cancel);
    await within(panel).findByText(across(/If api.badgr.io received the request before the cancel, a reset link for ada@example.org may still arrive/));
    expect(within(panel).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(h.cancelled).toHaveLength(1);
    expect(document.activeElement).toBe(email);
    expect(within(panel).queryByRole('alert')).toBeNull();
  });
});
