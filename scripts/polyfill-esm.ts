/**
 * Vite plugin: webextension-polyfill as an ES module whose default export is the namespace itself.
 *
 * The polyfill is a UMD file. Bundled as CommonJS, its default import goes through the bundler's
 * interop (`__toESM(require_polyfill(), 1).default`), which first copies every own property of what
 * the module exports onto a new object, reading each one's descriptor. In Chromium, where the
 * polyfill exports the browser's own `browser` namespace unchanged, reading a descriptor builds that
 * API's bindings: action, alarms, identity, scripting, storage, tabs, windows... all of them, at
 * every start of the service worker, before its first message can be answered (issue 14,
 * `sw_wake_ms`; the popup had the same cost, src/platform/page-api.ts). Measured with
 * bench/support/wake-probe.ts, 21 wakes in one Chromium: background.js's evaluation 6.3 -> 2.6 ms,
 * the popup's first message answered 42.9 -> 37.8 ms after it was sent.
 *
 * Here the UMD runs its CommonJS branch against a module object of our own and the result is the
 * default export: no copy, the same object the polyfill returns (in Firefox, and in a Chromium
 * without its own `browser`, the polyfill's wrapper as before).
 */
import type { Plugin } from 'vite';

const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/;

/** The polyfill's UMD source as an ES module (exported for its test). */
export function polyfillAsModule(code: string): string {
  // The UMD's CommonJS branch (`typeof exports !== "undefined"`) calls its factory with `module`.
  return `const __polyfill = { exports: {} };\n(function (module, exports) {\n${code}\n}).call(globalThis, __polyfill, __polyfill.exports);\nexport default __polyfill.exports;\n`;
}

export function polyfillEsm(): Plugin {
  return {
    name: 'lanyard:polyfill-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!POLYFILL.test(id)) return null;
      if (!code.includes('typeof exports !== "undefined"') || !code.includes('factory(module)')) {
        this.error(`polyfill-esm: ${id} no longer has the UMD CommonJS branch this plugin relies on`);
      }
      return { code: polyfillAsModule(code), map: null };
    },
  };
}
