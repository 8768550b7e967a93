/**
 * A run's first request: the backpack's addresses (a newly verified address turns pending badges into
 * the user's). At most MAX_ADDRESSES are kept (address-bound.ts). Only the provider's fields are merged
 * into the account as it is now, in one transaction (db.ts update): the user may have changed it (its
 * trust, typed addresses) while the run went on, or signed it out. When the addresses confirmed
 * everywhere changed, local imports and other accounts' badges are checked again (`onConfirmedChanged`;
 * the run settles its own, sync-identities.ts).
 */
import type { Db } from '../../platform/db.ts';
import type { AccountRecord } from '../../platform/records.ts';
import { boundAddresses } from './address-bound.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { confirmedOf } from './identities.ts';
import type { Provider } from './providers/index.ts';
import type { ProviderCall } from './sync-call.ts';
import type { FailureBeforeRetry } from './sync-failure.ts';

export interface AddressesRead {
  /** The account as stored once the addresses are merged. */
  account: AccountRecord;
  /** How many of the backpack's addresses were left out (address-bound.ts). */
  dropped: number;
}

export async function readAddresses(
  d: { db: Pick<Db, 'accounts'>; onConfirmedChanged?: () => void },
  call: ProviderCall,
  account: AccountRecord,
  provider: Provider,
  signal: AbortSignal,
  failure: FailureBeforeRetry,
): Promise<AddressesRead> {
  const listed = await call(account.id, (t) => provider.addresses(t), signal, failure);
  const { addresses, dropped } = listed ? boundAddresses(listed) : { addresses: undefined, dropped: 0 };
  let confirmedBefore: string[] = [];
  const current = addresses
    ? await d.db.accounts.update(account.id, (a) => {
        if (a) confirmedBefore = confirmedOf([a]);
        return a && { ...a, addresses, user: addresses.find((x) => x.primary)?.email ?? a.user };
      })
    : await d.db.accounts.get(account.id);
  if (!current) throw new ServiceError(E.NOT_FOUND, 'This account was signed out');
  if (addresses && JSON.stringify(confirmedOf([current])) !== JSON.stringify(confirmedBefore)) d.onConfirmedChanged?.();
  return { account: current, dropped };
}
