/**
 * The one MutationObserver of a page, shared by every feature and throttled: mutations only
 * schedule a scan, and subscribers run at most once per `THROTTLE_MS`, after the page settles a
 * little. Features subscribe with their AbortSignal; the observer disconnects when the last one
 * leaves. (Dark Reader's createOptimizedTreeObserver, refined-github's observe.)
 */

export const THROTTLE_MS = 100;

type Scan = () => void;

/**
 * Nodes added and removed, and a <dialog> (or <details>) opened or closed: LinkedIn's 2026 composer is a
 * native dialog that may close without leaving the page (HTML §4.11.4, the open attribute). An `attributeFilter`
 * alone observes attributes (DOM §4.3.3 observe(), step 2: `attributes` is then set to true).
 */
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, attributeFilter: ['open'] };

const subscribers = new Set<Scan>();
let observer: MutationObserver | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function run(): void {
  timer = undefined;
  for (const scan of [...subscribers]) {
    // A scan may stop others (the loader aborts a page's features on a route change): a stopped
    // feature's scan must not run once more, or it puts back a button its abort just took out,
    // which nothing would ever take out again.
    if (!subscribers.has(scan)) continue;
    try {
      scan();
    } catch (e) {
      console.error('[lanyard] scan failed:', e);
    }
  }
}

function schedule(): void {
  timer ??= setTimeout(run, THROTTLE_MS);
}

/**
 * Also watches an open shadow root a feature found (LinkedIn's #interop-outlet): mutations inside it
 * do not reach the document's observer. Idempotent; forgotten when the observer disconnects.
 */
export function observeRoot(root: ShadowRoot): void {
  observer?.observe(root, OPTIONS);
}

/** Runs `scan` now (in a microtask) and after DOM changes, until `signal` aborts. */
export function onDomChange(scan: Scan, signal: AbortSignal): void {
  if (signal.aborted) return;
  subscribers.add(scan);
  if (!observer) {
    observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, OPTIONS);
  }
  queueMicrotask(() => {
    if (!signal.aborted) scan();
  });
  // An abort is dispatched once (DOM §3.1.3 "signal abort" returns for a signal already aborted): no `once` needed.
  signal.addEventListener('abort', () => {
    subscribers.delete(scan);
    if (subscribers.size === 0) {
      observer?.disconnect();
      observer = null;
      clearTimeout(timer);
      timer = undefined;
    }
  });
}
