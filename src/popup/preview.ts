/**
 * The preview: the app over the mock actions, with the dataset, clock and language chosen in the
 * URL. Loaded only with ?preview, so none of this is in the popup's first script.
 */
import { h, render } from 'preact';
import { App } from './App.tsx';
import { createTranslator, type Messages } from './i18n.ts';
import { MOCK_NOW } from './mock-data.ts';
import { createMockActions, type MockScenario } from './mock-actions.ts';

/** With &unlisted: two of Canvas Credentials' badges its backpack no longer lists (one pending, so two chips share a row). */
const PREVIEW_UNLISTED: Record<string, string> = { 'badgr-us:aB3dE5fG7h': '2026-11-20T09:00:00Z', 'badgr-us:Py7pending': '2026-11-20T09:00:00Z' };

const SCENARIOS: readonly MockScenario[] = ['default', 'first-run', 'empty', 'broken'];

export async function startPreview(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const lang = params.get('lang') === 'fr' ? 'fr' : 'en';
  const messages = (await (await fetch(`/_locales/${lang}/messages.json`)).json()) as Messages;
  const scenario = SCENARIOS.find((s) => s === params.get('scenario')) ?? 'default';
  const n = params.has('n') ? Math.max(0, Math.min(10_000, Number(params.get('n')) || 0)) : undefined;
  const actions = createMockActions({ scenario, n, latencyMs: Number(params.get('latency')) || 0, world: params.has('world'), ...(params.has('unlisted') ? { unlisted: PREVIEW_UNLISTED } : {}) });
  document.documentElement.lang = lang;
  render(h(App, { actions, t: createTranslator(messages), locale: lang, now: () => MOCK_NOW }), root);
}
