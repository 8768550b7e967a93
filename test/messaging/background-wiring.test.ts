/**
 * src/background/index.ts over a mocked webextension-polyfill: the worker registers one
 * message listener at start, and that listener applies the sender checks.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const mock = vi.hoisted(() => {
  const listeners: ((message: unknown, sender: unknown) => Promise<unknown>)[] = [];
  const runtime = {
    id: 'pakfgahhhefpnaajfclapgchhifablpl',
    getURL: (path: string) => `chrome-extension://pakfgahhhefpnaajfclapgchhifablpl/${path}`,
    getManifest: () => ({ version: '9.8.7' }),
    sendMessage: vi.fn(),
    onMessage: { addListener: vi.fn((l: (typeof listeners)[number]) => listeners.push(l)), removeListener: vi.fn() },
  };
  return { listeners, runtime };
});
vi.mock('webextension-polyfill', () => ({ default: { runtime: mock.runtime } }));

beforeAll(async () => {
  await import('../../src/background/index.ts');
});

const popup = { id: mock.runtime.id, url: mock.runtime.getURL('src/popup/index.html') };

describe('background wiring', () => {
  it('registers exactly one runtime message listener', () => {
    expect(mock.listeners).toHaveLength(1);
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

  it('refuses other extensions and tab-less non-extension senders', async () => {
    for (const sender of [{ ...popup, id: 'other' }, { id: mock.runtime.id, url: 'https://www.linkedin.com/' }]) {
      await expect(mock.listeners[0]!({ type: 'ping', args: {} }, sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'ERR_FORBIDDEN_SENDER' },
      });
    }
  });
});
