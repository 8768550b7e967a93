// @vitest-environment jsdom
/**
 * "Add a badge": an answer belongs to the attempt that got it. Found in the Firefox walk of
 * 2026-12-06: after "not a badge {" was refused, a link pasted and added showed "Adding…" under the
 * first attempt's "That is not a badge Lanyard can read" for as long as the link took (a slow
 * issuer: many seconds), as if the link had been refused already.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportedView, Reply } from '../../src/messaging/protocol.ts';
import { renderApp } from './render.tsx';

afterEach(cleanup);

describe('an import\'s answer', () => {
  it('a new attempt takes the last one\'s answer away while it runs, then says its own', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    let finish!: (r: Reply<ImportedView>) => void;
    let calls = 0;
    actions.importBadge = async () => (++calls === 1 ? { ok: false, error: { code: 'ERR_NOT_A_BADGE', message: 'not a badge' } } : new Promise<Reply<ImportedView>>((r) => (finish = r)));
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    const box = await screen.findByLabelText(/Or paste/);
    fireEvent.input(box, { target: { value: 'not a badge {' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    const said = () => document.getElementById('import-answer')!.textContent!;
    await waitFor(() => expect(said()).not.toBe(''));
    const refused = said();
    fireEvent.input(box, { target: { value: 'https://slow.example/assertions/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    await screen.findByRole('button', { name: 'Adding…' });
    expect(said()).toBe('');
    finish({ ok: false, error: { code: 'UNREACHABLE', message: 'slow.example could not be reached' } });
    await waitFor(() => expect(said()).not.toBe(''));
    expect(said()).not.toBe(refused);
  });
});
