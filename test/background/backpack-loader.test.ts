/**
 * background/backpack-loader.ts: backpack.js is imported on first use, and again after it was released
 * when idle; in a service worker it is also imported while installing (and not kept); and before it is evaluated, the worker's error modules are on
 * the global it reads them from (backpack-shared.ts). Over a fake global scope.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHARED_GLOBAL } from '../../src/background/backpack-shared.ts';
import { BACKPACK_GLOBAL, type BackpackKit } from '../../src/background/services/backpack-kit.ts';
import * as backpackErrors from '../../src/backpack/errors.ts';
import { backpackKit } from '../support/backpack.ts';
import { fakeTimers } from '../support/fake-timers.ts';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } } }));
const { createBackpackLoader, preloadBackpackAtInstall } = await import('../../src/background/backpack-loader.ts');

const scope = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  vi.unstubAllGlobals();
  delete scope[BACKPACK_GLOBAL];
  delete scope[SHARED_GLOBAL];
});

/** What backpack.js does as it is evaluated: read the worker's modules, leave the kit. */
const evaluate = (): void => {
  const shared = scope[SHARED_GLOBAL] as { backpackErrors?: unknown } | undefined;
  if (shared?.backpackErrors !== backpackErrors) throw new ReferenceError('__lanyardShared is not defined');
  scope[BACKPACK_GLOBAL] = backpackKit;
};

describe('the backpack loader', () => {
  it('imports backpack.js on the first call only, the worker’s modules shared first', async () => {
    const importScripts = vi.fn((url: string) => {
      expect(url).toBe('chrome-extension://id/backpack.js');
      evaluate();
    });
    vi.stubGlobal('importScripts', importScripts);
    const load = createBackpackLoader();
    expect(importScripts).not.toHaveBeenCalled();
    expect(await load()).toBe(backpackKit);
    expect(await load()).toBe(backpackKit);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('imports it while installing, with the modules shared, keeps nothing of it, and imports it again on first use', async () => {
    const listeners: Record<string, () => void> = {};
    const importScripts = vi.fn(evaluate);
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (type: string, l: () => void) => void (listeners[type] = l));
    preloadBackpackAtInstall();
    expect(importScripts).not.toHaveBeenCalled();
    listeners.install?.();
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(scope[BACKPACK_GLOBAL]).toBeUndefined();
    expect(await createBackpackLoader()()).toBe(backpackKit);
    expect(importScripts).toHaveBeenCalledTimes(2);
  });

  it('is released BACKPACK_IDLE_MS after it was last asked for, and loaded again by the next call', async () => {
    const importScripts = vi.fn(evaluate);
    vi.stubGlobal('importScripts', importScripts);
    const t = fakeTimers();
    const load = createBackpackLoader({ idleMs: 1_000, timers: t.timers });
    await load();
    t.pass(900);
    await load();
    t.pass(900);
    expect(scope[BACKPACK_GLOBAL]).toBe(backpackKit);
    t.pass(100);
    expect(scope[BACKPACK_GLOBAL]).toBeUndefined();
    expect(await load()).toBe(backpackKit);
    expect(importScripts).toHaveBeenCalledTimes(2);
  });

  it('says so when the script leaves nothing, and tries again next time', async () => {
    let works = false;
    vi.stubGlobal('importScripts', vi.fn(() => works && evaluate()));
    const load = createBackpackLoader();
    await expect(load()).rejects.toThrow(/backpack\.js/);
    works = true;
    expect(await load()).toBe(backpackKit as BackpackKit);
  });
});
