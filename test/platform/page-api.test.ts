/**
 * platform/page-api.ts: the popup's extension API is the browser's own namespace (`browser` where
 * it is a real one, else `chrome`), read when used; and the popup's first script never reaches
 * webextension-polyfill, whose bundled import builds every API's bindings at the page's start.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageApi, sendPageMessage } from '../../src/platform/page-api.ts';

afterEach(() => vi.unstubAllGlobals());

describe('pageApi', () => {
  it('prefers `browser` when it is an extension namespace', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: 1 }));
    vi.stubGlobal('browser', { runtime: { id: 'x', sendMessage } });
    vi.stubGlobal('chrome', { runtime: { id: 'x', sendMessage: () => Promise.reject(new Error('chrome used')) } });
    await expect(sendPageMessage({ type: 'ping', args: {} })).resolves.toEqual({ ok: true, value: 1 });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'ping', args: {} });
  });

  it('falls back to `chrome` when `browser` is missing or not an extension namespace', () => {
    const chrome = { runtime: { id: 'x' }, i18n: {} };
    vi.stubGlobal('chrome', chrome);
    vi.stubGlobal('browser', undefined);
    expect(pageApi()).toBe(chrome);
    // A page's own `browser` (an element id, a global of a library) has no runtime.id.
    vi.stubGlobal('browser', { runtime: {} });
    expect(pageApi()).toBe(chrome);
  });

  it('throws outside an extension page, and sendPageMessage rejects (createSend makes it ERR_TRANSPORT)', async () => {
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', undefined);
    expect(() => pageApi()).toThrow(/not an extension page/);
    await expect(Promise.resolve().then(() => sendPageMessage({}))).rejects.toThrow(/not an extension page/);
  });
});

describe("the popup's static imports", () => {
  it('never reach webextension-polyfill or platform/browser.ts', () => {
    const root = new URL('../../src/', import.meta.url).pathname;
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      // Static value imports only: `import type` and dynamic import() (lazy screens) load nothing at start.
      for (const m of code.matchAll(/^import\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
        const spec = m[1] as string;
        if (spec.startsWith('.')) visit(normalize(join(dirname(file), spec.replace(/\?.*$/, ''))));
        else packages.add(spec);
      }
    };
    visit(join(root, 'popup/main.tsx'));
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((f) => f.endsWith('platform/browser.ts') || f.endsWith('platform/runtime.ts'))).toEqual([]);
    expect([...packages]).not.toContain('webextension-polyfill');
  });
});
