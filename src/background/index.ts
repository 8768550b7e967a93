/**
 * The service worker's entry: wires the platform to the router. Listeners are registered
 * synchronously at start (MV3: a worker woken by an event must have its listener in place);
 * code the worker needs at start is imported statically, since Chromium's workers refuse import();
 * the verification engine and the backpack clients are scripts of their own, imported on first use
 * (platform/engine-loader.ts, ./backpack-loader.ts).
 * Start is cheap: the database starts opening at the first line (./db-at-start.ts, imported first),
 * the services are built on the first message or alarm, and module variables hold nothing but that cache.
 */
// First: the database opens while the rest of this script evaluates.
import { localStore, takeDb } from './db-at-start.ts';
import { createAlarms } from '../platform/alarms.ts';
import { createIdentity } from '../platform/identity.ts';
import { keepAlive } from '../platform/keepalive.ts';
import { createHostPermissions, type HostPermissions } from '../platform/permissions.ts';
import { createRuntime } from '../platform/runtime.ts';
import { createSessionStore, restrictSessionAccess } from '../platform/session.ts';
import { syncHoverScript } from '../platform/hover-script.ts';
import { executeScriptApi, onHostPermissionsChanged, scriptingApi } from '../platform/content-scripts.ts';
import { dnsResolver } from '../platform/dns.ts';
import type { App } from './handlers.ts';
import { contentHandlers, popupHandlers } from './handlers.ts';
import { createRouter } from './router.ts';
import { syncAlarm } from './sync-alarm.ts';
import { createContentUi } from './services/content-ui.ts';
import { createPickerGate } from './services/picker-gate.ts';
import { dropLegacyAllSites } from './services/hover-sites.ts';
import browser from '../platform/browser.ts';
import { buildApp } from './wiring.ts';
import { createEngineLoader, preloadEngineAtInstall } from '../platform/engine-loader.ts';
import { createBackpackLoader, preloadBackpackAtInstall } from './backpack-loader.ts';

// The engine is its own script, loaded on the first verification; a worker may import it later
// only if it imported it while installing (platform/engine-loader.ts).
preloadEngineAtInstall();
const engine = createEngineLoader();
// The backpack clients likewise, loaded on the first sign-in, sync or token refresh (services/backpack-kit.ts).
preloadBackpackAtInstall();
const backpack = createBackpackLoader();

const runtime = createRuntime();
const alarms = createAlarms();
// Made on first use (its permission listeners too), shared by the services and the pickers' gate.
let permissions: HostPermissions | undefined;
const hostPermissions = (): HostPermissions => (permissions ??= createHostPermissions());

let app: Promise<App> | undefined;
function getApp(): Promise<App> {
  app ??= buildApp({
    version: runtime.version,
    alarms,
    session: createSessionStore(),
    identity: createIdentity(),
    permissions: hostPermissions(),
    local: localStore,
    fetch: (url, init) => fetch(url, init),
    engine,
    backpack,
    keepAlive,
    // A connection the browser closed is dropped, and the next use opens a new one.
    openDb: () => takeDb(() => (app = undefined)),
    onSettingsChanged: () => void updateHoverScript(),
    onHoverSitesChanged: () => void updateHoverScript(),
    ...(dnsResolver() ? { resolve: dnsResolver() } : {}),
  }).catch((e: unknown) => {
    app = undefined;
    throw e;
  });
  return app;
}

const services = { version: runtime.version, app: getApp, contentUi: createContentUi(executeScriptApi()) };
runtime.onMessage(
  createRouter({
    extensionId: runtime.id,
    extensionOrigin: runtime.origin,
    handlers: { popup: popupHandlers(services), content: contentHandlers(services) },
    // Every picker/* message: while the site is still granted, at a person's pace (services/picker-gate.ts).
    contentGate: createPickerGate({ siteGranted: (url) => hostPermissions().contains(url) }),
  }),
);

// The periodic sync and each account's retry, both only once the retry time a failed run set has come (./sync-alarm.ts).
alarms.onAlarm((name) => {
  void syncAlarm(name, async () => (await getApp()).sync)?.catch((e: unknown) => console.error('[lanyard] background sync failed', e));
});

/**
 * Hover verification's content script runs only on granted hosts, once the user turned it on
 * (src/platform/hover-script.ts; pure, so the background may use it). Without the "scripting"
 * permission in the manifest there is nothing to register.
 */
async function updateHoverScript(): Promise<void> {
  const api = scriptingApi();
  if (!api) return;
  try {
    const a = await getApp();
    await syncHoverScript(api, (await a.settings.get()).hoverVerify, (await a.hoverSites.list()).map((s) => s.pattern));
  } catch (e) {
    console.error('[lanyard] could not update the hover script', e);
  }
}
onHostPermissionsChanged(() => void updateHoverScript());

/** Install, update (an unpacked extension: every launch) and browser start: the sync alarm, the hover script. */
const startup = (): void => {
  void getApp()
    .then((a) => a.settings.ensureAlarm())
    .catch((e: unknown) => console.error('[lanyard] startup failed', e));
  void dropLegacyAllSites(localStore, async () => (await browser.permissions.getAll?.())?.origins ?? [], (origins) => browser.permissions.remove({ origins }))
    .catch((e: unknown) => console.error('[lanyard] could not take back the all-sites grant', e))
    .finally(() => void updateHoverScript());
};
runtime.onInstalled(startup);
runtime.onStartup(startup);

// Tokens live in storage.session: keep it out of content scripts' reach (set at every start; cheap).
restrictSessionAccess().catch((e: unknown) => console.error('[lanyard] could not restrict storage.session', e));
