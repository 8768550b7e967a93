/**
 * src/shims/setimmediate.ts: rdf-canonize's `setImmediate(resolve)` is served by a bound setTimeout, a
 * built-in that holds nothing of the bundle it is in. A closure written there kept engine.js's whole
 * scope reachable from the global object, so a released engine (src/platform/engine-loader.ts) stayed
 * in the worker's heap (bench/support/heap-sync.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the setImmediate stand-in', () => {
  it('is a bound built-in that runs the function after the current task', async () => {
    vi.stubGlobal('setImmediate', undefined);
    await import('../../src/shims/setimmediate.ts');
    const installed = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate!;
    expect(installed.name).toBe('bound setTimeout');
    let ran = false;
    const done = new Promise<void>((resolve) => installed(() => ((ran = true), resolve())));
    expect(ran).toBe(false);
    await done;
    expect(ran).toBe(true);
  });

  it('leaves a setImmediate the platform has', async () => {
    const own = vi.fn();
    vi.stubGlobal('setImmediate', own);
    await import('../../src/shims/setimmediate.ts');
    expect(globalThis.setImmediate).toBe(own);
  });
});
