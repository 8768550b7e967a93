/**
 * Backup: every badge's original bytes (base64) with its key, account and what the list shows,
 * as one JSON file. Importing verifies each badge again and stores it under the same key, so a
 * badge already present is skipped, never duplicated; a badge of an account that is not signed
 * in here goes to the local backpack.
 *
 * A badge the user added that a backpack also holds is kept as that copy's hidden twin, inside its
 * original (synced-twin.ts): it is in the backup too (`hiddenBehind`: the backpack's entry), so the
 * user's own copy (a baked image the backpack may not have) survives a lost profile. Restored, it is
 * hidden again behind the backpack's copy when that backpack is signed in here; otherwise it is
 * listed in the backpack's copy's stead, as after a sign-out (one entry, the user's own).
 *
 * The addresses typed for "Just this browser" (local-addresses.ts) are in it too (`localAddresses`,
 * a field older versions ignore): restored, they join the ones typed here, checked like any input.
 */
import type { Db } from '../../platform/db.ts';
import type { InputKind } from '../../core/model.ts';
import type { BadgeMeta, BadgeRecord } from '../../platform/records.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { MAX_KEY_LENGTH } from '../../messaging/validate.ts';
import { LOCAL } from './identities.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import { sha256Hex } from './badge-record.ts';
import type { Library } from './library.ts';
import type { LocalAddresses } from './local-addresses.ts';
import { hideTwins, twinKey } from './synced-twin.ts';

export const BACKUP_FORMAT = 'lanyard-backup';
export const BACKUP_VERSION = 1;

export interface BackupEntry {
  key: string;
  accountId: string;
  kind: InputKind;
  base64: string;
  fileName?: string;
  name: string;
  issuerName?: string;
  issuedOn?: string;
  expires?: string;
  description?: string;
  image?: string;
  issuerUrl?: string;
  publicUrl?: string;
  verdict: string;
  recipient: string | null;
  addedAt: string;
  bakedUrl?: string;
  /** A hidden twin (synced-twin.ts): the user's own copy of the badge the backpack's entry under this key stands for. */
  hiddenBehind?: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  badges: BackupEntry[];
  /** The addresses typed for the local backpack, as typed (none: absent). */
  localAddresses?: string[];
}

/**
 * The key a badge is restored under: the backup's, but for a backpack's credential without an id in
 * a backup made before DB v5, keyed then by its text's length and opening; a sync keys it by its
 * text's SHA-256 now (src/platform/db-schema.ts v5), and would store it a second time beside it.
 */
async function keyNow(e: BackupEntry): Promise<string> {
  const bar = e.key.indexOf('|');
  if (e.kind !== 'json' || bar < 0 || !/^json:\d+:/.test(e.key.slice(bar + 1))) return e.key;
  return badgeKey(e.key.slice(0, bar), `json:sha256:${await sha256Hex(fromBase64(e.base64))}`);
}

const KINDS = new Set(['png', 'svg', 'json', 'jws', 'url']);
const isEntry = (e: unknown): e is BackupEntry => {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return typeof o.key === 'string' && o.key.length <= MAX_KEY_LENGTH && typeof o.accountId === 'string' && typeof o.kind === 'string' && KINDS.has(o.kind) && typeof o.base64 === 'string';
};

/** The entry's last-known view, for a badge that can no longer be read. A backup file is user input: plain strings only, links http(s) only. */
function lastKnown(e: BackupEntry): Partial<BadgeMeta> {
  const text = (v: unknown, max = 2000) => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);
  const link = (v: unknown) => { const t = text(v); return t && /^https?:\/\//i.test(t) ? t : undefined; };
  const out: Partial<BadgeMeta> = {};
  const fields: [keyof BadgeMeta, string | undefined][] = [
    ['name', text(e.name, 500)], ['issuerName', text(e.issuerName, 500)], ['issuedOn', text(e.issuedOn, 40)], ['expires', text(e.expires, 40)],
    ['description', text(e.description)], ['image', link(e.image)], ['issuerUrl', link(e.issuerUrl)], ['publicUrl', link(e.publicUrl)],
  ];
  for (const [k, v] of fields) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export function createBackup(db: Db, library: Library, now: () => Date = () => new Date(), localAddresses?: Pick<LocalAddresses, 'list' | 'restore'>) {
  return {
    async export(): Promise<{ fileName: string; json: string }> {
      const badges: BackupEntry[] = [];
      const entry = (r: BadgeRecord, bytes: Uint8Array, hiddenBehind?: string): BackupEntry => ({
        key: r.key,
        accountId: r.accountId,
        kind: r.original.kind,
        base64: toBase64(bytes),
        ...(r.original.fileName ? { fileName: r.original.fileName } : {}),
        name: r.meta.name,
        ...(r.meta.issuerName ? { issuerName: r.meta.issuerName } : {}),
        ...(r.meta.issuedOn ? { issuedOn: r.meta.issuedOn } : {}),
        ...(r.meta.expires ? { expires: r.meta.expires } : {}),
        ...(r.meta.description ? { description: r.meta.description } : {}),
        ...(r.meta.image ? { image: r.meta.image } : {}),
        ...(r.meta.issuerUrl ? { issuerUrl: r.meta.issuerUrl } : {}),
        ...(r.meta.publicUrl ? { publicUrl: r.meta.publicUrl } : {}),
        verdict: r.verdict,
        recipient: r.recipient,
        addedAt: r.addedAt,
        ...(r.bakedUrl ? { bakedUrl: r.bakedUrl } : {}),
        ...(hiddenBehind ? { hiddenBehind } : {}),
      });
      const twins = new Set<string>();
      for (const r of await db.badges.all()) {
        const o = await db.originals.get(r.key);
        if (o) badges.push(entry(r, o.bytes)); // else nothing to restore it from
        // The user's own copy this synced one stands for, if hidden (found by its key alone, synced-twin.ts).
        const key = twinKey(r);
        if (!key || twins.has(key)) continue;
        const twin = await db.originals.get(key);
        if (twin?.hidden) {
          twins.add(key);
          badges.push(entry(twin.hidden, twin.bytes, r.key));
        }
      }
      const typed = (await localAddresses?.list()) ?? [];
      const file: BackupFile = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now().toISOString(), badges, ...(typed.length ? { localAddresses: typed } : {}) };
      return { fileName: `lanyard-backup-${file.exportedAt.slice(0, 10)}.json`, json: JSON.stringify(file) };
    },

    async import(json: string): Promise<{ imported: number; skipped: number }> {
      let file: unknown;
      try {
        file = JSON.parse(json);
      } catch {
        throw new ServiceError(E.BAD_BACKUP, 'This file is not a Lanyard backup (it is not JSON)');
      }
      const f = file as Partial<BackupFile> | null;
      if (!f || f.format !== BACKUP_FORMAT || !Array.isArray(f.badges)) throw new ServiceError(E.BAD_BACKUP, 'This file is not a Lanyard backup');
      if (typeof f.version !== 'number' || f.version > BACKUP_VERSION) throw new ServiceError(E.BAD_BACKUP, `This backup was made by a newer Lanyard (version ${String(f.version)})`);
      // Before the badges: those restored to the local backpack are checked against them as they are written.
      if (f.localAddresses !== undefined) await localAddresses?.restore(f.localAddresses);
      const accounts = new Set((await db.accounts.all()).map((a) => a.id));
      let imported = 0;
      let skipped = 0;
      // A backpack's copy whose account is not signed in here gives way to the user's own copy it hid.
      const givesWay = new Set(f.badges.flatMap((e: unknown) => (isEntry(e) && typeof e.hiddenBehind === 'string' ? [e.hiddenBehind] : [])));
      for (const e of f.badges) {
        if (isEntry(e) && !accounts.has(e.accountId) && givesWay.has(e.key)) {
          skipped++;
          continue;
        }
        const key = isEntry(e) ? await keyNow(e) : '';
        // Held already: listed, or kept hidden behind a backpack's copy (synced-twin.ts).
        if (!isEntry(e) || (await db.badges.get(key)) || (await db.originals.get(key))?.hidden) {
          skipped++;
          continue;
        }
        try {
          await library.importInput(fromBase64(e.base64), {
            ...(typeof e.fileName === 'string' ? { fileName: e.fileName } : {}),
            accountId: accounts.has(e.accountId) ? e.accountId : LOCAL,
            key,
            ...(typeof e.bakedUrl === 'string' ? { bakedUrl: e.bakedUrl } : {}),
            ...(typeof e.addedAt === 'string' ? { addedAt: e.addedAt } : {}),
            fallback: lastKnown(e),
            // Checked again as it is written: a badge a sync stored meanwhile is the newer record.
            ifAbsent: true,
          });
          imported++;
        } catch (err) {
          if ((err as { code?: unknown } | null)?.code !== E.EXISTS) console.warn('[lanyard] backup entry not imported', key, err);
          skipped++;
        }
      }
      // A badge restored to the local backpack that a signed-in backpack holds is that copy's hidden twin again.
      // A local copy checked before a backpack's copy that fails is checked again first (synced-twin.ts).
      if (imported) await hideTwins(db, (await db.badges.all()).filter((r) => r.accountId !== LOCAL), async (local) => {
        await library.verify(local.key);
        return db.badges.get(local.key);
      });
      return { imported, skipped };
    },
  };
}
