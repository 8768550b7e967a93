/**
 * src/background/index.ts over a mocked webextension-polyfill: the worker registers its listeners
 * (one message listener, one alarm listener, install and startup) at start, restricts
 * storage.session to trusted contexts, starts opening its databases (nothing read), and its message listener
 * applies the sender checks.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const mock = vi.hoisted(() => {
  const listeners: ((message: unknown, sender: unknown) => Promise<unknown>)[] = [];
  const event = () => ({ addListener: vi.fn(), removeListener: vi.fn() });
  const runtime = {
    id: 'pakfgahhhefpnaajfclapgchhifablpl',
    getURL: (path: string) => `chrome-extension://pakfgahhhefpnaajfclapgchhifablpl/${path}`,
    getManifest: () => ({ version: '9.8.7' }),
    sendMessage: vi.fn(),
    onMessage: { addListener: vi.fn((l: (typeof listeners)[number]) => listeners.push(l)), removeListener: vi.fn() },
    onInstalled: event(),
    onStartup: event(),
  };
  const alarms = { onAlarm: event(), get: vi.fn(), create: vi.fn(), clear: vi.fn() };
  const session = { setAccessLevel: vi.fn(async () => undefined), get: vi.fn(), set: vi.fn(), remove: vi.fn() };
  const permissions = { onAdded: event(), onRemoved: event(), contains: vi.fn() };
  const local = { get: vi.fn(async () => ({})), set: vi.fn(async () => undefined) };
  return { listeners, runtime, alarms, session, permissions, local };
});
vi.mock('webextension-polyfill', () => ({ default: { runtime: mock.runtime, alarms: mock.alarms, permissions: mock.permissions, storage: { session: mock.session, local: mock.local } } }));

beforeAll(async () => {
  await import('../../src/background/index.ts');
});

const popup = { id: mock.runtime.id, url: mock.runtime.getURL('src/popup/index.html') };

describe('background wiring', () => {
  it('registers exactly one runtime message listener', () => {
    expect(mock.listeners).toHaveLength(1);
  });

  it('starts opening both databases at start, before any message or event (src/background/db-at-start.ts)', async () => {
    await vi.waitFor(async () => expect((await indexedDB.databases()).map((d) => d.name)).toEqual(expect.arrayContaining(['lanyard', 'lanyard-settings'])));
  });

  it('registers its alarm, install and startup listeners at start, and opens nothing else', () => {
    expect(mock.alarms.onAlarm.addListener).toHaveBeenCalledTimes(1);
    expect(mock.runtime.onInstalled.addListener).toHaveBeenCalledTimes(1);
    expect(mock.runtime.onStartup.addListener).toHaveBeenCalledTimes(1);
    expect(mock.permissions.onAdded.addListener).toHaveBeenCalledTimes(1);
    expect(mock.permissions.onRemoved.addListener).toHaveBeenCalledTimes(1);
    expect(mock.alarms.create).not.toHaveBeenCalled();
    expect(mock.session.get).not.toHaveBeenCalled();
  });

  it('on install, creates the sync alarm with the configured period', async () => {
    const onInstalled = mock.runtime.onInstalled.addListener.mock.calls[0]![0] as () => void;
    onInstalled();
    await vi.waitFor(() => expect(mock.alarms.create).toHaveBeenCalledWith('sync', { periodInMinutes: 60, delayInMinutes: 60 }));
  });

  it('keeps storage.session (the access tokens) to trusted contexts, explicitly', () => {
    expect(mock.session.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('answers ping from the popup with the manifest version', async () => {
    await expect(mock.listeners[0]!({ type: 'ping', args: {} }, popup)).resolves.toEqual({
      ok: true,
      value: { pong: true, version: '9.8.7' },
    });
  });

  it('answers ping from a content script in a tab', async () => {
    const sender = { id: mock.runtime.id, url: 'https://www.linkedin.com/feed/', tab: { id: 1 } };
    await expect(mock.listeners[0]!({ type: 'ping', args: {} }, sender)).resolves.toMatchObject({ ok: true });
  });

  it('refuses popup messages from content scripts before reading them', async () => {
    const sender = { id: mock.runtime.id, url: 'https://www.linkedin.com/feed/', tab: { id: 1 } };
    await expect(mock.listeners[0]!({ type: 'accounts/sign-out', args: { accountId: 'x' } }, sender)).resolves.toMatchObject({
      ok: false,
      error: { code: 'ERR_UNKNOWN_MESSAGE' },
    });
  });

  it('refuses other extensions and tab-less non-extension senders', async () => {
    for (const sender of [{ ...popup, id: 'other' }, { id: mock.runtime.id, url: 'https://www.linkedin.com/' }]) {
      await expect(mock.listeners[0]!({ type: 'ping', args: {} }, sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'ERR_FORBIDDEN_SENDER' },
      });
    }
  });

  it('answers a picker/* message only while the site is still granted, and at most 10 a second per tab (services/picker-gate.ts)', async () => {
    const linkedIn = { id: mock.runtime.id, url: 'https://www.linkedin.com/in/ada/', tab: { id: 41 }, frameId: 0 };
    // The user took back Lanyard's access to LinkedIn: the tab open since gets nothing.
    mock.permissions.contains.mockResolvedValue(false);
    await expect(mock.listeners[0]!({ type: 'picker/list', args: { query: '' } }, linkedIn)).resolves.toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    expect(mock.permissions.contains).toHaveBeenLastCalledWith({ origins: ['https://www.linkedin.com/*'] });
    mock.permissions.contains.mockResolvedValue(true);
    const tab = { ...linkedIn, tab: { id: 42 } };
    // Granted: the gate lets it through (this mocked browser has no scripting to inject the picker with).
    for (let i = 0; i < 10; i++) await expect(mock.listeners[0]!({ type: 'picker/ui', args: {} }, tab)).resolves.toMatchObject({ ok: false, error: { code: 'ERR_UNSUPPORTED' } });
    await expect(mock.listeners[0]!({ type: 'picker/ui', args: {} }, tab)).resolves.toMatchObject({ ok: false, error: { code: 'ERR_RATE_LIMITED', retryAfterSeconds: 1 } });
    // Another tab has its own count; a content script's ping is not a picker message.
    await expect(mock.listeners[0]!({ type: 'picker/ui', args: {} }, { ...linkedIn, tab: { id: 43 } })).resolves.toMatchObject({ error: { code: 'ERR_UNSUPPORTED' } });
    for (let i = 0; i < 12; i++) await expect(mock.listeners[0]!({ type: 'ping', args: {} }, tab)).resolves.toMatchObject({ ok: true });
  });
});
