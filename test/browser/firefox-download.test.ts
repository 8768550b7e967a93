/**
 * Saving files from the real popup in Firefox (dist/firefox through Marionette: firefox/support.ts):
 * the popup has no "downloads" permission and saves through a blob: link with `download`
 * (src/popup/browser-platform.ts saveFile), after the background's answer (not in the click's
 * own turn). The profile saves to a folder without asking; the files must land there whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-ff-downloads-'));

beforeAll(async () => {
  ff = await Firefox.launch({
    prefs: {
      'browser.download.dir': dir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
});
afterAll(async () => {
  await ff?.quit();
  rmSync(dir, { recursive: true, force: true });
});

/** The file named `name` (a regexp), once it is in the folder and no longer a .part. */
const landed = (name: RegExp) => waitFor(async () => readdirSync(dir).find((f) => name.test(f) && !readdirSync(dir).some((g) => g === `${f}.part`)), 20_000, `a file ${name} in ${dir}`);

describe('saving files from the popup in Firefox', { timeout: 180_000 }, () => {
  it('the badge’s JSON and the backup land in the downloads folder, whole', async () => {
    await ff.importConformance('dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json');

    await ff.openPopup();
    await ff.click('#badge-row-0');
    await ff.click('button', 'Share');
    await ff.click('button', 'Badge data (JSON)');
    const json = await landed(/\.json$/);
    await waitFor(async () => JSON.parse(readFileSync(path.join(dir, json), 'utf8')).proof !== undefined, 10_000, 'the credential, whole');

    await ff.click('button', 'Settings');
    await ff.click('button', 'Export backup');
    await ff.el('.notice', /.+/);
    const backup = await landed(/backup.*\.json$|\.lanyard/i);
    expect(backup).not.toBe(json);
    await waitFor(async () => {
      try {
        return JSON.stringify(JSON.parse(readFileSync(path.join(dir, backup), 'utf8'))).includes('verisimilitude');
      } catch {
        return false;
      }
    }, 10_000, 'the backup holds the badge');
    expect(await ff.takeErrors()).toEqual([]);
  });
});
