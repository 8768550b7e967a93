import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDeadline, withinDeadline } from '../../src/background/services/deadline.ts';

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

describe('withinDeadline', () => {
  const late = () => new Error('too late');

  it('settles as the work does and clears its timer', async () => {
    vi.useFakeTimers();
    try {
      await expect(withinDeadline(30_000, new AbortController().signal, async () => 7, late)).resolves.toBe(7);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with late() when the deadline passes, even if the work ignores its signal', async () => {
    const work = vi.fn(() => new Promise<number>(() => undefined));
    await expect(withinDeadline(10, new AbortController().signal, work, late)).rejects.toThrow('too late');
    expect(work).toHaveBeenCalledOnce();
  });

  it("rejects with the outer signal's reason, and does not start the work when it is aborted already", async () => {
    const outer = new AbortController();
    outer.abort(new Error('stopped'));
    const work = vi.fn(async () => 1);
    await expect(withinDeadline(10_000, outer.signal, work, late)).rejects.toThrow('stopped');
    expect(work).not.toHaveBeenCalled();
  });
});
