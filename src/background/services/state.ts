/** What the popup shows first: accounts with their sync progress, settings, how many badges, and whose. */
import type { StateReply } from '../../messaging/protocol.ts';
import type { Db } from '../../platform/db.ts';
import { LOCAL, setOf } from './identities.ts';
import type { SettingsService } from './settings.ts';
import { accountViews } from './views.ts';

/**
 * One IndexedDB transaction (Db.overview: accounts, sync progress, badge count) and the settings,
 * read in parallel at every call: nothing is kept between calls, so the reply is never older than
 * the request. The same records give the accounts' views (as Accounts.list) and the addresses
 * (as Identities.forAccount(LOCAL)). Issue 14 (sw_wake_ms): four transactions before, each a round
 * trip to the IndexedDB backend on the woken worker's critical path.
 */
export function createState(db: Pick<Db, 'overview'>, settings: Pick<SettingsService, 'get'>) {
  return async (): Promise<StateReply> => {
    const [{ accounts, syncStates, badgeCount }, s] = await Promise.all([db.overview(), settings.get()]);
    return { accounts: accountViews(accounts, syncStates), settings: s, badgeCount, identities: setOf(accounts, LOCAL).verified };
  };
}
