import type { Store } from './db.ts';

/**
 * A store that knows which keys it may hold, so that reading a key it certainly lacks costs no
 * transaction. The document cache (background/services/document-cache.ts) reads it before every
 * JSON fetch, and most reads miss (a provider that sends no Cache-Control leaves nothing to keep):
 * 741 reads of a 1,000-badge sync, each an IndexedDB transaction on the badge's critical path
 * (bench/support/profile-sync.ts). The keys are read once (getAllKeys) when this connection first
 * reads, and kept with every put and delete made through it: only this worker opens the database
 * (background/wiring.ts), and a new connection (after `terminated`) starts a new index.
 *
 * The index never lacks a stored key: a put adds its key before it writes; a delete removes it only
 * once done, and only if no put of that key started meanwhile; keys put while the index loads are
 * added to what it read. (Were it ever to lack one, a read would only miss: the cache fetches.)
 */
export function withKeyIndex<V>(plain: Store<V>, getAllKeys: () => Promise<IDBValidKey[]>, keyOf: (v: V) => string): Store<V> {
  /** Each key the store may hold, with the sequence number of its last put (0: read at load). */
  let known: Map<string, number> | undefined;
  let loading: Promise<void> | undefined;
  const putDuringLoad = new Map<string, number>();
  let seq = 0;
  const load = (): Promise<void> =>
    (loading ??= getAllKeys().then(
      (keys) => {
        known = new Map(keys.map((k) => [String(k), 0]));
        for (const [k, s] of putDuringLoad) known.set(k, s);
        putDuringLoad.clear();
      },
      () => {
        loading = undefined; // read as before; try again at the next read
      },
    ));
  return {
    ...plain,
    async get(key) {
      if (!known) await load();
      if (known && !known.has(key)) return undefined;
      return plain.get(key);
    },
    put(value) {
      const key = keyOf(value);
      (known ?? putDuringLoad).set(key, ++seq);
      return plain.put(value);
    },
    update(key, change) {
      // May write: the key counts as held from now (were nothing written, a read only misses).
      (known ?? putDuringLoad).set(key, ++seq);
      return plain.update(key, change);
    },
    async delete(key) {
      const mark = seq;
      await plain.delete(key);
      if (known && (known.get(key) ?? 0) <= mark) known.delete(key);
    },
  };
}
