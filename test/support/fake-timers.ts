/**
 * Fake timers of a loader's own (src/platform/idle-release.ts Timers), so that a test moves time by hand
 * without vitest's global fake timers (which would also stop the promises' own scheduling in those tests).
 */
import type { Timers } from '../../src/platform/idle-release.ts';

export function fakeTimers(): { timers: Timers; pass(ms: number): void } {
  let now = 0;
  let next = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    timers: {
      set: (run, ms) => (due.set(++next, { at: now + ms, run }), next),
      clear: (handle) => void due.delete(handle as number),
    },
    /** Moves the clock `ms` on and runs every timer now due. */
    pass(ms: number) {
      now += ms;
      for (const [h, t] of [...due]) if (t.at <= now) (due.delete(h), t.run());
    },
  };
}
