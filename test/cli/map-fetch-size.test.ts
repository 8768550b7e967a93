/**
 * `--map PREFIX=DIR` serves files with the bound a network answer has (MAX_DOCUMENT_BYTES, 8 MiB):
 * before, a mapped file was read whole (readFile), so a badge naming a large file under a mapped
 * directory held it all in memory, and one past 2 GiB failed to read and answered "HTTP 404" for a
 * file that is there. Now a file over the bound is refused by its size, unread, with the reason.
 */
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapFetch } from '../../src/cli/map-fetch.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/core/verify/fetch-once.ts';

let dir: string;
const sparse = (name: string, size: number) => {
  const fd = openSync(path.join(dir, name), 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lanyard-map-size-'));
  sparse('huge.json', 3 * 1024 ** 3);
  sparse('large.json', MAX_DOCUMENT_BYTES + 1);
  writeFileSync(path.join(dir, 'edge.json'), new Uint8Array(MAX_DOCUMENT_BYTES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a mapped file larger than a fetched document may be', () => {
  const f = () => createMapFetch([{ prefix: 'https://issuer.example/', dir }], { offline: true, timeoutMs: 1000 });

  it('is refused by its size, past 2 GiB too (it answered 404), with the reason', async () => {
    await expect(f()('https://issuer.example/huge.json')).rejects.toThrow(/larger than 8 MiB/);
    await expect(f()('https://issuer.example/large')).rejects.toThrow(/larger than 8 MiB/);
  });

  it('is served up to the bound', async () => {
    const r = await f()('https://issuer.example/edge.json');
    expect(r.status).toBe(200);
    expect((await r.arrayBuffer()).byteLength).toBe(MAX_DOCUMENT_BYTES);
  });
});
