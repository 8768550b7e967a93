/**
 * Content scripts are small features picked by a page predicate. Each gets its own AbortSignal
 * (aborted with the loader's) and cleans up through it; one failing feature never stops another.
 */

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

function report(id: string, error: unknown): void {
  console.error(`[lanyard] feature ${id} failed:`, error);
}
