/**
 * One change at a time: a value kept whole in the background's own store (the settings, the hover
 * sites: platform/local-store.ts) is changed by reading it and writing it back, and two changes
 * that overlap would each write back a copy without the other's. Only this worker writes that store
 * (the popup and content scripts go through messages), so running its changes one after another
 * here is enough. A change that fails does not stop the next.
 */
export type Serial = <T>(change: () => Promise<T>) => Promise<T>;

export function serial(): Serial {
  let last: Promise<unknown> = Promise.resolve();
  return (change) => {
    const run = last.then(change, change);
    last = run.catch(() => undefined);
    return run;
  };
}
