/*
 * The popup's first two messages, sent before the popup's bundle has loaded (an async module
 * script: it runs as soon as it is fetched, while the bundle and the stylesheet still load), so
 * that the background's replies are in flight during the page load instead of after it.
 * Copied as is from public/ (not bundled, so it runs first); the popup takes each reply once, by
 * the message's exact JSON, through src/popup/early.ts, and checks it like any other reply
 * (messaging/send.ts). Keep these messages the same as the popup's first load
 * (use-popup-data.ts: state/get, and badges/list with FIRST_SCREEN): test/popup/early.test.ts.
 * Nothing is sent for the preview (?preview=…), which runs over mock actions.
 */
const api = globalThis.browser ?? globalThis.chrome;
// An async script may run after the bundle: then the popup has asked already (early.ts set
// lanyardEarly to false) and nothing is sent twice.
if (globalThis.lanyardEarly === undefined && api?.runtime?.sendMessage && !new URLSearchParams(location.search).has('preview')) {
  const early = (globalThis.lanyardEarly = new Map());
  for (const message of [{ type: 'state/get', args: {} }, { type: 'badges/list', args: { limit: 20 } }]) {
    const reply = api.runtime.sendMessage(message);
    // A rejection is the popup's to report (as ERR_TRANSPORT), not an unhandled one here.
    reply?.catch?.(() => {});
    early.set(JSON.stringify(message), reply);
  }
}
