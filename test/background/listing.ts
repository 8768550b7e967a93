/** Ada's badges as the test backpack's OB 3.0 API or Badge Connect lists them now, newest first (test/backpack/api/paging.ts). */
import { isOb2 } from '../backpack/api/badgr-backpack.ts';
import type { Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import type { BadgeRecord } from '../backpack/state.ts';

export function adaListing(bp: Backpack, kind: 'ob3' | 'badge-connect'): BadgeRecord[] {
  const state = bp.control.stateForTests;
  const user = [...state.accounts.values()].find((a) => a.username === ADA.username)!.entityId;
  return state
    .badgesOf(user)
    .filter((b) => (kind === 'ob3' ? b.kind === 'ob3-jwt' || b.kind === 'ob3-di' : isOb2(b) && b.acceptance !== 'Rejected') && !state.isPending(b))
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.entityId.localeCompare(b.entityId));
}
