/**
 * The offscreen document (Chromium, chrome.offscreen reason WORKERS): it starts the engine's
 * dedicated worker and hands the service worker a MessagePort to it, at load and whenever the
 * service worker asks again (after a restart). It does nothing else: badge data never passes
 * through this page, only the port. See src/platform/offscreen-engine.ts.
 */
import { ENGINE_CONNECT, ENGINE_PORT } from '../platform/remote-engine/protocol.ts';

const worker = new Worker(new URL('engine-worker.js', location.href));

async function offer(): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ type: ENGINE_PORT }, [port1]);
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ type: ENGINE_PORT }, [port2]);
}

// Only the extension's own service worker can post to this page's navigator.serviceWorker.
navigator.serviceWorker.onmessage = (event) => {
  if ((event.data as { type?: unknown } | null)?.type === ENGINE_CONNECT) void offer();
};
void offer();
