/**
 * A file picked again is read again. Chromium fires no change event when a file input is given the
 * same pick it holds, so after a refused file was fixed (or a failure passed) and picked once more,
 * "Choose files…" did nothing at all: the import's file input kept its last pick. Over the real
 * background, with a file whose name stays and whose content changes between the two picks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup } from './popup-helpers.ts';

const OB3 = resolve(import.meta.dirname, '../fixtures/conformance/ob30/simple-did-key-method.json');
let ext: Launched;
let dir: string;

beforeAll(async () => {
  ext = await launchExtension();
  dir = mkdtempSync(join(tmpdir(), 'lanyard-pick-'));
});
afterAll(async () => {
  await ext?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('picking the same file again', () => {
  it('a file refused, fixed and picked again is imported', async () => {
    const { page, errors } = await openPopup(ext);
    await page.getByRole('button', { name: /Just this browser/ }).click();
    const file = join(dir, 'badge.json');
    writeFileSync(file, '"not a badge"');
    const input = page.locator('input[type="file"]');
    await input.setInputFiles(file);
    await page.getByRole('alert').getByText('badge.json: That is not a badge Lanyard can read', { exact: false }).waitFor();
    writeFileSync(file, readFileSync(OB3));
    await input.setInputFiles(file);
    await page.getByRole('heading', { level: 2, name: 'test 1' }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
