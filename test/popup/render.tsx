/** Renders the popup over the mock actions, with the English messages and the dataset's clock. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fireEvent, render, screen, type RenderResult } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { PopupActions } from '../../src/popup/actions.ts';
import { App } from '../../src/popup/App.tsx';
import { EnvContext, type PopupEnv } from '../../src/popup/env.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { createMockActions, type MockActions, type MockOptions } from '../../src/popup/mock-actions.ts';

export const t = createTranslator(en as Messages);
export const now = () => MOCK_NOW;

export function renderApp(options: MockOptions = {}): RenderResult & { actions: MockActions } {
  const actions = createMockActions(options);
  return { ...render(<App actions={actions} t={t} locale="en" now={now} />), actions };
}

/** One component inside the environment it expects. */
export function renderWithEnv(ui: ComponentChildren, actions: PopupActions = createMockActions()): RenderResult {
  const env: PopupEnv = { actions, t, locale: 'en', now };
  return render(<EnvContext.Provider value={env}>{ui}</EnvContext.Provider>);
}

/** The popup's stylesheet as the build inlines it: src/popup/styles.css with each of its @import parts in its place. */
export function popupStylesheet(): string {
  const index = resolve(import.meta.dirname, '../../src/popup/styles.css');
  return readFileSync(index, 'utf8').replace(/@import ['"]([^'"]+)['"];/g, (_, part: string) => readFileSync(resolve(dirname(index), part), 'utf8'));
}

/** The popup's own stylesheet in the page, for a test that reads what it draws (jsdom cascades it). */
export function loadPopupStyles(): void {
  const style = document.createElement('style');
  style.textContent = popupStylesheet();
  document.head.append(style);
}

/** Mock actions whose badge checks (verify) leave the badge verified, as a check that passes does. */
export function verifyingActions(): MockActions {
  const actions = createMockActions();
  const get = actions.getBadge;
  let checked = false;
  actions.verify = async (key) => (actions.calls.push({ name: 'verify', args: [key] }), (checked = true), { ok: true, value: { verified: 1 } });
  actions.getBadge = async (key) => {
    const r = await get(key);
    return r.ok && checked ? { ok: true, value: { ...r.value, verdict: 'valid', verifiedAt: new Date(MOCK_NOW).toISOString() } } : r;
  };
  return actions;
}

/** The app rendered and opened at the first account's address screen (manage, addresses-cancel). */
export async function renderAddresses(options: MockOptions = {}): Promise<RenderResult & { actions: MockActions }> {
  const r = renderApp(options);
  await screen.findByRole('listbox');
  fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
  fireEvent.click(await screen.findByRole('button', { name: /^E-mail addresses for/ }));
  await screen.findByRole('heading', { level: 2, name: 'E-mail addresses' });
  return r;
}

/** The address screen's card for `email`. */
export const addressCard = (email: string) => screen.getByRole('heading', { name: email }).closest('li') as HTMLElement;
