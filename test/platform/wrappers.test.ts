/** The thin wrappers over browser.* (session, alarms, identity, permissions, storage.local), over a mocked webextension-polyfill. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  const session = new Map<string, unknown>();
  const alarmsByName = new Map<string, { name: string; periodInMinutes?: number }>();
  return {
    session,
    alarmsByName,
    browser: {
      storage: {
        session: {
          setAccessLevel: vi.fn(async () => undefined),
          get: vi.fn(async (k: string) => (session.has(k) ? { [k]: session.get(k) } : {})),
          set: vi.fn(async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => session.set(k, v))),
          remove: vi.fn(async (k: string) => void session.delete(k)),
        },
        local: { get: vi.fn(async (k: string) => (k === 'settings' ? { settings: { hoverVerify: true } } : {})), set: vi.fn(async () => undefined), remove: vi.fn(async () => undefined) },
      },
      alarms: {
        get: vi.fn(async (name: string) => alarmsByName.get(name)),
        create: vi.fn((name: string, info: { periodInMinutes?: number }) => void alarmsByName.set(name, { name, ...info })),
        clear: vi.fn(async (name: string) => alarmsByName.delete(name)),
        onAlarm: { addListener: vi.fn(), removeListener: vi.fn() },
      },
      identity: {
        getRedirectURL: vi.fn((p: string) => `https://pakfgahhhefpnaajfclapgchhifablpl.chromiumapp.org/${p}`),
        launchWebAuthFlow: vi.fn(async () => 'https://pakfgahhhefpnaajfclapgchhifablpl.chromiumapp.org/oauth2?code=c&state=s'),
      },
      permissions: { contains: vi.fn(async () => true), request: vi.fn(async () => true) },
      runtime: { getPlatformInfo: vi.fn(async () => ({})) },
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: m.browser }));

const { createSessionStore, restrictSessionAccess } = await import('../../src/platform/session.ts');
const { createAlarms } = await import('../../src/platform/alarms.ts');
const { createIdentity } = await import('../../src/platform/identity.ts');
const { createHostPermissions, originPattern } = await import('../../src/platform/permissions.ts');
const { createLocalStore } = await import('../../src/platform/local-store.ts');
const { keepAlive } = await import('../../src/platform/keepalive.ts');

describe('session', () => {
  it('sets the access level to trusted contexts, and keeps tokens by account', async () => {
    await restrictSessionAccess();
    expect(m.browser.storage.session.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    const s = createSessionStore();
    await s.setToken('a', { accessToken: 't', expiresAt: 5 });
    expect(await s.getToken('a')).toEqual({ accessToken: 't', expiresAt: 5 });
    expect(m.session.get('token:a')).toEqual({ accessToken: 't', expiresAt: 5 });
    await s.removeToken('a');
    expect(await s.getToken('a')).toBeUndefined();
  });
});

describe('alarms', () => {
  it('creates a periodic alarm once per period, and replaces it when the period changes', async () => {
    const a = createAlarms();
    await a.ensurePeriodic('sync', 60);
    await a.ensurePeriodic('sync', 60);
    expect(m.browser.alarms.create).toHaveBeenCalledTimes(1);
    await a.ensurePeriodic('sync', 15);
    expect(m.browser.alarms.create).toHaveBeenLastCalledWith('sync', { periodInMinutes: 15, delayInMinutes: 15 });
    await a.at('sync-retry:x', 1234);
    expect(m.browser.alarms.create).toHaveBeenLastCalledWith('sync-retry:x', { when: 1234 });
    const ac = new AbortController();
    a.onAlarm(() => undefined, ac.signal);
    ac.abort();
    expect(m.browser.alarms.onAlarm.removeListener).toHaveBeenCalledTimes(1);
  });
});

describe('identity, permissions, storage.local, keep-alive', () => {
  it('passes the web auth flow through', async () => {
    const id = createIdentity();
    expect(id.redirectUrl('oauth2')).toBe('https://pakfgahhhefpnaajfclapgchhifablpl.chromiumapp.org/oauth2');
    await expect(id.launchWebAuthFlow('https://x.example/authorize', true)).resolves.toContain('code=c');
    expect(m.browser.identity.launchWebAuthFlow).toHaveBeenCalledWith({ url: 'https://x.example/authorize', interactive: true });
  });

  it('asks for host patterns without ports', async () => {
    expect(originPattern('http://127.0.0.1:8787/ims/ob/v3p0')).toBe('http://127.0.0.1/*');
    await createHostPermissions().contains('https://api.badgr.io/v2/x');
    expect(m.browser.permissions.contains).toHaveBeenCalledWith({ origins: ['https://api.badgr.io/*'] });
    await createHostPermissions().request(['https://a.example/1', 'https://a.example/2']);
    expect(m.browser.permissions.request).toHaveBeenCalledWith({ origins: ['https://a.example/*'] });
  });

  it('moves what an older version left in storage.local into its own store, then reads only that (issue 12 point 9)', async () => {
    const name = `wrappers-${Date.now()}`;
    const store = createLocalStore(name);
    expect(await store.get('settings')).toEqual({ hoverVerify: true });
    expect(m.browser.storage.local.remove).toHaveBeenCalledWith('settings');
    m.browser.storage.local.get.mockClear();
    await store.set('settings', { hoverVerify: false });
    expect(await store.get('settings')).toEqual({ hoverVerify: false });
    expect(m.browser.storage.local.set).not.toHaveBeenCalled();
    expect(m.browser.storage.local.get).not.toHaveBeenCalled();
    expect(await store.get('hoverSites')).toBeUndefined();
    // Looked for in storage.local once, not at every read (every host fetch reads the hover sites).
    expect(await store.get('hoverSites')).toBeUndefined();
    expect(m.browser.storage.local.get).toHaveBeenCalledTimes(1);
    // Kept in memory, written through: a caller's copy changed changes nothing stored.
    const sites = [{ pattern: 'https://a.example/*', addedGrant: true }];
    await store.set('hoverSites', sites);
    sites[0]!.addedGrant = false;
    const read = (await store.get('hoverSites')) as typeof sites;
    expect(read).toEqual([{ pattern: 'https://a.example/*', addedGrant: true }]);
    read.pop();
    expect(await store.get('hoverSites')).toHaveLength(1);
    expect(await createLocalStore(name).get('hoverSites')).toEqual([{ pattern: 'https://a.example/*', addedGrant: true }]);
  });

  it('asks storage.local for a key it lacks in one worker only: the next worker (a new store) reads only its own (issue 14)', async () => {
    const name = `wrappers-absent-${Date.now()}`;
    m.browser.storage.local.get.mockClear();
    expect(await createLocalStore(name, undefined, true).get('hoverSites')).toBeUndefined();
    expect(m.browser.storage.local.get).toHaveBeenCalledTimes(1);
    // The mark is written without holding the read up: wait for it as a later worker would.
    await vi.waitFor(async () => {
      m.browser.storage.local.get.mockClear();
      expect(await createLocalStore(name).get('hoverSites')).toBeUndefined();
      expect(m.browser.storage.local.get).not.toHaveBeenCalled();
    });
    // A key set later is read as set, whatever was marked.
    await createLocalStore(name).set('hoverSites', 3);
    expect(await createLocalStore(name).get('hoverSites')).toBe(3);
    // Another key is still looked for (once) where an older version may have left it.
    expect(await createLocalStore(name).get('settings')).toEqual({ hoverVerify: true });
  });

  // Content scripts can write storage.local: a key no older version kept there (the addresses typed
  // for this browser, local-addresses.ts) is never taken from it, whatever was planted there.
  it('takes from storage.local only what older versions kept there (settings, hover sites)', async () => {
    const planted: Record<string, unknown> = { localAddresses: ['someone.else@example.org'], settings: { hoverVerify: true } };
    const legacy = { get: vi.fn(async (k: string) => (k in planted ? { [k]: planted[k] } : {})), remove: vi.fn(async () => undefined) };
    const store = createLocalStore(`wrappers-planted-${Date.now()}`, legacy);
    expect(await store.get('localAddresses')).toBeUndefined();
    expect(legacy.get).not.toHaveBeenCalledWith('localAddresses');
    expect(await store.get('settings')).toEqual({ hoverVerify: true });
  });

  it('keeps the worker busy until the signal aborts', async () => {
    vi.useFakeTimers();
    const ac = new AbortController();
    keepAlive(ac.signal, 1000);
    await vi.advanceTimersByTimeAsync(3500);
    expect(m.browser.runtime.getPlatformInfo).toHaveBeenCalledTimes(3);
    ac.abort();
    await vi.advanceTimersByTimeAsync(3000);
    expect(m.browser.runtime.getPlatformInfo).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});
