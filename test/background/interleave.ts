/**
 * Two writers at once, at the worst moment: `afterRead` lands another change on a record right after
 * a service has read it, before the service writes (the services' awaits let any other message or
 * alarm run there). A read-modify-write made in one IndexedDB transaction (`update`) has no such
 * moment: the other change then lands before it, as it could in the browser.
 */
import type { Store } from '../../src/platform/db.ts';

export interface Interleaved {
  /** Whether the change has landed. */
  ran(): boolean;
}

/** Runs `action` once, at the first read of `key` through `store` once `armed()` (default: at once). */
export function afterRead<T>(store: Store<T>, key: string, action: () => Promise<unknown>, armed: () => boolean = () => true): Interleaved {
  let ran = false;
  const due = (k: string) => !ran && k === key && armed();
  const get = store.get.bind(store);
  store.get = async (k) => {
    const value = await get(k);
    if (due(k)) {
      ran = true;
      await action();
    }
    return value;
  };
  const update = store.update.bind(store);
  store.update = async (k, change) => {
    if (due(k)) {
      ran = true;
      await action();
    }
    return update(k, change);
  };
  return { ran: () => ran };
}
