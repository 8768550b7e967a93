/**
 * Content scripts are small features picked by a page predicate. Each gets its own AbortSignal
 * (aborted with the loader's) and cleans up through it; one failing feature never stops another.
 * Single-page sites (LinkedIn) change the path without a load: `runFeatures` picks again then.
 */
import { onDomChange } from './observer.ts';

export interface Feature {
  /** kebab-case, for logs. */
  id: string;
  /** Whether the feature belongs on this page (site knowledge lives in content/sites/*.ts). */
  matches(url: URL): boolean;
  /** Starts the feature; it must undo everything it did when `signal` aborts. */
  init(signal: AbortSignal): void | Promise<void>;
}

/** Starts the features that match `url`; returns their ids. */
export function startFeatures(features: readonly Feature[], url: URL, signal: AbortSignal): string[] {
  const started: string[] = [];
  for (const feature of features) {
    if (signal.aborted) break;
    let wanted = false;
    try {
      wanted = feature.matches(url);
      if (wanted) Promise.resolve(feature.init(signal)).catch((e: unknown) => report(feature.id, e));
    } catch (e) {
      report(feature.id, e);
    }
    if (wanted) started.push(feature.id);
  }
  return started;
}

/**
 * Starts the features for the current page, and picks again when the path changes (the shared
 * observer notices: a single-page navigation always changes the DOM). The hash and query are
 * ignored: Gmail changes its hash at every click.
 */
export function runFeatures(features: readonly Feature[], signal: AbortSignal): string[] {
  const page = () => location.origin + location.pathname;
  let current = page();
  let child = new AbortController();
  const start = () => startFeatures(features, new URL(location.href), AbortSignal.any([signal, child.signal]));
  const started = start();
  onDomChange(() => {
    if (page() === current) return;
    current = page();
    child.abort();
    child = new AbortController();
    start();
  }, signal);
  return started;
}

function report(id: string, error: unknown): void {
  console.error(`[lanyard] feature ${id} failed:`, error);
}
