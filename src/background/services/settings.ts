/**
 * Settings, in the background's own store (platform/local-store.ts: out of content scripts' reach). The background
 * sync alarm follows syncIntervalMinutes.
 */
import type { Settings } from '../../messaging/views.ts';
import { isSyncInterval } from '../../messaging/validate.ts';
import type { Alarms } from '../../platform/alarms.ts';
import type { LocalStore } from '../../platform/local-store.ts';
import { serial } from './serial.ts';

export const SYNC_ALARM = 'sync';
export const DEFAULT_SETTINGS: Settings = { hoverVerify: false, syncIntervalMinutes: 60, linkedInOrgIds: {} };
const KEY = 'settings';

/** Whatever is stored, with anything missing or malformed replaced by the default. */
function sanitize(v: unknown): Settings {
  const o = v && typeof v === 'object' ? (v as Partial<Record<keyof Settings, unknown>>) : {};
  const ids = o.linkedInOrgIds && typeof o.linkedInOrgIds === 'object' ? (o.linkedInOrgIds as Record<string, unknown>) : {};
  return {
    hoverVerify: typeof o.hoverVerify === 'boolean' ? o.hoverVerify : DEFAULT_SETTINGS.hoverVerify,
    syncIntervalMinutes: isSyncInterval(o.syncIntervalMinutes) ? o.syncIntervalMinutes : DEFAULT_SETTINGS.syncIntervalMinutes,
    linkedInOrgIds: Object.fromEntries(Object.entries(ids).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
}

export function createSettings(local: LocalStore, alarms?: Pick<Alarms, 'ensurePeriodic'>, onChange?: (s: Settings) => void) {
  const get = async (): Promise<Settings> => sanitize(await local.get(KEY));
  // Each change merges into what the one before it wrote (serial.ts).
  const change = serial();
  return {
    get,
    set: (patch: Partial<Settings>): Promise<Settings> =>
      change(async () => {
        const next = sanitize({ ...(await get()), ...patch });
        await local.set(KEY, next);
        await alarms?.ensurePeriodic(SYNC_ALARM, next.syncIntervalMinutes);
        onChange?.(next);
        return next;
      }),
    /** At install and startup: the sync alarm exists with the configured period. */
    async ensureAlarm(): Promise<void> {
      await alarms?.ensurePeriodic(SYNC_ALARM, (await get()).syncIntervalMinutes);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettings>;
