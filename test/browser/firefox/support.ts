/**
 * Driving the built add-on in Firefox (firefox-esr, dist/firefox) through Marionette: open its pages
 * as tabs, run code in them, find and click elements as WebDriver does, grant hosts without a
 * prompt, collect errors, run axe-core, take screenshots (test-results/firefox/, git-ignored).
 *
 * WHAT THE FIREFOX TESTS COVER (test/browser/firefox-*.test.ts), all against the real built add-on
 * installed as a temporary add-on in a fresh profile:
 *  - firefox-popup: the popup page (moz-extension://<uuid>/src/popup/index.html, opened as a tab,
 *    the body at its 380×560 size) over the real background page (first run) and every preview
 *    screen (list, filters, badge, share, welcome, sign-in error, empty, error, accounts,
 *    addresses, settings, import, French, dark scheme), the page at ?open=import (the tab the
 *    toolbar panel opens to pick files) importing a file, and the list's focus ring once arrows
 *    move in a list focused after a click: no script error or console.error from any
 *    moz-extension:// page, and no serious/critical axe-core violation; screenshots of each.
 *  - firefox-backpack: host access granted through ExtensionPermissions (what the user's "Allow"
 *    does), sign-in to the test backpack (127.0.0.1) with the Badgr password form in the popup
 *    (wrong then right password), the synced list in the popup, and OB 3.0 OAuth through Firefox's
 *    own identity.launchWebAuthFlow: the test finds the authorization window among Marionette's
 *    window handles, checks redirect_uri is identity.getRedirectURL() (https://<hash>.extensions.allizom.org/…),
 *    fills and submits the test server's form there; then sync and the badges' verdicts.
 *  - firefox-engine: Data Integrity (eddsa-rdfc-2022, Ed25519Signature2020) and a tampered copy
 *    imported through badges/import and verified in Firefox's background page (an event page, not
 *    a service worker), offline.
 *  - firefox-content: the LinkedIn fixture pages (own profile, certification form, post composer)
 *    and the Gmail pages (the real 2020 compose markup, two composes + reply) at their real https
 *    URLs, through a local intercepting HTTPS proxy (proxy.ts) set in the profile's proxy prefs,
 *    with acceptInsecureCerts; the buttons appear, a badge is picked and lands (profile URL, form
 *    values, text at the caret, the card in the mail body); and verify-on-hover on an ordinary
 *    https page after the host grant (card with ✓ / ✕ verdicts).
 *  - firefox-picker-clickjacking: the real 2020 Gmail compose whose page shows a see-through popover in a
 *    closed shadow root of its own over the open picker (once, and again every frame): a person's click
 *    under it picks nothing, the picker is raised above it (screenshot) and takes the next click, and a
 *    page that keeps showing it again closes the picker; a view transition drawing the page's picture over it picks
 *    nothing until it ends (attack35); clicks and keys the page makes up (isTrusted false) pick nothing.
 *  - firefox-focus-steal: the real 2020 Gmail compose whose page focuses "Add badge" at each key typed in
 *    the message: the user's Enter and Space open nothing; their own Tab and Enter open the picker (attack39).
 *  - firefox-hover-top-layer: the hover card on an https page whose script shows a see-through popover in
 *    a closed shadow root of its own after the card: the card's box is painted as the card (screenshot pixels).
 *  - firefox-view-transition: the hover card on an https page that starts a view transition drawing its own
 *    look-alike above the top layer: no verdict while it runs, the verdict once it ends (attack35).
 *  - firefox-clipboard: "Copy text" and "Copy for e-mail" on the share screen of the real popup, read
 *    back from the parent's clipboard (text/plain, and the card as text/html).
 *  - firefox-download: a badge's JSON (share screen) and the backup export (Settings) saved through
 *    the popup's blob: links, read back whole from the profile's downloads folder.
 *  - firefox-event-page: the background page stopped as its idle timer would (terminateBackground),
 *    then woken by the popup's messages, answering from what it kept, with no error.
 *  - firefox-slow-sign-in: with a 2 s idle time, the background page idles out, is woken by an
 *    OAuth sign-in and stays up through several idle periods with the provider's window open; the
 *    provider's window closed by the user ends the sign-in at once (AUTHORIZATION_FAILED), nothing kept.
 *  - firefox-sign-in-progress: a password sign-in held by the test backpack, its popup tab closed
 *    and another opened: the same form busy ("Signing in…", aria-disabled) with its live line and
 *    Cancel, which Tab reaches and Enter presses; the background page then holds no sign-in.
 *  - firefox-toolbar-panel: the real toolbar panel (opened as the button's click does), its size;
 *    "Import backup…" pressed there opening the tab at Settings' Backup section; Escape closing the
 *    panel even with the filters open, and the filter kept when it opens again.
 *  - firefox-local-addresses: in the real toolbar panel, "Your addresses in this browser" (typed key
 *    by key, kept across panel opens, a duplicate in another letter case refused with aria-invalid,
 *    Remove handing focus to the heading, the longest address in the dark scheme), a local badge
 *    issued to a typed address (its Issued to and recipient check), and the Share screen's LinkedIn
 *    note for a badge with no public link: nothing wider than 380 px, no script error.
 *  - firefox-site-access: host_permissions granted at install; LinkedIn taken back as about:addons
 *    does (ExtensionPermissions.remove), the popup's notice, and its "Allow access" through the
 *    add-on's own permissions.request (the prompt turned off by extensions.webextOptionalPermissionPrompts).
 *  - firefox-backup-restore: a backup exported from Settings in one profile, picked in the Settings'
 *    file input (the tab the panel opens) of a fresh profile: the same badges back, verified again.
 *  - firefox-hover-driven: a page that moves, focuses and fires made-up events at badge links under
 *    the resting pointer (with the layout and scroll changes after which Firefox makes pointer events
 *    of its own) makes Lanyard fetch nothing; a person's hover on the same page is checked.
 *
 * NOT COVERED in Firefox (covered in Chromium only, or nowhere):
 *  - most screens in the toolbar popup itself (a panel): the tests open the popup page as a tab;
 *    firefox-toolbar-panel (firefox/panel.ts opens, reads, types in and draws the real panel) covers
 *    its size, "Import backup…" handing Settings to a tab, and Escape closing it; the browser's
 *    permission prompt (granted through ExtensionPermissions instead);
 *  - the real sites (linkedin.com, mail.google.com): fixtures only, as in Chromium; TLS is a local
 *    self-signed certificate accepted by the session, not the real chain;
 *  - an alarm waking the stopped background page, storage.session isolation from content scripts, Outlook pages, keyboard
 *    navigation of the list, End on the 1,000-badge list, and the hostile badge's own page and
 *    embed HTML in the popup (all in Chromium's tests);
 *  - errors are collected from sources at moz-extension:// URLs (our pages, background and content
 *    scripts): a page's own script errors (LinkedIn's, Gmail's) are not ours and not checked;
 *  - pages a proxy cannot intercept (plain http other than 127.0.0.1) and HTTP/2 to the sites.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CONFORMANCE_DIR } from '../../support/conformance.ts';
import { launchFirefox, SHOTS, type LaunchOptions, type Launched } from './launch.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The W3C WebDriver element key. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export type ElementRef = { [ELEMENT]: string };

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Code Marionette runs in the parent process: collects script errors and console.error of every process. */
const WATCH_ERRORS = `
  const w = Services.wm.getMostRecentWindow('navigator:browser');
  if (w.__lanyardErrors) return;
  const errors = (w.__lanyardErrors = []);
  Services.console.registerListener({ observe(msg) {
    if (!(msg instanceof Ci.nsIScriptError) || (msg.flags & Ci.nsIScriptError.warningFlag) || (msg.flags & Ci.nsIScriptError.infoFlag)) return;
    errors.push({ source: msg.sourceName || '', text: msg.errorMessage });
  } });
  Services.ppmm.addMessageListener('lanyard:console-error', (m) => errors.push(m.data));
  // console.error() in a child process (the extension's process) is seen there only: a process
  // script (loaded in every process; a data: URL needs security.allow_parent_unrestricted_js_loads,
  // set in launch.ts) listens to that process's console storage and relays errors here.
  Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(\`
    Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).addLogEventListener((message) => {
      const m = message.wrappedJSObject || message;
      if (m.level !== 'error') return;
      const text = (m.arguments || []).map((a) => { try { return typeof a === 'string' ? a : String(a); } catch { return '?'; } }).join(' ');
      sendAsyncMessage('lanyard:console-error', { source: m.filename || '', text });
    }, Services.scriptSecurityManager.getSystemPrincipal());
  \`), true);
`;

export class Firefox {
  private constructor(readonly launched: Launched) {}

  static async launch(options?: LaunchOptions): Promise<Firefox> {
    const launched = await launchFirefox(options);
    const ff = new Firefox(launched);
    try {
      await ff.chrome(WATCH_ERRORS);
    } catch (e) {
      await launched.quit();
      throw e;
    }
    return ff;
  }

  get m() {
    return this.launched.m;
  }
  get origin() {
    return this.launched.origin;
  }
  get manifest() {
    return this.launched.manifest;
  }
  get popupUrl() {
    return `${this.origin}${this.manifest.action.default_popup}`;
  }

  quit(): Promise<void> {
    return this.launched.quit();
  }

  /** Runs `script` (a function body; `arguments` are `args`) in the parent process with chrome privileges. */
  async chrome<T = unknown>(script: string, args: unknown[] = []): Promise<T> {
    await this.m.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return (await this.m.send<{ value: T }>('WebDriver:ExecuteScript', { script, args })).value;
    } finally {
      await this.m.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /** Errors from moz-extension:// pages (ours) since the last call, as "text @ source". */
  async takeErrors(): Promise<string[]> {
    const all = await this.chrome<{ source: string; text: string }[]>(
      `const e = Services.wm.getMostRecentWindow('navigator:browser').__lanyardErrors; return e.splice(0, e.length);`,
    );
    return all.filter((e) => e.source.startsWith('moz-extension://')).map((e) => `${e.text} @ ${e.source}`);
  }

  /** Opens `url` in a new tab (system principal: extension pages too) and makes it the current one. */
  async openTab(url: string): Promise<string> {
    const before = new Set(await this.m.send<string[]>('WebDriver:GetWindowHandles'));
    await this.chrome(
      `const w = Services.wm.getMostRecentWindow('navigator:browser');
       w.gBrowser.selectedTab = w.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
      [url],
    );
    const handle = await waitFor(async () => (await this.m.send<string[]>('WebDriver:GetWindowHandles')).find((h) => !before.has(h)));
    await this.m.send('WebDriver:SwitchToWindow', { handle });
    await waitFor(async () => (await this.run(() => document.readyState)) === 'complete' && (await this.m.send<{ value: string }>('WebDriver:GetCurrentURL')).value !== 'about:blank');
    return handle;
  }

  async switchTo(handle: string): Promise<void> {
    await this.m.send('WebDriver:SwitchToWindow', { handle });
  }

  /** Closes the current tab and switches to the first remaining one. */
  async closeTab(): Promise<void> {
    const left = await this.m.send<string[]>('WebDriver:CloseWindow');
    if (left[0]) await this.switchTo(left[0]);
  }

  /** Closes every tab but `keep`, and makes `keep` current (a clean start after a failed test). */
  async only(keep: string): Promise<void> {
    for (const h of await this.m.send<string[]>('WebDriver:GetWindowHandles')) {
      if (h === keep) continue;
      await this.switchTo(h);
      await this.m.send('WebDriver:CloseWindow');
    }
    await this.switchTo(keep);
  }

  async navigate(url: string): Promise<void> {
    await this.m.send('WebDriver:Navigate', { url });
  }

  async url(): Promise<string> {
    return (await this.m.send<{ value: string }>('WebDriver:GetCurrentURL')).value;
  }

  /** Runs `fn(...args)` in the current page (Marionette's sandbox over it); awaits a returned promise. */
  async run<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    const r = await this.m.send<{ value: T }>('WebDriver:ExecuteScript', { script: `return (${fn.toString()}).apply(null, arguments);`, args });
    return r.value;
  }

  /** Polls `fn(...args)` in the page until it returns something other than null/undefined/false. */
  waitIn<A extends unknown[], T>(fn: (...args: A) => T | null | undefined | false | Promise<T | null | undefined | false>, args: A, timeoutMs = 30_000, what = fn.toString().slice(0, 120)): Promise<T> {
    return waitFor(() => this.run(fn, ...args).catch(() => undefined) as Promise<T | undefined>, timeoutMs, what);
  }

  /**
   * The first element matching `selector` whose accessible text (text, aria-label, value, or its
   * label's text) equals `text` (or matches it, a RegExp source given as /…/), once it exists and is visible.
   */
  el(selector: string, text?: string | RegExp, timeoutMs = 30_000): Promise<ElementRef> {
    const pattern = text instanceof RegExp ? { source: text.source, flags: text.flags } : text === undefined ? null : { exact: text };
    return this.waitIn(
      (sel: string, p: { source?: string; flags?: string; exact?: string } | null) => {
        const name = (e: Element) => {
          // Its label's text without the control's own (a <select>'s options inside the <label>).
          const own = e.closest('label');
          const forIt = e.id ? [...document.querySelectorAll('label')].find((l) => l.htmlFor === e.id) : undefined;
          const label = forIt ? forIt.textContent : own && own !== e ? (own.textContent ?? '').replace(e.textContent ?? '', '') : '';
          return [e.getAttribute('aria-label'), e.textContent, label].map((s) => (s ?? '').replace(/\s+/g, ' ').trim());
        };
        const ok = (s: string) => (!p ? true : p.exact !== undefined ? s === p.exact : new RegExp(p.source!, p.flags).test(s));
        for (const e of document.querySelectorAll(sel)) {
          const r = e.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (name(e).some(ok)) return e;
        }
        return null;
      },
      [selector, pattern],
      timeoutMs,
      `${selector} ${String(text ?? '')}`,
    ) as unknown as Promise<ElementRef>;
  }

  /**
   * The `nth` element matching `selector`, once it exists (visible or not: a shadow host may have no box of its own):
   * in the document, then in the page's open shadow roots (LinkedIn's #interop-outlet).
   */
  find(selector: string, nth = 0, timeoutMs = 30_000): Promise<ElementRef> {
    return this.waitIn(
      (sel: string, i: number) => {
        const found: Element[] = [];
        const walk = (root: Document | ShadowRoot) => {
          found.push(...root.querySelectorAll(sel));
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
        };
        walk(document);
        return found[i] ?? null;
      },
      [selector, nth],
      timeoutMs,
      `${selector} #${nth}`,
    ) as unknown as Promise<ElementRef>;
  }

  async click(selector: string, text?: string | RegExp): Promise<void> {
    const el = await this.el(selector, text);
    await this.m.send('WebDriver:ElementClick', { id: el[ELEMENT] });
  }

  /** Types `value` into the input labelled `label` (cleared first), as key events. */
  async fill(label: string, value: string): Promise<void> {
    await this.type(await this.el('input, textarea', label), value);
  }

  /** Types `value` into the element (or the first visible match of a selector), cleared first. */
  async type(target: string | ElementRef, value: string): Promise<void> {
    const el = typeof target === 'string' ? await this.el(target) : target;
    await this.m.send('WebDriver:ElementClear', { id: el[ELEMENT] });
    await this.m.send('WebDriver:ElementSendKeys', { id: el[ELEMENT], text: value });
  }

  /** Chooses `value` in the <select> labelled `label` (a change event, as a user's choice fires). */
  async select(label: string, value: string): Promise<void> {
    const el = await this.el('select', label);
    await this.run(
      (e: HTMLSelectElement, v: string) => {
        e.value = v;
        e.dispatchEvent(new Event('input', { bubbles: true }));
        e.dispatchEvent(new Event('change', { bubbles: true }));
      },
      el as unknown as HTMLSelectElement,
      value,
    );
  }

  /** Waits for visible text `text` (substring) in the page. */
  async text(text: string, timeoutMs = 30_000): Promise<void> {
    // Spaces compared as spaces: French puts no-break spaces before : ; ? ! (as Playwright's getByText normalises them).
    await this.waitIn((t: string) => document.body.innerText.replace(/\s+/g, ' ').includes(t.replace(/\s+/g, ' ')), [text], timeoutMs, `text "${text}"`);
  }

  /** The popup page (optionally ?preview…) in a new tab, with the light or dark scheme. */
  async openPopup(query = '', scheme: 'light' | 'dark' = 'light'): Promise<string> {
    await this.colorScheme(scheme);
    const handle = await this.openTab(`${this.popupUrl}${query}`);
    await this.el('h1', 'Lanyard');
    return handle;
  }

  /** Firefox's content colour-scheme override (0 dark, 1 light). */
  async colorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.chrome(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', arguments[0]);`, [scheme === 'dark' ? 0 : 1]);
  }

  /**
   * axe-core in the current page (Marionette's sandbox, no <script> injection: the page's CSP
   * forbids it); serious and critical violations. `iframes: false`: axe cannot run inside the
   * share screen's script-less sandboxed preview, and its postMessage to that null-origin frame
   * is an error Firefox reports against our page.
   */
  async axe(): Promise<string[]> {
    const r = await this.m.send<{ value: { id: string; impact: string; targets: string[] }[] }>('WebDriver:ExecuteScript', {
      script: `${AXE};
        return axe.run(document, { resultTypes: ['violations'], iframes: false }).then((r) =>
          r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })));`,
      args: [],
    });
    return r.value.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
  }

  /** Saves a PNG of `selector` (default: the popup's body, 380×560; null: the viewport) to test-results/firefox/<name>.png. */
  async screenshot(name: string, selector: string | null = 'body'): Promise<string> {
    await this.run(() => document.fonts.ready.then(() => true));
    const el = selector === null ? null : await this.el(selector);
    const { value } = await this.m.send<{ value: string }>('WebDriver:TakeScreenshot', { ...(el ? { id: el[ELEMENT] } : {}), full: false, hash: false });
    const path = join(SHOTS, `${name}.png`);
    writeFileSync(path, Buffer.from(value, 'base64'));
    return path;
  }

  /**
   * Elements matching `selector` inside the (closed) shadow root of the `nth` Lanyard host of
   * `kind`: Marionette's Get Element Shadow Root returns closed roots too, the way a test needs
   * (page scripts cannot reach them).
   */
  async inShadow(kind: string, selector: string, nth = 0): Promise<ElementRef[]> {
    const host = await this.find(`[data-lanyard="${kind}"]`, nth);
    const { value: root } = await this.m.send<{ value: Record<string, string> }>('WebDriver:GetShadowRoot', { id: host[ELEMENT] });
    const shadowId = Object.values(root)[0];
    return this.m.send<ElementRef[]>('WebDriver:FindElementsFromShadowRoot', { shadowRoot: shadowId, using: 'css selector', value: selector }).then((r) => (Array.isArray(r) ? r : (r as unknown as { value: ElementRef[] }).value));
  }

  /** Clicks (a WebDriver click: scrolled into view, at its centre) the first `selector` in a Lanyard shadow root. */
  async clickInShadow(kind: string, selector: string, nth = 0): Promise<void> {
    // The picker acts only once it has been shown, unmoved, for a while (src/content/ui/armed.ts): a person reads first.
    if (kind === 'picker') await waitFor(async () => (await this.inShadow(kind, '[role=dialog][data-armed]', nth))[0], 30_000, 'the picker armed');
    const el = await waitFor(async () => (await this.inShadow(kind, selector, nth))[0], 30_000, `${kind} ${selector}`);
    await this.m.send('WebDriver:ElementClick', { id: el[ELEMENT] });
  }

  /** Clicks the `nth` Lanyard button of `kind`. */
  clickButton(kind: string, nth = 0): Promise<void> {
    return this.clickInShadow(kind, 'button', nth);
  }

  async attribute(el: ElementRef, name: string): Promise<string | null> {
    return (await this.m.send<{ value: string | null }>('WebDriver:GetElementAttribute', { id: el[ELEMENT], name })).value;
  }

  async elementText(el: ElementRef): Promise<string> {
    return (await this.m.send<{ value: string }>('WebDriver:GetElementText', { id: el[ELEMENT] })).value;
  }

  /** The picker's options' labels, once it has some. */
  pickerOptions(): Promise<string[]> {
    return waitFor(async () => {
      const items = await this.inShadow('picker', 'li[role=option]');
      const labels = await Promise.all(items.map((li) => this.attribute(li, 'aria-label').then((l) => l ?? '')));
      return labels.length ? labels : null;
    }, 30_000, 'picker options');
  }

  /** Picks the picker's option whose label starts with `name`. */
  async pick(name: string): Promise<void> {
    const labels = await this.pickerOptions();
    const i = labels.findIndex((l) => l.startsWith(name));
    if (i < 0) throw new Error(`no badge "${name}" in the picker: ${JSON.stringify(labels)}`);
    await this.clickInShadow('picker', `li[data-i="${i}"]`);
  }

  /** Moves the mouse onto `el` (a WebDriver pointer action), as a person pausing on a link. */
  async hover(el: ElementRef): Promise<void> {
    // A real pointer's approach and a small move over the element (verify on hover waits for a dwell
    // after real movement: src/content/features/hover-verify.ts), then the pointer rests.
    await this.m.send('WebDriver:PerformActions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', duration: 50, origin: el, x: -4, y: 0 },
        { type: 'pointerMove', duration: 100, origin: el, x: 0, y: 0 },
      ] }],
    });
  }

  /** Presses and releases one key (a WebDriver key action: the key events a person's press makes), e.g. '\uE015' ArrowDown. */
  async press(key: string): Promise<void> {
    await this.m.send('WebDriver:PerformActions', { actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }] });
    await this.m.send('WebDriver:ReleaseActions', {});
  }

  /** Moves the mouse to the page's top-left corner (off every link). */
  async mouseAway(): Promise<void> {
    await this.m.send('WebDriver:PerformActions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: 1, y: 1 }] }],
    });
  }

  /** Sends one popup message from the current extension page; resolves with the background's reply. */
  send<T = unknown>(type: string, args: unknown): Promise<Reply<T>> {
    return this.run((type: string, args: unknown) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type, args }), type, args) as Promise<Reply<T>>;
  }

  async call<T = unknown>(type: string, args: unknown): Promise<T> {
    const r = await this.send<T>(type, args);
    if (!r.ok) throw new Error(`${type} failed: ${r.error.code}: ${r.error.message}`);
    return r.value;
  }

  /**
   * Grants host patterns as the user's "Allow" would, without the prompt: ExtensionPermissions.add
   * in the parent (what Firefox's own prompt and about:addons call); permissions.onAdded fires in the add-on.
   */
  grantHosts(origins: string[]): Promise<void> {
    return this.changeHosts('add', origins);
  }

  /** Takes host patterns back as about:addons' Permissions toggles do (ExtensionPermissions.remove); permissions.onRemoved fires. */
  revokeHosts(origins: string[]): Promise<void> {
    return this.changeHosts('remove', origins);
  }

  private async changeHosts(how: 'add' | 'remove', origins: string[]): Promise<void> {
    await this.m.send('Marionette:SetContext', { value: 'chrome' });
    try {
      const r = await this.m.send<{ value: unknown }>('WebDriver:ExecuteAsyncScript', {
        script: `const [id, how, origins, done] = arguments;
          const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
          ExtensionPermissions[how](id, { permissions: [], origins }, WebExtensionPolicy.getByID(id).extension).then(() => done(true), (e) => done(String(e)));`,
        args: [this.launched.geckoId, how, origins],
      });
      if (r.value !== true) throw new Error(`ExtensionPermissions.${how} failed: ${String(r.value)}`);
    } finally {
      await this.m.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /**
   * Sends an OAuth `accounts/sign-in` from the current extension page without waiting (the reply
   * comes once the user has signed in, in another window: `signInReply`), finds the provider's
   * authorization window among Marionette's handles, and makes it current. Returns its handle.
   * `home`: the handle of the current page (the popup), which sends it.
   */
  async startOAuthSignIn(baseUrl: string, home: string): Promise<string> {
    const before = new Set(await this.m.send<string[]>('WebDriver:GetWindowHandles'));
    await this.run((baseUrl: string) => {
      const root = document.documentElement;
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime
        .sendMessage({ type: 'accounts/sign-in', args: { kind: 'ob3', baseUrl } })
        .then((r: unknown) => (root.dataset.testSignIn = JSON.stringify(r)), (e: unknown) => (root.dataset.testSignIn = JSON.stringify({ thrown: String(e) })));
    }, baseUrl);
    return waitFor(
      async () => {
        for (const h of await this.m.send<string[]>('WebDriver:GetWindowHandles')) {
          if (before.has(h)) continue;
          await this.switchTo(h);
          if ((await this.url()).startsWith(`${baseUrl}/oauth/authorize`)) return h;
        }
        await this.switchTo(home);
        return undefined;
      },
      20_000,
      'the authorization window',
    );
  }

  /**
   * Signs in on the test backpack's authorization form (the current window, `auth`), allows, waits
   * for Firefox to close the window (at the redirect to the redirect URL), and returns the reply
   * to `startOAuthSignIn`'s message, read in the page that sent it (`home`).
   */
  async approveSignIn<T = { ok: boolean; value: { id: string; kind: string; user: string } }>(auth: string, home: string, user: { username: string; password: string }): Promise<T> {
    await this.type('#username', user.username);
    await this.type('#password', user.password);
    await this.click('#allow');
    await waitFor(async () => !(await this.m.send<string[]>('WebDriver:GetWindowHandles')).includes(auth), 30_000, 'the authorization window closes');
    return this.signInReply<T>(home);
  }

  /** The reply to `startOAuthSignIn`'s message, read in the page that sent it (`home`). */
  async signInReply<T = { ok: boolean; value: { id: string; kind: string; user: string } }>(home: string): Promise<T> {
    await this.switchTo(home);
    return JSON.parse(await this.waitIn(() => document.documentElement.dataset.testSignIn, [], 20_000)) as T;
  }

  /** The background page's state in the parent: starting, running, suspending or stopped (Firefox stops an idle event page). */
  backgroundState(): Promise<string> {
    return this.chrome<string>(`return WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState;`, [this.launched.geckoId]);
  }

  /** Imports a conformance fixture (test/support/conformance.ts) through badges/import, from a popup tab closed after. */
  async importConformance<T = { verdict: string; format: string; name: string }>(file: string): Promise<T> {
    await this.openTab(this.popupUrl);
    try {
      return await this.call<T>('badges/import', { source: { kind: 'text', text: readFileSync(join(CONFORMANCE_DIR, file), 'utf8') } });
    } finally {
      await this.closeTab();
    }
  }

  /** Every record of an IndexedDB store of the add-on, read from the current extension page (same origin as the background). */
  readStore<T = Record<string, unknown>>(store: string): Promise<T[]> {
    return this.run(
      (store: string) =>
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
}

/** Polls `check` until it returns a value other than undefined/null/false. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, what = ''): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) throw new Error(`waitFor: timed out after ${timeoutMs} ms${what ? `: ${what}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
