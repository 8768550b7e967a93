/// <reference types="chrome" />
/**
 * Shared helpers for browser tests of the built extension: speak the popup's protocol from an
 * extension page, grant optional host permissions (chrome.developerPrivate from chrome://extensions,
 * as shared/reference/extension-testing.md describes: the one place that private API is used),
 * reach the current service worker, stop it through the DevTools protocol, read IndexedDB and
 * storage inside it, and run code in a content script's isolated world.
 */
import type { Page, Worker } from 'playwright-core';
import type { Launched } from '../launch.ts';

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** An extension page (the popup's URL, opened as a tab) that stays open to send messages from. */
export async function extensionPage(ext: Launched): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
  return page;
}

/** Sends one popup message from `page`; resolves with the background's reply. */
export function send<T = unknown>(page: Page, type: string, args: unknown): Promise<Reply<T>> {
  return page.evaluate(([type, args]) => chrome.runtime.sendMessage({ type, args }), [type, args] as const) as Promise<Reply<T>>;
}

/** Like send, but throws with the background's error code and message. */
export async function call<T = unknown>(page: Page, type: string, args: unknown): Promise<T> {
  const r = await send<T>(page, type, args);
  if (!r.ok) throw new Error(`${type} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Grants host patterns without a dialog, then lets the extension's own request resolve (permissions.onAdded fires). */
export async function grantHosts(ext: Launched, patterns: string[]): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome://extensions/?id=${ext.extensionId}`);
  await page.waitForSelector('extensions-detail-view');
  for (const p of patterns) {
    await page.evaluate(([id, pattern]) => (chrome as unknown as { developerPrivate: { addHostPermission(id: string, p: string): Promise<void> } }).developerPrivate.addHostPermission(id, pattern), [ext.extensionId, p] as const);
  }
  await page.close();
  const own = await extensionPage(ext);
  const granted = await own.evaluate((origins) => chrome.permissions.request({ origins }), patterns);
  await own.close();
  if (!granted) throw new Error(`permissions.request(${patterns.join(', ')}) was refused`);
}

/** The extension's running service worker (after a restart, the new one). */
export async function currentWorker(ext: Launched, timeout = 15_000): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith(ext.origin);
  return ext.context.serviceWorkers().find(isOurs) ?? (await ext.context.waitForEvent('serviceworker', { predicate: isOurs, timeout }));
}

/**
 * Stops the extension's service worker through the DevTools protocol (ServiceWorker.stopAllWorkers:
 * what Chromium does to an idle or killed worker) and waits until Chromium reports it stopped.
 * Playwright keeps the same Worker handle, which then talks to the next instance; `workerInstance`
 * tells instances apart.
 */
export async function stopWorkers(ext: Launched): Promise<void> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(ext.origin)) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await waitFor(async () => status.size > 0 && [...status.values()].every((s) => s === 'stopped'), 10_000, 20);
  await cdp.detach();
}

/** A mark in the worker's global scope: a new instance of the worker has none. */
export function workerInstance(worker: Worker, mark?: string): Promise<string | undefined> {
  return worker.evaluate((m) => {
    const g = self as unknown as { __lanyardTestMark?: string };
    if (m) g.__lanyardTestMark = m;
    return g.__lanyardTestMark;
  }, mark);
}

/** Every record of an IndexedDB store of the extension, read inside the service worker. */
export function readStore<T = Record<string, unknown>>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('lanyard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) return resolve([]), db.close();
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => (resolve(req.result as T[]), db.close());
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Polls `check` until it returns a value other than undefined/false. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`waitFor: timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Runs `expression` (an async IIFE returning JSON) in this extension's content-script world of
 * `page`: the isolated world Chromium creates for the extension's content scripts, found through
 * the DevTools protocol (Runtime.executionContextCreated, auxData.type "isolated").
 */
export async function inContentScript<T>(ext: Launched, page: Page, expression: string): Promise<T> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ctx = await waitFor(async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith(ext.origin.replace(/\/$/, ''))), 10_000);
  const r = (await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true })) as { result: { value: T }; exceptionDetails?: unknown };
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(`content-script evaluation failed: ${JSON.stringify(r.exceptionDetails)}`);
  return r.result.value;
}

/**
 * Signs in by the OB 3.0 flow (the sign-in starts the first sync): the consent page the test
 * backpack opens in its own window, filled as the user would. Resolves with the account.
 */
export async function signInOb3(ext: Launched, page: Page, baseUrl: string, who: { username: string; password: string }): Promise<{ id: string }> {
  const authWindow = ext.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${baseUrl}/oauth/authorize`), timeout: 30_000 });
  const signIn = call<{ id: string }>(page, 'accounts/sign-in', { kind: 'ob3', baseUrl });
  const auth = await authWindow;
  await auth.waitForSelector('#username');
  await auth.fill('#username', who.username);
  await auth.fill('#password', who.password);
  await auth.click('#allow');
  return signIn;
}
