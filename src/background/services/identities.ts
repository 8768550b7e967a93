/**
 * The user's identities, from the accounts' addresses. Every badge is checked against the verified
 * addresses of all the user's accounts (the account's own among them): an address one backpack
 * verified is the user's in every other (an OB 3.0 profile names one address only). An unverified
 * address never proves a badge is the user's; it only marks a badge pending.
 */
import type { Store } from '../../platform/db.ts';
import type { AccountRecord } from '../../platform/records.ts';

export const LOCAL = 'local';

export interface IdentitySet {
  verified: string[];
  unverified: string[];
}

export interface Identities {
  forAccount(accountId: string): Promise<IdentitySet>;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

export function setOf(accounts: readonly AccountRecord[]): IdentitySet {
  const all = accounts.flatMap((a) => a.addresses);
  const verified = uniq(all.filter((a) => a.verified).map((a) => a.email));
  const lower = new Set(verified.map((v) => v.toLowerCase()));
  return { verified, unverified: uniq(all.filter((a) => !a.verified && !lower.has(a.email.toLowerCase())).map((a) => a.email)) };
}

export function createIdentities(accounts: Store<AccountRecord>): Identities {
  return {
    async forAccount(_accountId) {
      return setOf(await accounts.all());
    },
  };
}
