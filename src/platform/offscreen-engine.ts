/**
 * Chromium: the verification engine runs off the service worker, in a dedicated worker of an
 * offscreen document (chrome.offscreen, reason WORKERS), reached over a MessagePort
 * (src/platform/remote-engine/). The worker then never installs or evaluates engine.js: it starts
 * with background.js alone, and the engine's compiled code and caches live, and die, with the
 * offscreen document, which closes IDLE_CLOSE_MS after the last verification (issue 14:
 * `sw_wake_ms`, `sw_heap_mb_1000`). Firefox runs the background as an event page, where the engine
 * is loaded in place (src/platform/engine-loader.ts).
 *
 * The port arrives as a `message` event on the worker's global scope, from the offscreen page
 * only (its client URL is checked); listenForEnginePorts must be called at the worker's top level.
 */
import type { LoadEngine } from '../core/verify/engine.ts';
import { remoteEngine, type RemoteEngine } from './remote-engine/client.ts';
import { ENGINE_CONNECT, ENGINE_PORT, OFFSCREEN_PAGE } from './remote-engine/protocol.ts';

/** The offscreen document closes this long after the last verification ended (the worker idles out at 30 s). */
export const IDLE_CLOSE_MS = 15_000;
/** How long the document has to hand over a port. */
const CONNECT_TIMEOUT_MS = 10_000;

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface WorkerScope {
  addEventListener(type: 'message', listener: (e: MessageEvent & { source: unknown }) => void): void;
  clients: { matchAll(o: { includeUncontrolled: boolean; type: 'window' }): Promise<{ url: string; postMessage(m: unknown): void }[]> };
}
interface ChromeLike {
  offscreen?: OffscreenApi;
  runtime: { getURL(path: string): string };
}

const chromeApi = (): ChromeLike | undefined => (globalThis as { chrome?: ChromeLike }).chrome;
const scope = globalThis as unknown as Partial<WorkerScope>;

/** True in Chromium's service worker (the offscreen API and a worker's clients); false in Firefox and in tests. */
export function offscreenAvailable(): boolean {
  return typeof chromeApi()?.offscreen?.createDocument === 'function' && typeof scope.clients?.matchAll === 'function';
}

const waiting: ((port: MessagePort) => void)[] = [];

/** Call at the worker's top level: ports from the offscreen page go to whoever is waiting for one. */
export function listenForEnginePorts(): void {
  const page = chromeApi()!.runtime.getURL(OFFSCREEN_PAGE);
  scope.addEventListener!('message', (event) => {
    const port = event.ports[0];
    const source = event.source as { url?: unknown } | null;
    if ((event.data as { type?: unknown } | null)?.type !== ENGINE_PORT || !port) return;
    if (source?.url !== page) return port.close();
    const take = waiting.shift();
    if (take) take(port);
    else port.close();
  });
}

function nextPort(): Promise<MessagePort> {
  return new Promise((resolve, reject) => {
    const take = (port: MessagePort) => {
      clearTimeout(timer);
      resolve(port);
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(take) >>> 0, 1);
      reject(new Error('the offscreen document did not hand over its engine'));
    }, CONNECT_TIMEOUT_MS);
    waiting.push(take);
  });
}

export function createOffscreenEngineLoader(): LoadEngine {
  const api = chromeApi()!;
  const page = api.runtime.getURL(OFFSCREEN_PAGE);
  let idle: ReturnType<typeof setTimeout> | undefined;
  let closing: Promise<void> = Promise.resolve();

  const existing = async () => (await scope.clients!.matchAll({ includeUncontrolled: true, type: 'window' })).find((c) => c.url === page);

  async function connect(): Promise<MessagePort> {
    await closing;
    const port = nextPort();
    const doc = await existing();
    if (doc) doc.postMessage({ type: ENGINE_CONNECT });
    else {
      await api.offscreen!.createDocument({ url: OFFSCREEN_PAGE, reasons: ['WORKERS'], justification: 'Verifies badges in a web worker, off the service worker.' }).catch(async (e: unknown) => {
        // Created meanwhile (only one offscreen document may exist): ask that one.
        const raced = await existing();
        if (!raced) throw e;
        raced.postMessage({ type: ENGINE_CONNECT });
      });
    }
    return port;
  }

  const engine: RemoteEngine = remoteEngine({
    connect,
    onBusy: () => clearTimeout(idle),
    onIdle: () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        engine.disconnect('the verification engine was closed');
        closing = api.offscreen!.closeDocument().catch(() => undefined);
      }, IDLE_CLOSE_MS);
    },
  });
  return async () => engine;
}
