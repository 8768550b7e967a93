// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';

afterEach(cleanup);

describe('App', () => {
  it('renders the shell with landmarks and the empty state', async () => {
    render(<App data={{ badges: [] }} actions={createMockActions()} />);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lanyard');
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'No badges yet' })).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('asks the background once and shows its version in the footer', async () => {
    const actions = createMockActions({ ping: { ok: true, value: { pong: true, version: '1.2.3' } } });
    render(<App data={{ badges: [] }} actions={actions} />);
    expect(await screen.findByText('Lanyard 1.2.3')).toBeTruthy();
    expect(actions.calls).toEqual([{ name: 'ping', args: [] }]);
  });

  it('says so when the background does not answer', async () => {
    const actions = createMockActions({ ping: { ok: false, error: { code: 'ERR_TRANSPORT', message: 'no receiver' } } });
    render(<App data={{ badges: [] }} actions={actions} />);
    expect(await screen.findByText('Background not responding: no receiver')).toBeTruthy();
  });

  it('lists badges instead of the empty state when there are some', () => {
    const badges = [{ id: 'urn:1', name: 'Kayaking', issuer: 'River Club' }];
    render(<App data={{ badges }} actions={createMockActions()} />);
    expect(screen.queryByText('No badges yet')).toBeNull();
    expect(screen.getByRole('listitem').textContent).toContain('Kayaking');
  });
});
