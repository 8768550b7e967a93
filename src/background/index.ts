/**
 * The service worker's entry: wires the platform to the router. Listeners are registered
 * synchronously at start (MV3: a worker woken by an event must have its listener in place);
 * code the worker needs is imported statically, since Chromium's workers refuse import().
 */
import { createRuntime } from '../platform/runtime.ts';
import { contentHandlers, popupHandlers, type Services } from './handlers.ts';
import { createRouter } from './router.ts';

const runtime = createRuntime();
const services: Services = { version: runtime.version };

const route = createRouter({
  extensionId: runtime.id,
  extensionOrigin: runtime.origin,
  handlers: { popup: popupHandlers(services), content: contentHandlers(services) },
});

runtime.onMessage(route);
