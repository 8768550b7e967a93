/**
 * platform/engine-loader.ts: engine.js is imported once, on the first verification; in a service
 * worker it is also imported while installing (a worker may import later only what it imported
 * then); a failed load says so and is tried again on the next call. Over a fake global scope.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_GLOBAL, type Engine } from '../../src/core/verify/engine.ts';
import { fakeTimers } from '../support/fake-timers.ts';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } } }));
const { createEngineLoader, preloadEngineAtInstall } = await import('../../src/platform/engine-loader.ts');

const scope = globalThis as unknown as Record<string, unknown>;
const VERIFIED = { verdict: 'valid' } as unknown as Awaited<ReturnType<Engine['verify']>>;
const engine: Engine = { verify: vi.fn(async () => VERIFIED) as unknown as Engine['verify'], matchRecipient: vi.fn(async () => 'ada@example.com') };
/** What the loaded engine answers is the script's engine's answer (the loader hands out a counting wrapper of it). */
const answers = async (e: Engine): Promise<boolean> => (await e.verify('{}', {} as never)) === VERIFIED && (await e.matchRecipient([], [], undefined)) === 'ada@example.com';

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
    const first = await load();
    expect(await load()).toBe(first);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('imports engine.js while installing, keeps nothing of it, and imports it again on first use', async () => {
    const listeners: Record<string, () => void> = {};
    const importScripts = vi.fn(() => void (scope[ENGINE_GLOBAL] = engine));
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (type: string, l: () => void) => void (listeners[type] = l));
    preloadEngineAtInstall();
    expect(importScripts).not.toHaveBeenCalled();
    listeners.install?.();
    expect(importScripts).toHaveBeenCalledTimes(1);
    // Kept, install's evaluation held ~1 MB of the worker's heap until the browser stopped it.
    expect(scope[ENGINE_GLOBAL]).toBeUndefined();
    const loaded = await createEngineLoader()();
    expect(importScripts).toHaveBeenCalledTimes(2);
    expect(await answers(loaded)).toBe(true);
  });

  it('leaves an engine its loader loaded before install alone', async () => {
    const listeners: Record<string, () => void> = {};
    const importScripts = vi.fn(() => void (scope[ENGINE_GLOBAL] = engine));
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (type: string, l: () => void) => void (listeners[type] = l));
    preloadEngineAtInstall();
    await createEngineLoader()();
    listeners.install?.();
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(scope[ENGINE_GLOBAL]).toBe(engine);
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
    expect(await answers(await load())).toBe(true);
    expect(importScripts).toHaveBeenCalledTimes(2);
  });

  it('adds a <script> element in a background page (Firefox), once', async () => {
    const added: { src: string; onload?: () => void }[] = [];
    vi.stubGlobal('document', {
      createElement: () => ({ remove: () => undefined }) as unknown as { src: string; onload?: () => void },
      head: { append: (el: { src: string; onload?: () => void }) => (added.push(el), queueMicrotask(() => ((scope[ENGINE_GLOBAL] = engine), el.onload?.()))) },
    });
    const load = createEngineLoader();
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await answers(a)).toBe(true);
    expect(added.map((e) => e.src)).toEqual(['chrome-extension://id/engine.js']);
  });
});

describe('the engine, released when idle', () => {
  const IDLE = 30_000;
  const worker = () => {
    const importScripts = vi.fn(() => void (scope[ENGINE_GLOBAL] = engine));
    vi.stubGlobal('importScripts', importScripts);
    return importScripts;
  };

  it('is released after IDLE ms without a verification, and loaded again by the next', async () => {
    const importScripts = worker();
    const t = fakeTimers();
    const load = createEngineLoader({ idleMs: IDLE, timers: t.timers });
    const first = await load();
    await first.verify('{}', {} as never);
    t.pass(IDLE - 1);
    expect(scope[ENGINE_GLOBAL]).toBe(engine);
    t.pass(1);
    // Nothing of it left on the global scope, nor in the loader: the garbage collector may take it.
    expect(scope[ENGINE_GLOBAL]).toBeUndefined();
    const again = await load();
    expect(importScripts).toHaveBeenCalledTimes(2);
    expect(again).not.toBe(first);
    expect(await answers(again)).toBe(true);
  });

  it('is not released under a verification that outlasts IDLE, and is after it', async () => {
    const importScripts = worker();
    let finish!: () => void;
    (engine.verify as unknown as ReturnType<typeof vi.fn>).mockImplementationOnce(() => new Promise((r) => (finish = () => r(VERIFIED))));
    const t = fakeTimers();
    const load = createEngineLoader({ idleMs: IDLE, timers: t.timers });
    const running = (await load()).verify('{}', {} as never);
    t.pass(3 * IDLE);
    expect(scope[ENGINE_GLOBAL]).toBe(engine);
    await load();
    expect(importScripts).toHaveBeenCalledTimes(1);
    finish();
    expect(await running).toBe(VERIFIED);
    t.pass(IDLE);
    expect(scope[ENGINE_GLOBAL]).toBeUndefined();
  });

  it('a use during the idle spell starts it again', async () => {
    worker();
    const t = fakeTimers();
    const load = createEngineLoader({ idleMs: IDLE, timers: t.timers });
    await (await load()).matchRecipient([], [], undefined);
    t.pass(IDLE - 10);
    await (await load()).matchRecipient([], [], undefined);
    t.pass(IDLE - 10);
    expect(scope[ENGINE_GLOBAL]).toBe(engine);
    t.pass(10);
    expect(scope[ENGINE_GLOBAL]).toBeUndefined();
  });

  it('in a background page, the script element goes with it', async () => {
    const added: { src: string; onload?: () => void; remove: () => void }[] = [];
    const removed: string[] = [];
    vi.stubGlobal('document', {
      createElement: () => ({}) as { src: string },
      head: {
        append: (el: { src: string; onload?: () => void; remove: () => void }) => {
          el.remove = () => void removed.push(el.src);
          added.push(el);
          queueMicrotask(() => ((scope[ENGINE_GLOBAL] = engine), el.onload?.()));
        },
      },
    });
    const t = fakeTimers();
    const load = createEngineLoader({ idleMs: IDLE, timers: t.timers });
    await load();
    t.pass(IDLE);
    expect(removed).toEqual(['chrome-extension://id/engine.js']);
    expect(scope[ENGINE_GLOBAL]).toBeUndefined();
    await load();
    expect(added).toHaveLength(2);
  });
});
