/**
 * Alarms wake the service worker for background syncs and retries. Chromium keeps alarms across
 * worker restarts (not always across browser restarts): they are re-created on install and startup.
 */
import browser from './browser.ts';

export interface Alarms {
  /** Creates or replaces a repeating alarm, unless one with this period exists. */
  ensurePeriodic(name: string, periodMinutes: number): Promise<void>;
  /** A one-shot alarm at a time (ms since the epoch). */
  at(name: string, when: number): Promise<void>;
  clear(name: string): Promise<void>;
  /** The listener is removed when the signal aborts. */
  onAlarm(listener: (name: string) => void, signal?: AbortSignal): void;
}

export function createAlarms(): Alarms {
  const { alarms } = browser;
  return {
    async ensurePeriodic(name, periodMinutes) {
      const existing = await alarms.get(name);
      if (existing?.periodInMinutes === periodMinutes) return;
      alarms.create(name, { periodInMinutes: periodMinutes, delayInMinutes: periodMinutes });
    },
    async at(name, when) {
      alarms.create(name, { when });
    },
    async clear(name) {
      await alarms.clear(name);
    },
    onAlarm(listener, signal) {
      const wrapped = (a: { name: string }) => listener(a.name);
      alarms.onAlarm.addListener(wrapped);
      signal?.addEventListener('abort', () => alarms.onAlarm.removeListener(wrapped), { once: true });
    },
  };
}
