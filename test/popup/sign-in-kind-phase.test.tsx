// @vitest-environment jsdom
/**
 * Review 36: the form read the phase of "its" sign-in (use-sign-in.ts `running`) by its backpack
 * only. An OB 3.0 and a Badge Connect sign-in to one server run at once (sign-in-run.ts: one per kind
 * and backpack), so the form's own OB 3.0 sign-in could show the phase of another popup's Badge
 * Connect one to the same server listed before it ("Finishing the earlier sign-out of this
 * account…", which is not its own). It now reads the run of its own kind.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

const SERVER = 'https://slow.example';

describe('a provider sign-in while another kind signs in to the same server', () => {
  it('says its own run’s phase, not the other kind’s listed first', async () => {
    const actions = createMockActions({ scenario: 'first-run' });
    // The other popup's Badge Connect sign-in waits for a sign-out of its account; this form's OB 3.0 one does not.
    const getState = actions.getState.bind(actions);
    actions.getState = async () => {
      const r = await getState();
      if (!r.ok || !r.value.signIns) return r;
      return { ok: true, value: { ...r.value, signIns: r.value.signIns.map((s) => (s.kind === 'badge-connect' ? { ...s, phase: 'finishing-sign-out' as const } : s)) } };
    };
    render(<App actions={actions} t={t} locale="en" now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: /Another wallet or backpack/ }));
    const address = await screen.findByLabelText("Provider's web address");
    void actions.signIn({ kind: 'badge-connect', baseUrl: SERVER });
    fireEvent.input(address, { target: { value: SERVER } });
    expect((screen.getByRole('radio', { name: /Open Badges 3\.0/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('button', { name: 'Signing in…' });
    expect(actions.calls.filter((c) => c.name === 'signIn').map((c) => (c.args[0] as { kind: string }).kind)).toEqual(['badge-connect', 'ob3']);
    const reads = actions.calls.filter((c) => c.name === 'getState').length;
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'getState').length).toBeGreaterThan(reads + 1), { timeout: 3000 });
    expect(document.getElementById('provider-status')?.textContent).toBe('');
    expect(screen.queryByText(/earlier sign-out/)).toBeNull();
  });
});
