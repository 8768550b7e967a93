/**
 * "Add a badge" cancelled in Firefox (the built add-on, its event page) while the pasted link's host holds
 * its answer: the reply says cancelled, the event page's fetch is aborted (the test backpack sees the
 * connection close while it holds the request), and nothing is added. Chromium's is
 * test/browser/import-cancel-fetch.test.ts. Marionette runs one script at a time: a first script sends the
 * import and leaves its reply in the page's DOM; once the backpack holds the request, the Cancel; a last
 * script reads the import's reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let bp: Backpack;
beforeAll(async () => {
  bp = await startBackpack({ port: 0, badges: 1 });
  ff = await Firefox.launch();
  await ff.grantHosts(['http://127.0.0.1/*']);
});
afterAll(async () => {
  await ff?.quit();
  await bp?.close();
});

describe('Cancel of an import whose link does not answer (Firefox)', { timeout: 120_000 }, () => {
  it('aborts the fetch at the host, replies cancelled, and adds nothing', async () => {
    await ff.openPopup();
    const path = '/public/assertions/ada-programmer';
    const { arrived, release } = bp.control.holdNext(path);
    try {
      // Started without waiting for its reply, kept on the page for the next script.
      await ff.run((link: string) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        // Each script runs in its own sandbox over the page: the reply is left in the page's DOM.
        void api.runtime.sendMessage({ type: 'badges/import', args: { source: { kind: 'text', text: link }, attempt: 'ff-slow-1' } }).then((r) => (document.documentElement.dataset.imported = JSON.stringify(r)));
        return true;
      }, `${bp.baseUrl}${path}`);
      await waitFor(async () => arrived(), 15_000, 'the backpack holds the request');
      expect(await ff.call('badges/import-cancel', { attempt: 'ff-slow-1' })).toEqual({ cancelled: true });
      const reply = JSON.parse(await ff.waitIn(() => document.documentElement.dataset.imported ?? null, [], 5000, 'the import replied'));
      expect(reply).toMatchObject({ ok: false, error: { code: 'ERR_CANCELLED' } });
      await waitFor(async () => bp.control.abandoned.includes(path), 5000, 'the connection closed at the backpack');
      release();
      await new Promise((r) => setTimeout(r, 300));
      expect(await ff.call<unknown[]>('badges/list', {})).toEqual([]);
    } finally {
      release();
      bp.control.clearFaults();
    }
  });
});
