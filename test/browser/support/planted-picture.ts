/**
 * A synced badge with a hostile picture, for the popup's picture defences (lan-images, svg-bomb-picture):
 * Ada signs in to the test backpack by Badgr, her badges sync, and her newest badge's picture is set to
 * `image` in the stored record, as a sync would store what a hostile issuer wrote. Returns that badge's key.
 */
import type { Page } from 'playwright-core';
import type { Backpack } from '../../backpack/server.ts';
import { ADA } from '../../backpack/seed-data.ts';
import type { Launched } from '../launch.ts';
import { call, currentWorker, waitFor } from './extension.ts';

export async function syncWithPlantedPicture(ext: Launched, page: Page, bp: Backpack, image: string): Promise<string> {
  const account = await call<{ id: string }>(page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password });
  await waitFor(async () => {
    const s = (await call<{ accounts: { id: string; sync: { status: string; done: number } }[] }>(page, 'state/get', {})).accounts.find((a) => a.id === account.id)?.sync;
    return s?.status === 'idle' && s.done > 0;
  }, 120_000, 300);
  const worker = await currentWorker(ext);
  return worker.evaluate(
    (picture) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('lanyard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('badges', 'readwrite');
          const store = tx.objectStore('badges');
          const all = store.getAll();
          all.onsuccess = () => {
            const r = (all.result as { key: string; meta: { image?: string; issuedOn?: string } }[]).sort((a, b) => (b.meta.issuedOn ?? '').localeCompare(a.meta.issuedOn ?? ''))[0]!;
            store.put({ ...r, meta: { ...r.meta, image: picture } });
            tx.oncomplete = () => (resolve(r.key), open.result.close());
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    image,
  );
}
