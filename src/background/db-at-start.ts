/**
 * The databases, opening from the worker's first lines: src/background/index.ts imports this module
 * before any other, so IndexedDB's opens (the badges' database and the settings' one, each a round
 * trip to the backend) run while the rest of background.js evaluates and the waking event is
 * dispatched, not after (issue 14, sw_wake_ms). Measured (bench/support/wake-probe.ts, 31 wakes):
 * the popup's state/get answered ~0.3-1 ms sooner from background.js's first line on a quiet
 * machine (the opens' completions delay the message's dispatch by ~1 ms, the reads start ~2 ms
 * sooner), ~5 ms sooner under load.
 * Nearly every wake needs it: a popup or content message, the sync alarm, install and startup.
 * Only opening starts early: nothing is read before a request asks (a read made at start could be
 * older than the request).
 */
import { openDb, type Db } from '../platform/db.ts';
import { createLocalStore } from '../platform/local-store.ts';

/** The background's settings store (platform/local-store.ts), its database opening now. */
export const localStore = createLocalStore(undefined, undefined, true);

let onTerminated: () => void = () => {
  early = undefined; // closed before anyone took it: the next take opens anew
};
const opening = openDb({ onTerminated: () => onTerminated() });
let early: Promise<Db> | undefined = opening;
// Failed before anyone took it: the next take opens anew (and no unhandled rejection at start).
opening.catch(() => {
  if (early === opening) early = undefined;
});

/** The connection opened at start (once), else a new one; `terminated` as OpenOptions.onTerminated. */
export function takeDb(terminated: () => void): Promise<Db> {
  const db = early;
  early = undefined;
  if (!db) return openDb({ onTerminated: terminated });
  onTerminated = terminated;
  return db;
}
