/**
 * scripts/polyfill-esm.ts: webextension-polyfill imported as an ES module hands back the browser's
 * own namespace itself, without the bundler's CommonJS interop copying (and so reading the
 * descriptor of) every API on it: in Chromium, each read builds that API's bindings at the
 * worker's start (issue 14, sw_wake_ms).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { polyfillAsModule } from '../../scripts/polyfill-esm.ts';

const source = readFileSync(createRequire(import.meta.url).resolve('webextension-polyfill'), 'utf8');
const g = globalThis as Record<string, unknown>;
const dirs: string[] = [];
afterEach(() => {
  delete g.browser;
  delete g.chrome;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function load(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-polyfill-'));
  dirs.push(dir);
  const file = join(dir, 'polyfill.mjs');
  writeFileSync(file, polyfillAsModule(source));
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('webextension-polyfill as an ES module', () => {
  it('gives Chromium’s own `browser` back as is, reading none of its APIs', async () => {
    const reads: string[] = [];
    // A namespace like Chromium's (not a plain object, so the polyfill leaves it alone) that records
    // every enumeration and descriptor read, which is what builds an API's bindings.
    const apis = Object.assign(Object.create({ native: true }) as object, { runtime: { id: 'abcdefghijklmnopabcdefghijklmnop' }, storage: {}, tabs: {} });
    const native = new Proxy(apis, {
      ownKeys: (t) => (reads.push('ownKeys'), Reflect.ownKeys(t)),
      getOwnPropertyDescriptor: (t, k) => (reads.push(`descriptor ${String(k)}`), Reflect.getOwnPropertyDescriptor(t, k)),
    });
    g.chrome = { runtime: { id: 'abcdefghijklmnopabcdefghijklmnop' } };
    g.browser = native;
    expect(await load()).toBe(native);
    expect(reads).toEqual([]);
  });

  it('still wraps `chrome` where the browser has no `browser` of its own', async () => {
    const sent: unknown[] = [];
    g.chrome = {
      runtime: {
        id: 'abcdefghijklmnopabcdefghijklmnop',
        lastError: undefined,
        sendMessage: (message: unknown, reply: (r: unknown) => void) => {
          sent.push(message);
          reply({ ok: true });
        },
      },
    };
    const browser = (await load()) as { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    expect(browser).not.toBe(g.chrome);
    await expect(browser.runtime.sendMessage('ping')).resolves.toEqual({ ok: true });
    expect(sent).toEqual(['ping']);
  });

  it('refuses a polyfill without the UMD branch it relies on', async () => {
    const { polyfillEsm } = await import('../../scripts/polyfill-esm.ts');
    const plugin = polyfillEsm() as unknown as { transform(this: { error(m: string): never }, code: string, id: string): unknown };
    const ctx = { error: (m: string): never => { throw new Error(m); } };
    expect(plugin.transform.call(ctx, 'export default 1', '/x/src/other.js')).toBeNull();
    expect(() => plugin.transform.call(ctx, 'module.exports = {}', '/x/node_modules/webextension-polyfill/dist/browser-polyfill.js')).toThrow(/UMD CommonJS branch/);
    expect(plugin.transform.call(ctx, source, '/x/node_modules/webextension-polyfill/dist/browser-polyfill.js')).toMatchObject({ code: expect.stringContaining('export default __polyfill.exports') });
  });
});
