/**
 * "Add a badge" cancelled in the built extension (Chromium) while the pasted link's host holds its answer:
 * the Cancel ends the reply at once and closes the request itself (the worker's fetch aborted through its
 * AbortSignal: the test backpack sees the connection close while it holds the request), and nothing is
 * added, even once the host would have answered. The unit test of the same is
 * test/background/import-cancel-aborts-fetch.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { launchExtension, type Launched } from './launch.ts';
import { call, extensionPage, grantHosts, send } from './support/extension.ts';

let bp: Backpack;
let ext: Launched;
beforeAll(async () => {
  bp = await startBackpack({ port: 0, badges: 1 });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
});
afterAll(async () => {
  await ext?.close();
  await bp?.close();
});

describe('Cancel of an import whose link does not answer (Chromium)', () => {
  it('aborts the fetch at the host, replies cancelled at once, and adds nothing', async () => {
    const page = await extensionPage(ext);
    const path = '/public/assertions/ada-programmer';
    const { arrived, release } = bp.control.holdNext(path);
    try {
      const imported = send(page, 'badges/import', { source: { kind: 'text', text: `${bp.baseUrl}${path}` }, attempt: 'browser-slow-1' });
      await expect.poll(() => arrived(), { timeout: 15_000 }).toBe(true);
      const started = Date.now();
      expect(await call(page, 'badges/import-cancel', { attempt: 'browser-slow-1' })).toEqual({ cancelled: true });
      expect(await imported).toMatchObject({ ok: false, error: { code: 'ERR_CANCELLED' } });
      expect(Date.now() - started).toBeLessThan(2000);
      await expect.poll(() => bp.control.abandoned.includes(path), { timeout: 5000 }).toBe(true);
      release();
      await new Promise((r) => setTimeout(r, 300));
      expect(await call<unknown[]>(page, 'badges/list', {})).toEqual([]);
    } finally {
      release();
      bp.control.clearFaults();
      await page.close();
    }
  });
});
