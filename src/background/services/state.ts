/** What the popup shows first: accounts with their sync progress, settings, how many badges, and whose. */
import type { StateReply } from '../../messaging/protocol.ts';
import type { Db } from '../../platform/db.ts';
import type { Accounts } from './accounts.ts';
import { distinctAddresses, LOCAL, type Identities } from './identities.ts';
import type { SettingsService } from './settings.ts';

export function createState(db: Db, accounts: Pick<Accounts, 'list' | 'signingIn' | 'signIns'>, settings: Pick<SettingsService, 'get'>, identities: Identities) {
  return async (): Promise<StateReply> => {
    const [list, s, badgeCount, ids] = await Promise.all([accounts.list(), settings.get(), db.badges.count(), identities.forAccount(LOCAL)]);
    // One per address (the engine also gets each spelling a backpack knows, identities.ts).
    const out: StateReply = { accounts: list, settings: s, badgeCount, identities: distinctAddresses(ids.verified) };
    // Read after the list: a sign-in that ended in between has its account in it already.
    const signIns = accounts.signIns();
    return { ...out, ...(accounts.signingIn() ? { signingIn: true } : {}), ...(signIns.length ? { signIns } : {}) };
  };
}
