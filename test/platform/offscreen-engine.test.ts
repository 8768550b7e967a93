/**
 * src/platform/offscreen-engine.ts with the browser faked: the offscreen document is created on the
 * first verification, asked for a new port when it already exists (a restarted worker), taken only
 * from the offscreen page's own URL, and closed IDLE_CLOSE_MS after the last verification. The real
 * thing runs in test/browser/engine-worker.test.ts.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verify } from '../../src/core/verify/pipeline.ts';
import { serveEngine } from '../../src/platform/remote-engine/host.ts';
import { ENGINE_CONNECT, ENGINE_PORT, OFFSCREEN_PAGE } from '../../src/platform/remote-engine/protocol.ts';

const ORIGIN = 'chrome-extension://abc/';
type Listener = (e: { data: unknown; ports: unknown[]; source: unknown }) => void;

/** A fake Chromium: the worker's scope, chrome.offscreen and the page, which serves the real engine over a real channel. */
function fakeBrowser() {
  const listeners: Listener[] = [];
  const log: string[] = [];
  let open = false;
  let pageUrl = `${ORIGIN}${OFFSCREEN_PAGE}`;
  const ports: { close(): void }[] = [];
  /** The page handing a port to the worker (what src/offscreen/engine-page.ts does). */
  const offer = () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    let handler: ((e: MessageEvent) => void) | null = null;
    port2.on('message', (data: unknown) => handler?.({ data } as MessageEvent));
    serveEngine({ postMessage: (m) => port2.postMessage(m), get onmessage() { return handler; }, set onmessage(h) { handler = h; } }, { verify });
    // The worker's side: a browser MessagePort has onmessage; adapt Node's.
    let h2: ((e: MessageEvent) => void) | null = null;
    port1.on('message', (data: unknown) => h2?.({ data } as MessageEvent));
    const browserPort = { postMessage: (m: unknown) => port1.postMessage(m), close: () => port1.close(), get onmessage() { return h2; }, set onmessage(h) { h2 = h; } };
    setTimeout(() => listeners.forEach((l) => l({ data: { type: ENGINE_PORT }, ports: [browserPort], source: { url: pageUrl } })), 1);
  };
  const chrome = {
    runtime: { getURL: (p: string) => `${ORIGIN}${p}` },
    offscreen: {
      async createDocument(p: { url: string; reasons: string[] }) {
        log.push(`create ${p.url} ${p.reasons.join()}`);
        if (open) throw new Error('Only a single offscreen document may be created.');
        open = true;
        offer();
      },
      async closeDocument() {
        log.push('close');
        open = false;
      },
    },
  };
  const clients = {
    async matchAll() {
      return open ? [{ url: pageUrl, postMessage: (m: { type: string }) => (log.push(`ask ${m.type}`), m.type === ENGINE_CONNECT && offer()) }] : [];
    },
  };
  return {
    install() {
      vi.stubGlobal('chrome', chrome);
      vi.stubGlobal('clients', clients);
      vi.stubGlobal('addEventListener', (type: string, l: Listener) => type === 'message' && listeners.push(l));
    },
    log,
    setOpen: (v: boolean) => (open = v),
    setPageUrl: (u: string) => (pageUrl = u),
    /** A message as from another client of the extension's origin. */
    post: (url: string) => {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      let closed = false;
      const port = { close: () => (closed = true), postMessage: () => undefined, onmessage: null };
      listeners.forEach((l) => l({ data: { type: ENGINE_PORT }, ports: [port], source: { url } }));
      return () => closed;
    },
    cleanup: () => ports.forEach((p) => p.close()),
  };
}

let browser: ReturnType<typeof fakeBrowser>;
beforeEach(() => {
  vi.resetModules();
  browser = fakeBrowser();
  browser.install();
});
afterEach(() => {
  browser.cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function load() {
  const m = await import('../../src/platform/offscreen-engine.ts');
  expect(m.offscreenAvailable()).toBe(true);
  m.listenForEnginePorts();
  return { engine: await m.createOffscreenEngineLoader()(), IDLE_CLOSE_MS: m.IDLE_CLOSE_MS };
}

describe('the offscreen engine', () => {
  it('creates the document on the first verification (reason WORKERS) and verifies through it', async () => {
    const { engine } = await load();
    expect(browser.log).toEqual([]);
    const r = await engine.verify('{"@context":"https://w3id.org/openbadges/v2"}', { now: new Date('2026-01-01') });
    expect(r).toEqual(await verify('{"@context":"https://w3id.org/openbadges/v2"}', { now: new Date('2026-01-01') }));
    expect(browser.log).toEqual([`create ${OFFSCREEN_PAGE} WORKERS`]);
    expect(engine.mirrorsFacts).toBe(true);
  });

  it('asks an existing document (the worker restarted) for a new port instead of creating one', async () => {
    browser.setOpen(true);
    const { engine } = await load();
    expect((await engine.verify('{}', { now: new Date() })).verdict).toBe('invalid');
    expect(browser.log).toEqual([`ask ${ENGINE_CONNECT}`]);
  });

  it('takes no port from another page of the extension, and closes it', async () => {
    await load();
    const closed = browser.post(`${ORIGIN}src/popup/index.html`);
    expect(closed()).toBe(true);
  });

  it('reports a document that hands over no port', async () => {
    browser.setPageUrl(`${ORIGIN}elsewhere.html`); // its ports are refused
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { engine } = await load();
    const p = engine.verify('{}', { now: new Date() });
    const failed = expect(p).rejects.toThrow('The verification engine could not start: the offscreen document did not hand over its engine');
    await vi.advanceTimersByTimeAsync(10_001);
    await failed;
  });

  it('closes the document IDLE_CLOSE_MS after the last verification, and opens it again for the next', async () => {
    const { engine, IDLE_CLOSE_MS } = await load();
    await engine.verify('{}', { now: new Date() });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await engine.verify('{}', { now: new Date() });
    await vi.advanceTimersByTimeAsync(IDLE_CLOSE_MS - 10);
    expect(browser.log).not.toContain('close');
    await vi.advanceTimersByTimeAsync(20);
    expect(browser.log).toContain('close');
    vi.useRealTimers();
    expect((await engine.verify('{}', { now: new Date() })).verdict).toBe('invalid');
    expect(browser.log.filter((l) => l.startsWith('create'))).toHaveLength(2);
  });
});
