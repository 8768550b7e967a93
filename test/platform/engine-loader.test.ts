/**
 * platform/engine-loader.ts: engine.js is imported once, on the first verification; in a service
 * worker it is also imported while installing (a worker may import later only what it imported
 * then); a failed load says so and is tried again on the next call. Over a fake global scope.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_GLOBAL, type Engine } from '../../src/core/verify/engine.ts';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } } }));
const { createEngineLoader, preloadEngineAtInstall } = await import('../../src/platform/engine-loader.ts');

const scope = globalThis as unknown as Record<string, unknown>;
const engine: Engine = { verify: vi.fn() as unknown as Engine['verify'], matchRecipient: vi.fn() as unknown as Engine['matchRecipient'] };

afterEach(() => {
  vi.unstubAllGlobals();
  delete scope[ENGINE_GLOBAL];
});

describe('the engine loader', () => {
  it('imports engine.js on the first call only, in a worker', async () => {
    const importScripts = vi.fn((url: string) => {
      expect(url).toBe('chrome-extension://id/engine.js');
      scope[ENGINE_GLOBAL] = engine;
    });
    vi.stubGlobal('importScripts', importScripts);
    const load = createEngineLoader();
    expect(importScripts).not.toHaveBeenCalled();
    expect(await load()).toBe(engine);
    expect(await load()).toBe(engine);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('does not import again what install already evaluated', async () => {
    const listeners: Record<string, () => void> = {};
    const importScripts = vi.fn(() => void (scope[ENGINE_GLOBAL] = engine));
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (type: string, l: () => void) => void (listeners[type] = l));
    preloadEngineAtInstall();
    expect(importScripts).not.toHaveBeenCalled();
    listeners.install?.();
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(await createEngineLoader()()).toBe(engine);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('says so when the script leaves no engine, and tries again next time', async () => {
    let works = false;
    const importScripts = vi.fn(() => {
      if (works) scope[ENGINE_GLOBAL] = engine;
    });
    vi.stubGlobal('importScripts', importScripts);
    const load = createEngineLoader();
    await expect(load()).rejects.toThrow(/engine\.js/);
    works = true;
    expect(await load()).toBe(engine);
    expect(importScripts).toHaveBeenCalledTimes(2);
  });

  it('adds a <script> element in a background page (Firefox), once', async () => {
    const added: { src: string; onload?: () => void }[] = [];
    vi.stubGlobal('document', {
      createElement: () => ({}) as { src: string; onload?: () => void },
      head: { append: (el: { src: string; onload?: () => void }) => (added.push(el), queueMicrotask(() => ((scope[ENGINE_GLOBAL] = engine), el.onload?.()))) },
    });
    const load = createEngineLoader();
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(engine);
    expect(b).toBe(engine);
    expect(added.map((e) => e.src)).toEqual(['chrome-extension://id/engine.js']);
  });
});
