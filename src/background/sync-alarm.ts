/**
 * What the worker's alarms start (src/background/index.ts): the periodic sync (SYNC_ALARM), every
 * account whose retry time has come, and an account's retry alarm (sync.ts retryAlarm), that
 * account only if its retry time has come (sync.ts runDue). Undefined for an alarm not Lanyard's sync's.
 */
import type { Sync } from './services/sync.ts';
import { retryAlarm } from './services/sync.ts';
import { SYNC_ALARM } from './services/settings.ts';

export function syncAlarm(name: string, sync: () => Promise<Pick<Sync, 'runDue' | 'runAll'>>): Promise<unknown> | undefined {
  const prefix = retryAlarm('');
  const account = name.startsWith(prefix) ? name.slice(prefix.length) : undefined;
  if (name !== SYNC_ALARM && !account) return undefined;
  return sync().then((s): Promise<unknown> => (account ? s.runDue(account) : s.runAll()));
}
