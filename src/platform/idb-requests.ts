/**
 * IndexedDB requests and transactions as promises, on the database's own objects. The hot paths
 * of src/platform/db.ts (every store's get, put, delete and getAll, a sync page's reads and writes)
 * use these instead of idb's wrappers: idb wraps every transaction, store and request in a Proxy
 * and records each in WeakMaps that are only cleared by garbage collection, and V8 never shrinks
 * those tables from their high-water size. A 1,000-badge sync left 28-56 KB of them in the service
 * worker's heap (issue 14, sw_heap_mb_1000; bench/support/heap-sync.ts), and a promise per put.
 */

/** The request's result once it succeeds; its error if it fails. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Resolves when the transaction commits; rejects when it aborts (a failed request aborts it unless
 * its error is prevented, IndexedDB §5.6 "fire an error event"), with the first error.
 */
export function completed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

/**
 * A read-modify-write of one record in one readwrite transaction (db.ts Store.update): the value
 * `change` returns is written as it is (`write` may stamp it: badges' sortTime and rev).
 */
export async function updated<V>(raw: IDBDatabase, name: string, key: string, change: (current: V | undefined) => V | undefined, write: (v: V) => V = (v) => v): Promise<V | undefined> {
  const tx = raw.transaction(name, 'readwrite');
  const done = completed(tx);
  let next: V | undefined;
  try {
    // Awaiting the request keeps the transaction active: its continuation runs in the success event's microtasks.
    const s = tx.objectStore(name);
    next = change((await requested(s.get(key))) as V | undefined);
    if (next !== undefined) s.put((next = write(next)));
  } catch (e) {
    abortQuietly(tx, done);
    throw e;
  }
  await done;
  return next;
}

/** Aborts a transaction whose work failed (nothing of it commits), unless it has ended already. */
export function abortQuietly(tx: IDBTransaction, done: Promise<void>): void {
  done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // finished already: nothing was queued after the failure
  }
}
