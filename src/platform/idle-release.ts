/**
 * Releases something loaded on demand once it has not been used for a while: `hold()` while it is in use, and
 * `release` runs `idleMs` after the last holder let go (again at each new idle spell, never while held).
 * Used for the verification engine (./engine-loader.ts) and the backpack clients (src/background/backpack-loader.ts).
 */
export interface IdleRelease {
  /** In use until the returned function is called (once; calling it again does nothing). */
  hold(): () => void;
  /** Loaded but not (yet) held: released after `idleMs` unless held by then. */
  idle(): void;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * `load`, released `idleMs` after the last call that loaded it. For a script whose functions hold nothing that
 * must stay one (no module state the worker relies on): what a caller holds from before keeps working, and the
 * next call loads a fresh copy.
 */
export function releasedWhenIdle<T>(load: (() => Promise<T>) & { release(): void }, idleMs: number, timers?: Timers): () => Promise<T> {
  const idle = createIdleRelease(() => load.release(), idleMs, timers);
  return async () => {
    const loaded = await load();
    idle.idle();
    return loaded;
  };
}

export function createIdleRelease(release: () => void, idleMs: number, timers: Timers = realTimers): IdleRelease {
  let holders = 0;
  let timer: unknown;
  const disarm = (): void => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  };
  const arm = (): void => {
    disarm();
    timer = timers.set(() => {
      timer = undefined;
      if (holders === 0) release();
    }, idleMs);
  };
  return {
    hold() {
      holders++;
      disarm();
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        if (--holders === 0) arm();
      };
    },
    idle() {
      if (holders === 0) arm();
    },
  };
}
