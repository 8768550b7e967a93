/**
 * Chromium stops an idle extension service worker after about 30 seconds; a call to an extension
 * API resets that timer. While a sync runs, a cheap call every 20 seconds keeps the worker up, so
 * that a long sync is not cut off (it would resume anyway: see services/sync.ts).
 */
import browser from './browser.ts';

export function keepAlive(signal: AbortSignal, everyMs = 20_000): void {
  if (signal.aborted) return;
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), everyMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
