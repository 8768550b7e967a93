/**
 * list/ready.ts: the first screen's mark, and what waits for it (the rows' pictures and overscan
 * rows, issue 14): nothing runs before the painted frame's timeout, everything runs once after it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Ready = typeof import('../../src/popup/list/ready.ts');
let frames: (() => void)[] = [];

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('first screen painted', () => {
  it('runs what waits only after the frame that paints the first screen, once, then at once', async () => {
    const ready: Ready = await import('../../src/popup/list/ready.ts');
    const mark = vi.spyOn(performance, 'mark');
    const run = vi.fn();
    const cancelled = vi.fn();
    ready.afterFirstScreen(run);
    ready.afterFirstScreen(cancelled)();
    expect(ready.firstScreenPainted()).toBe(false);
    ready.markReady();
    ready.markReady();
    expect(frames).toHaveLength(1);
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();
    // The frame, then its timeout: the mark first, then what waited.
    frames[0]!();
    expect(run).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(mark).toHaveBeenCalledWith('lanyard-ready');
    expect(run).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
    expect(ready.firstScreenPainted()).toBe(true);
    const later = vi.fn();
    ready.afterFirstScreen(later);
    expect(later).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('where nothing paints (no requestAnimationFrame), the first screen counts as painted at the mark', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const ready: Ready = await import('../../src/popup/list/ready.ts');
    const run = vi.fn();
    ready.afterFirstScreen(run);
    ready.markReady();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
