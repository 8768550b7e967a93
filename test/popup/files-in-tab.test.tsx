// @vitest-environment jsdom
/**
 * Firefox closes an add-on's toolbar popup (a panel) as soon as the system file picker opens
 * (bugzilla 1292701): the page is gone before the input's change event, so "Choose files…" and
 * "Import backup…" did nothing at all there. Where the platform says so (`actions.openInTab`),
 * those two controls open the same screen in a tab instead, where the picker works.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActions, type PopupPlatform } from '../../src/popup/actions.ts';
import { App } from '../../src/popup/App.tsx';
import { createBrowserPlatform } from '../../src/popup/browser-platform.ts';
import { BackupPanel } from '../../src/popup/settings/BackupPanel.tsx';
import { ImportPanel } from '../../src/popup/welcome/ImportPanel.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, renderWithEnv, t } from './render.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const fileInputs = () => document.querySelectorAll('input[type=file]').length;

describe('files in Firefox’s popup panel', () => {
  it('the import panel’s "Choose files…" opens the import in a tab, with no file input to lose', () => {
    const actions = createMockActions();
    const openInTab = vi.fn();
    renderWithEnv(<ImportPanel onImported={() => undefined} />, { ...actions, openInTab });
    expect(fileInputs()).toBe(0);
    // Nor is "Drop a badge here" offered: the panel closes before anything could be dropped on it.
    expect(screen.queryByText(t('importDrop'))).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Choose files…' }));
    expect(openInTab).toHaveBeenCalledWith('import');
    // Said where the button is, so that the popup closing is not a surprise.
    screen.getByText(t('filesInTab'));
    // The pasted link still works in the popup itself.
    screen.getByRole('textbox', { name: t('importPasteLabel') });
  });

  it('the backup panel’s "Import backup…" opens Settings in a tab', () => {
    const openInTab = vi.fn();
    renderWithEnv(<BackupPanel onImported={() => undefined} />, { ...createMockActions(), openInTab });
    expect(fileInputs()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Import backup…' }));
    expect(openInTab).toHaveBeenCalledWith('settings');
  });

  it('elsewhere (Chromium, or the page in a tab) the file inputs stay', () => {
    renderWithEnv(<ImportPanel onImported={() => undefined} />);
    expect(fileInputs()).toBe(1);
    screen.getByText(t('importDrop'));
    cleanup();
    renderWithEnv(<BackupPanel onImported={() => undefined} />);
    expect(fileInputs()).toBe(1);
  });

  it('the page opened with ?open=import starts on the import screen, the list one Back away', async () => {
    render(<App actions={createMockActions()} t={t} locale="en" now={now} start="import" />);
    await screen.findByRole('heading', { level: 2, name: t('importTitle') });
    expect(fileInputs()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: t('back') }));
    await screen.findByRole('listbox');
  });

  it('the real actions offer openInTab only when the platform does', () => {
    const platform: PopupPlatform = { requestOrigins: async () => true, saveFile: () => undefined, copy: async () => undefined };
    const send = async () => ({ ok: true as const, value: undefined as never });
    expect(createActions(send, platform).openInTab).toBeUndefined();
    const openInTab = vi.fn();
    createActions(send, { ...platform, openInTab }).openInTab?.('settings');
    expect(openInTab).toHaveBeenCalledWith('settings');
  });

  it('the browser platform opens tabs only in Firefox’s popup panel', async () => {
    const created: string[] = [];
    const close = vi.fn();
    vi.stubGlobal('close', close);
    const browser = (firefox: boolean, views: unknown[]) => ({
      runtime: { id: 'lanyard@test', getManifest: () => ({ action: { default_popup: 'src/popup/index.html' } }), getURL: (p: string) => `moz-extension://u/${p}`, ...(firefox ? { getBrowserInfo: async () => ({ name: 'Firefox' }) } : {}) },
      extension: { getViews: ({ type }: { type: string }) => (type === 'popup' ? views : []) },
      tabs: { create: async ({ url }: { url: string }) => void created.push(url) },
    });
    vi.stubGlobal('browser', browser(false, [window]));
    expect(createBrowserPlatform().openInTab).toBeUndefined(); // Chromium: its picker keeps the popup
    vi.stubGlobal('browser', browser(true, []));
    expect(createBrowserPlatform().openInTab).toBeUndefined(); // Firefox, the page in a tab
    vi.stubGlobal('browser', browser(true, [window]));
    const platform = createBrowserPlatform();
    platform.openInTab?.('import');
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(created).toEqual(['moz-extension://u/src/popup/index.html?open=import']);
  });
});
