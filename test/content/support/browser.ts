/// <reference types="chrome" />
/**
 * Helpers for the content-script browser tests (test/browser/content-*.test.ts): pages served at
 * their real URLs, badges imported into the built extension, optional host permissions granted,
 * and access to Lanyard's closed shadow roots through the DevTools protocol (page scripts, and so
 * Playwright's locators, cannot reach into them).
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Launched } from '../../browser/launch.ts';

/** Serves `html` for every URL matching `glob` (a site's pages at their real URLs); records the URLs asked for. */
export async function serve(context: BrowserContext, glob: string, html: (url: URL) => string | null): Promise<string[]> {
  const seen: string[] = [];
  await context.route(glob, async (route) => {
    const url = new URL(route.request().url());
    seen.push(url.href);
    const body = html(url);
    if (body === null) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
  });
  return seen;
}

/** Opens an extension page to speak the popup's protocol (import, settings). */
export async function extensionPage(ext: Launched): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
  return page;
}

export async function popupSend(ext: Launched, type: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const page = await extensionPage(ext);
  try {
    return await page.evaluate(([type, args]) => chrome.runtime.sendMessage({ type, args }), [type, args] as const);
  } finally {
    await page.close();
  }
}

/** Imports a badge (a URL, JSON or JWS) into the local backpack; throws with the background's error. */
export async function importBadge(ext: Launched, text: string): Promise<{ key: string; name: string; verdict: string }> {
  const r = await popupSend(ext, 'badges/import', { source: { kind: 'text', text } });
  if (!r.ok) throw new Error(`badges/import failed: ${r.error?.code} ${r.error?.message}`);
  return r.value as { key: string; name: string; verdict: string };
}

/**
 * Grants optional host permissions without the browser's dialog (which no test can click), as in
 * shared/reference/extension-testing.md: chrome.developerPrivate from chrome://extensions.
 */
export async function grantHosts(ext: Launched, patterns: string[]): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome://extensions/?id=${ext.extensionId}`);
  await page.waitForSelector('extensions-detail-view');
  for (const pattern of patterns) {
    await page.evaluate(([id, p]) => (chrome as unknown as { developerPrivate: { addHostPermission(id: string, p: string): Promise<void> } }).developerPrivate.addHostPermission(id, p), [ext.extensionId, pattern] as const);
  }
  await page.close();
  // The extension's own request now resolves without a dialog, and permissions.onAdded fires.
  const own = await extensionPage(ext);
  const granted = await own.evaluate((origins) => chrome.permissions.request({ origins }), patterns);
  await own.close();
  if (!granted) throw new Error(`permissions.request(${patterns.join(', ')}) was refused`);
}

interface CdpNode {
  nodeName: string;
  attributes?: string[];
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function* walk(n: CdpNode): Generator<CdpNode> {
  yield n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) yield* walk(c);
}

/**
 * Runs `fn(root, arg)` in the page on the closed shadow root of the `nth` Lanyard host of `kind`
 * (button kinds, 'picker', 'hover-card'); its result must be JSON. Throws when there is no such host.
 */
export async function inShadow<A, T>(page: Page, kind: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A, nth = 0): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const hosts = [...walk(root)].filter((n) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-lanyard' && a[i + 1] === kind) return true;
      return false;
    });
    const shadow = hosts[nth]?.shadowRoots?.[0];
    if (!shadow) throw new Error(`no Lanyard ${kind} host #${nth} with a shadow root (found ${hosts.length} hosts)`);
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const r = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(`inShadow: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}

/** Clicks (with the mouse, as a person would) the element matching `selector` in a Lanyard shadow root. */
export async function clickInShadow(page: Page, kind: string, selector: string, nth = 0): Promise<void> {
  // The picker acts only once it has been shown, unmoved and uncovered, for a while (src/content/ui/armed.ts): a person reads first.
  if (kind === 'picker') await waitFor(() => inShadow(page, kind, (root) => root.querySelector('[role=dialog][data-armed]') !== null, null, nth).catch(() => false));
  const at = await waitFor(() =>
    inShadow(page, kind, (root, sel) => {
      const el = root.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    }, selector, nth).catch(() => null),
  );
  await page.mouse.click(at.x, at.y);
}

/** Clicks the `nth` Lanyard button of `kind` (the host's own box is the button). */
export async function clickButton(page: Page, kind: string, nth = 0): Promise<void> {
  await clickInShadow(page, kind, 'button', nth);
}

/** The picker's options' labels, once it has some. */
export async function pickerOptions(page: Page): Promise<string[]> {
  return waitFor(async () => {
    const labels = await inShadow(page, 'picker', (root) => [...root.querySelectorAll('li[role=option]')].map((li) => li.getAttribute('aria-label') ?? '')).catch(() => []);
    return labels.length ? labels : null;
  });
}

/** Picks the picker's option whose label starts with `name`. */
export async function pick(page: Page, name: string): Promise<void> {
  const labels = await pickerOptions(page);
  const i = labels.findIndex((l) => l.startsWith(name));
  if (i < 0) throw new Error(`no badge "${name}" in the picker: ${JSON.stringify(labels)}`);
  await clickInShadow(page, 'picker', `li[data-i="${i}"]`);
}

/** Polls `fn` until it returns something other than null/undefined/false. */
export async function waitFor<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== null && v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`waitFor: timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Puts the caret in the page (main world) after the text `after` inside `selector`. */
export async function caretAfter(page: Page, selector: string, after: string): Promise<void> {
  await page.evaluate(([sel, text]) => {
    const root = document.querySelector(sel)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text);
      if (i < 0) continue;
      (root as HTMLElement).focus();
      const r = document.createRange();
      r.setStart(n, i + text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return;
    }
    throw new Error(`no text ${text} in ${sel}`);
  }, [selector, after] as const);
}
