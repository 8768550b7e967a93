/**
 * A page script that replaces, before Lanyard's picker is made, the DOM members Lanyard's content scripts call after
 * the page's scripts ran (for `<script>(${PAGE_POLLUTES})()</script>` at the top of a page's <head>, after
 * PAGE_EARS, or an init script): stopping an event, its composed path, a closed root's `activeElement`,
 * `attachShadow` (made open), the popover calls and `getComputedStyle`. Were they shared with the content script's
 * world, the keys typed in the picker would reach the page and its root would be open; each call of one goes to
 * `window.seen`. Chromium's isolated world and Firefox's sandbox (Xray vision) give Lanyard the browser's own.
 */
export const PAGE_POLLUTES = `function () {
  window.seen = [];
  var note = function (s) { window.seen.push(s); };
  Event.prototype.stopImmediatePropagation = function () { note('stopImmediatePropagation ' + this.type); };
  Event.prototype.composedPath = function () { note('composedPath ' + this.type); return []; };
  Object.defineProperty(ShadowRoot.prototype, 'activeElement', { configurable: true, get: function () { note('activeElement'); return null; } });
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { note('attachShadow'); return attach.call(this, Object.assign({}, init, { mode: 'open' })); };
  HTMLElement.prototype.showPopover = function () { note('showPopover'); };
  HTMLElement.prototype.hidePopover = function () { note('hidePopover'); };
  var gcs = window.getComputedStyle;
  window.getComputedStyle = function (el) { note('getComputedStyle'); return gcs.apply(this, arguments); };
}`;
