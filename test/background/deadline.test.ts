import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDeadline } from '../../src/background/services/deadline.ts';

describe('startDeadline', () => {
  afterEach(() => vi.useRealTimers());

  it('aborts after ms with a TimeoutError, like AbortSignal.timeout', async () => {
    const d = startDeadline(20);
    expect(d.signal.aborted).toBe(false);
    await new Promise((r) => d.signal.addEventListener('abort', r, { once: true }));
    expect(d.signal.reason).toBeInstanceOf(DOMException);
    expect((d.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('clear() cancels the timer: no timer is left pending and the signal never aborts', () => {
    vi.useFakeTimers();
    const d = startDeadline(30_000);
    expect(vi.getTimerCount()).toBe(1);
    d.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(d.signal.aborted).toBe(false);
  });

  it("uses the caller's signal when given one, and leaves it alone on clear()", () => {
    const c = new AbortController();
    const d = startDeadline(10, () => c.signal);
    expect(d.signal).toBe(c.signal);
    d.clear();
    c.abort();
    expect(d.signal.aborted).toBe(true);
  });
});
