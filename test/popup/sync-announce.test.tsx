// @vitest-environment jsdom
/**
 * A sync is announced to screen readers once as it starts and once as it ends (or fails), never on
 * each tick of its progress (WCAG 4.1.3 Status Messages): the status bar's progress and its failure
 * line were in no live region, so a sync started, moved and failed in silence.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { StateReply } from '../../src/messaging/protocol.ts';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { EnvContext } from '../../src/popup/env.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { StatusBar } from '../../src/popup/ui/StatusBar.tsx';
import { now, t } from './render.tsx';

afterEach(cleanup);

const env = { actions: createMockActions(), t, locale: 'en', now };
const bar = (s: StateReply) => (
  <EnvContext.Provider value={env}>
    <StatusBar online state={s} />
  </EnvContext.Provider>
);
/** The status bar over one state, then the next ones, as the popup's polling brings them. */
const start = (ui: StateReply) => {
  const r = render(bar(ui));
  return { rerender: (next: StateReply) => r.rerender(bar(next)) };
};

type Sync = StateReply['accounts'][number]['sync'];
const state = (sync: Sync): StateReply =>
  ({ accounts: [{ id: 'a', kind: 'badgr', providerName: 'Test backpack', baseUrl: 'https://bp.example', user: 'ada', needsSignIn: false, sync }], badgeCount: 3 }) as unknown as StateReply;

/** The one live region of the status bar (polite), present from the start (a region added with its text is often not read). */
const region = () => {
  const live = document.querySelectorAll('[data-testid="sync-announce"]');
  expect(live.length).toBe(1);
  const el = live[0] as HTMLElement;
  expect(el.getAttribute('aria-live')).toBe('polite');
  return el;
};

describe('sync announcements', () => {
  it('says a sync started once, nothing per tick, then that it finished', () => {
    const { rerender } = start(state({ status: 'idle', done: 0, total: 0 }));
    expect(region().textContent).toBe('');
    const said: string[] = [];
    const step = (sync: Sync) => {
      rerender(state(sync));
      const text = region().textContent ?? '';
      if (text !== said[said.length - 1]) said.push(text);
    };
    step({ status: 'syncing', done: 0, total: 0 });
    for (let i = 1; i <= 9; i++) step({ status: 'syncing', done: i, total: 9 });
    step({ status: 'idle', done: 9, total: 9 });
    expect(said).toEqual(['Getting your badges…', 'Sync finished: your badges are up to date.']);
    // The bar itself still moves, for whoever looks at it.
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('a failure is said once, with its reason, and not again on the next poll', () => {
    const failed: Sync = { status: 'error', done: 3, total: 9, error: { code: 'SERVER_ERROR', message: 'HTTP 503' }, retryAt: new Date(MOCK_NOW + 5 * 60_000).toISOString() };
    const { rerender } = start(state({ status: 'syncing', done: 2, total: 9 }));
    rerender(state({ status: 'syncing', done: 3, total: 9 }));
    rerender(state(failed));
    const text = region().textContent ?? '';
    expect(text).toBe(screen.getByTestId('sync-failure').textContent);
    expect(text).toMatch(/^Test backpack could not sync: /);
    rerender(state({ ...failed }));
    expect(region().textContent).toBe(text);
  });

  it('what shows when the popup opens is on screen, not announced', () => {
    start(state({ status: 'error', done: 3, total: 9, error: { code: 'SERVER_ERROR', message: 'HTTP 503' } }));
    expect(region().textContent).toBe('');
    cleanup();
    start(state({ status: 'syncing', done: 3, total: 9 }));
    expect(region().textContent).toBe('');
  });
});
