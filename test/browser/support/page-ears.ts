/**
 * A page script listening for everything the user types or pastes (for `<script>(${PAGE_EARS})()</script>` at the
 * top of a page's <head>, or Marionette's run): keyboard, composition, input and clipboard events, capturing and
 * bubbling, on its window and document; what each says goes to `window.heard` ("keydown a", "input secret").
 */
export const PAGE_EARS = `function () {
  window.heard = [];
  var types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'copy', 'cut'];
  types.forEach(function (t) {
    [window, document].forEach(function (target) {
      [true, false].forEach(function (capture) {
        target.addEventListener(t, function (e) {
          var said = e.key || e.data || (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
          window.heard.push(t + ' ' + said);
        }, capture);
      });
    });
  });
}`;

/**
 * A page script forging the key shield's state (src/content/dom/key-shield.ts keeps it on the content world's global
 * object under Symbol.for('lanyard.key-shield'), a key the page can name too: the symbol registry is the agent's):
 * on its window and on its Object.prototype, a getter that answers a shield claiming the focus, whose every use is
 * written to `window.forged`. The content script's world never reads the page's (Chromium's isolated world, Firefox's
 * sandbox over an Xray of the window): `forged` stays empty, and the page hears nothing through it.
 */
export const PAGE_FORGE = `function () {
  window.forged = [];
  var key = Symbol.for('lanyard.key-shield');
  var fake = new Set([{
    focused: function () { window.forged.push('focused'); return true; },
    deliver: function (e) { window.forged.push('deliver ' + e.type + ' ' + (e.key || e.data || '')); },
  }]);
  fake.add = function (sh) { window.forged.push('add'); return Set.prototype.add.call(this, sh); };
  [window, Object.prototype, Window.prototype, EventTarget.prototype].forEach(function (o) {
    Object.defineProperty(o, key, { configurable: true, get: function () { window.forged.push('read'); return fake; }, set: function () { window.forged.push('write'); } });
  });
}`;
