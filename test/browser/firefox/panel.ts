/**
 * The add-on's real toolbar popup in Firefox (a panel, not a tab), driven from a test:
 *  - opened as a click on the toolbar button opens it: the browser action's `triggerAction` in the
 *    parent (ext-browserAction.js), which also grants activeTab on the selected tab;
 *  - its page read and changed from an extension page the test has open in a tab (the current
 *    Marionette window): `browser.extension.getViews({ type: 'popup' })` holds the panel's window
 *    there, in the same extension process;
 *  - keys pressed as a person's (trusted key events, user input for permission prompts): Marionette
 *    key actions in the parent window with the panel's <browser> focused, which forwards them;
 *  - drawn for a screenshot with its remote window's drawSnapshot (the panel is a separate widget that
 *    WebDriver:TakeScreenshot does not capture).
 * Found on 2026-12-06; before, the Firefox tests opened the popup page as a tab only (support.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS } from './launch.ts';
import { waitFor, type Firefox } from './support.ts';

/** The parent window's open panels that hold a <browser>, as a script for the chrome context. */
const PANEL = `const w = Services.wm.getMostRecentWindow('navigator:browser');
  const panel = [...w.document.querySelectorAll('panel')].find((p) => p.state === 'open' && p.querySelector('browser.webextension-popup-browser'));
  const browser = panel && panel.querySelector('browser.webextension-popup-browser');`;

export class ToolbarPanel {
  constructor(private readonly ff: Firefox) {}

  /** Opens the panel as the toolbar button's click does; resolves once its page has rendered its header. */
  async open(): Promise<void> {
    // The toolbar button toggles: a panel a failed test left open would be closed by this press.
    if (await this.isOpen()) {
      await this.close();
      await waitFor(async () => !(await this.isOpen()), 5_000, 'the panel left open closed');
    }
    await this.ff.chrome(
      `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
       ExtensionParent.apiManager.global.browserActionFor(WebExtensionPolicy.getByID(arguments[0]).extension).triggerAction(Services.wm.getMostRecentWindow('navigator:browser'));`,
      [this.ff.launched.geckoId],
    );
    await waitFor(() => this.run((doc) => !!doc.querySelector('h1')), 30_000, 'the toolbar panel rendered');
  }

  /** Whether the panel is open. */
  isOpen(): Promise<boolean> {
    return this.ff.chrome<boolean>(`${PANEL} return !!browser;`);
  }

  /** Closes it as a click elsewhere would. */
  async close(): Promise<void> {
    await this.ff.chrome(`${PANEL} if (panel) panel.hidePopup();`);
  }

  /**
   * Runs `fn(document, window, ...args)` in the panel's page, from the extension page that is the
   * current Marionette window; throws if no panel is open.
   */
  async run<A extends unknown[], T>(fn: (doc: Document, win: Window & typeof globalThis, ...args: A) => T, ...args: A): Promise<T> {
    const r = await this.ff.m.send<{ value: T | 'no toolbar panel' }>('WebDriver:ExecuteScript', {
      script: `const [view] = browser.extension.getViews({ type: 'popup' });
        if (!view) return 'no toolbar panel';
        return (${fn.toString()}).apply(null, [view.document, view, ...arguments]);`,
      args,
    });
    if (r.value === 'no toolbar panel') throw new Error('no toolbar panel is open');
    return r.value as T;
  }

  /** Presses keys (WebDriver key values, e.g. '\uE007' Enter) in the panel, as a person's presses. */
  async press(...keys: string[]): Promise<void> {
    // Asked again until it holds: on a loaded machine the panel, just opened, took focus only later (a CI
    // run of session 27 failed at its first ask, and the next test found the panel left behind).
    await waitFor(
      () => this.ff.chrome<boolean>(`${PANEL} if (!browser) return false; browser.focus(); return Services.focus.focusedElement === browser;`),
      5_000,
      'the toolbar panel taking focus',
    );
    await this.ff.m.send('Marionette:SetContext', { value: 'chrome' });
    try {
      await this.ff.m.send('WebDriver:PerformActions', {
        actions: [{ type: 'key', id: 'panel-keyboard', actions: keys.flatMap((k) => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]) }],
      });
      await this.ff.m.send('WebDriver:ReleaseActions', {});
    } finally {
      await this.ff.m.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /** Saves a PNG of the panel's page (its remote window's drawSnapshot) to test-results/firefox/<name>.png. */
  async screenshot(name: string): Promise<string> {
    await this.ff.m.send('Marionette:SetContext', { value: 'chrome' });
    let png: string | null;
    try {
      png = (
        await this.ff.m.send<{ value: string | null }>('WebDriver:ExecuteAsyncScript', {
          script: `const done = arguments[arguments.length - 1];
            ${PANEL}
            if (!browser) return done(null);
            const r = browser.getBoundingClientRect();
            browser.browsingContext.currentWindowGlobal.drawSnapshot(new w.DOMRect(0, 0, r.width, r.height), 1, 'white').then((bitmap) => {
              const canvas = w.document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
              canvas.width = bitmap.width;
              canvas.height = bitmap.height;
              canvas.getContext('2d').drawImage(bitmap, 0, 0);
              done(canvas.toDataURL('image/png'));
            }, () => done(null));`,
          args: [],
        })
      ).value;
    } finally {
      await this.ff.m.send('Marionette:SetContext', { value: 'content' });
    }
    if (!png) throw new Error('no toolbar panel to draw');
    const path = join(SHOTS, `${name}.png`);
    writeFileSync(path, Buffer.from(png.split(',')[1]!, 'base64'));
    return path;
  }
}
