/**
 * The offscreen document's dedicated worker (Chromium): it loads engine.js, the same script
 * Firefox's background page loads, and serves it on each port the document hands it (a new one
 * each time the service worker restarted; the previous one is closed). Built as a classic script,
 * offscreen/engine-worker.js (vite.config.ts offscreenEngine).
 */
import { ENGINE_GLOBAL, type Engine } from '../core/verify/engine.ts';
import { serveEngine } from '../platform/remote-engine/host.ts';
import { ENGINE_PORT } from '../platform/remote-engine/protocol.ts';

const scope = globalThis as unknown as { importScripts(...urls: string[]): void; onmessage: ((e: MessageEvent) => void) | null } & Record<string, unknown>;
scope.importScripts('/engine.js');
const engine = scope[ENGINE_GLOBAL] as Engine | undefined;
if (!engine) throw new Error('engine.js did not load');

let current: MessagePort | undefined;
scope.onmessage = (event) => {
  const data = event.data as { type?: unknown } | null;
  const port = event.ports[0];
  if (data?.type !== ENGINE_PORT || !port) return;
  current?.close();
  current = port;
  serveEngine(port, engine);
};
