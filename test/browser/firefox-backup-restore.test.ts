/**
 * Issue 6's backup, in Firefox too: "export then import into a fresh profile with nothing lost" was shown
 * in Chromium only (popup-backpack.test.ts); Firefox's test saved the backup (firefox-download.test.ts)
 * but never read one back. Here a backup exported from the popup's Settings in one Firefox profile
 * (dist/firefox through Marionette) is given to the Settings' file input in a fresh profile, as a
 * person picks it in the tab Firefox opens for files: the same badges come back, each verified again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Firefox, waitFor } from './firefox/support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-ff-backup-'));
const downloads = {
  'browser.download.dir': dir,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
};
let ff: Firefox | undefined;
afterAll(async () => {
  await ff?.quit();
  rmSync(dir, { recursive: true, force: true });
});

type Row = { name: string; verdict: string; format: string };
const rows = async (f: Firefox): Promise<string[]> => (await f.call<Row[]>('badges/list', {})).map((b) => `${b.name} | ${b.format} | ${b.verdict}`).sort();

describe('a backup restored in a fresh Firefox profile', { timeout: 240_000 }, () => {
  it('brings back every badge it holds, verified again', async () => {
    ff = await Firefox.launch({ prefs: downloads });
    await ff.importConformance('dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json');
    await ff.importConformance('ob30/simple-jwt.extracted.jwt');
    await ff.openTab(ff.popupUrl);
    const before = await rows(ff);
    expect(before).toHaveLength(2);

    await ff.openPopup();
    await ff.click('button', 'Settings');
    await ff.click('button', 'Export backup');
    const file = await waitFor(async () => readdirSync(dir).find((f) => /backup.*\.json$|\.lanyard/i.test(f) && !readdirSync(dir).includes(`${f}.part`)), 20_000, 'the backup saved');
    const saved = path.join(dir, file);
    await waitFor(async () => {
      try {
        return (JSON.parse(readFileSync(saved, 'utf8')) as unknown) !== null;
      } catch {
        return false;
      }
    }, 10_000, 'the backup whole');
    expect(await ff.takeErrors()).toEqual([]);
    await ff.quit();
    ff = undefined;

    ff = await Firefox.launch();
    await ff.openTab(ff.popupUrl);
    expect(await ff.call<Row[]>('badges/list', {})).toEqual([]);
    // The tab the toolbar panel's "Import backup…" opens (a panel closes at a file picker).
    await ff.openPopup('?open=settings');
    const input = await ff.find('#backup-title ~ .button-row input[type=file]');
    await ff.m.send('WebDriver:ElementSendKeys', { id: Object.values(input)[0], text: saved });
    await waitFor(async () => (await rows(ff!)).length === before.length, 60_000, 'the badges restored');
    expect(await rows(ff)).toEqual(before);
    await ff.screenshot('backup-restored');
    expect(await ff.takeErrors()).toEqual([]);
  });
});
