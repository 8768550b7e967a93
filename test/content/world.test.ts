// @vitest-environment jsdom
/**
 * DOM clobbering (src/content/world.ts). In Chromium's isolated worlds a page's `<div id="x">`
 * shows up as `globalThis.x` (named access on the Window, measured in Chromium 156: see
 * test/browser/hostile-page.test.ts). jsdom has no named access, so these tests put page elements
 * where Chromium has them: on the global's prototype chain, not on the global itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installRuntime, type FakeRuntime } from './support/runtime.ts';

const clobbered: string[] = [];
/** What `<form id="name"><input name="child"></form>` gives a script that reads `globalThis.name`. */
function clobber(name: string, child?: string): HTMLElement {
  const form = document.createElement('form');
  form.id = name;
  if (child) form.append(Object.assign(document.createElement('input'), { name: child }));
  document.body.append(form);
  const named = child ? Object.assign(form, { [child]: form.querySelector('input') }) : form;
  Object.defineProperty(Object.getPrototypeOf(globalThis), name, { value: named, configurable: true, writable: true });
  clobbered.push(name);
  return form;
}

let rt: FakeRuntime | undefined;
beforeEach(() => {
  vi.resetModules();
  delete (globalThis as Record<string, unknown>).__lanyardUi;
  delete (globalThis as Record<string, unknown>).__lanyardHover;
});
afterEach(() => {
  for (const name of clobbered.splice(0)) delete (Object.getPrototypeOf(globalThis) as Record<string, unknown>)[name];
  document.body.replaceChildren();
  rt?.restore();
  rt = undefined;
  vi.doUnmock('../../src/content/features/hover-verify.ts');
});

describe('a page cannot clobber what the content scripts read', () => {
  it('<form id="browser"><input name="runtime"> does not stand in for the extension runtime', async () => {
    clobber('browser', 'runtime');
    rt = installRuntime({ 'picker/list': () => [] });
    const { ask } = await import('../../src/content/messages.ts');
    expect(await ask('picker/list', { query: '' })).toEqual({ ok: true, value: [] });
    expect(rt.sent).toEqual([{ type: 'picker/list', args: { query: '' } }]);
  });

  it('<form id="__lanyardUi"><input name="mail"> is not the picker: the button still loads and opens it', async () => {
    clobber('__lanyardUi', 'mail');
    rt = installRuntime();
    const od = await import('../../src/content/on-demand.ts');
    const api = await import('../../src/content/ui-api.ts');
    expect(api.loadedUis()).toEqual({});
    const used: unknown[] = [];
    await od.withUi('mail', new AbortController().signal, (ui) => used.push(ui));
    expect(rt.sent).toEqual([{ type: 'picker/ui', args: {} }]);
    expect(used).toHaveLength(1);
    expect(typeof (used[0] as { insertCard?: unknown }).insertCard).toBe('function');
  });

  it('<div id="__lanyardHover"> does not switch verify-on-hover off for the page', async () => {
    clobber('__lanyardHover');
    const init = vi.fn();
    vi.doMock('../../src/content/features/hover-verify.ts', () => ({ initHoverVerify: init }));
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    await import('../../src/content/hover.ts');
    expect(init).toHaveBeenCalledTimes(1);
    // Our own flag still keeps a second registration from starting it twice.
    vi.resetModules();
    await import('../../src/content/hover.ts');
    expect(init).toHaveBeenCalledTimes(1);
  });
});

describe('extensionRuntime', () => {
  it('takes the first namespace whose runtime can send, and nothing that cannot', async () => {
    const { extensionRuntime } = await import('../../src/content/world.ts');
    const g = globalThis as { browser?: unknown; chrome?: unknown };
    const before = { browser: g.browser, chrome: g.chrome };
    try {
      const send = async () => 'x';
      g.browser = { runtime: { sendMessage: send } };
      g.chrome = { runtime: { sendMessage: async () => 'y' } };
      expect(extensionRuntime()?.sendMessage).toBe(send);
      g.browser = { runtime: document.createElement('input') };
      g.chrome = undefined;
      expect(extensionRuntime()).toBeUndefined();
    } finally {
      Object.assign(g, before);
    }
  });

  it('<form id="exportFunction"> does not make Chromium’s world pass for Firefox’s sandbox (the card’s paste stays offered)', async () => {
    const { isFirefoxSandbox } = await import('../../src/content/world.ts');
    clobber('exportFunction');
    expect(isFirefoxSandbox()).toBe(false);
    const g = globalThis as { exportFunction?: unknown };
    g.exportFunction = () => undefined; // Firefox defines it on the content script's own global
    try {
      expect(isFirefoxSandbox()).toBe(true);
    } finally {
      delete g.exportFunction;
    }
  });
});
